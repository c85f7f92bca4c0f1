namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// Arrangement (seed 003, "vast tarief voor stabilisering"): a fixed tariff per calendar month while the traject
    /// is active, partial months pro rata by calendar days (rule <c>arrangement</c>).
    /// </summary>
    /// <param name="tariefPerMaand">The tariff per month.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel Arrangement(Bedrag tariefPerMaand)
        => new("Arrangement", ValueList.Of<Betaalregel>(new PerPeriode("arrangement", tariefPerMaand)));
}
