namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// Uurtarief: every hour of guidance in the active period is paid at the tariff in force on the date of the work,
    /// optionally up to a maximum number of hours per traject. Rule code <c>uren</c>.
    /// </summary>
    /// <param name="tarief">The tariff per hour (UWV: €86.00 from 2023).</param>
    /// <param name="maximumUren">The maximum hours per traject, or <see langword="null"/>.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel Uurtarief(Bedrag tarief, decimal? maximumUren = null)
        => new("Uurtarief", ValueList.Of<Betaalregel>(new PerEenheid("uren", tarief, maximumUren)));
}
