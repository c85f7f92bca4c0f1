namespace Bekostiging.Terms;

/// <summary>
/// A fixed tariff per calendar month while the traject is active (arrangement, stabilisatie). Each month's line is
/// due on the month's last active day; a partial month is paid pro rata by calendar days (days active ÷ days in the
/// month). Without an end event the months run to the window's last day.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/YYYY-MM</c>.</param>
/// <param name="TariefPerMaand">The tariff per full calendar month.</param>
public sealed record PerPeriode(string Code, Bedrag TariefPerMaand) : Betaalregel(Code)
{
    /// <summary>The tariff per full calendar month.</summary>
    public Bedrag TariefPerMaand { get; init => field = ValideerTariefPerMaand(Code, value); } = ValideerTariefPerMaand(Code, TariefPerMaand);

    /// <inheritdoc />
    public override string Omschrijving => $"{TariefPerMaand} per maand, naar rato van kalenderdagen";

    private static Bedrag ValideerTariefPerMaand(string code, Bedrag tariefPerMaand)
        => Preconditions.Geldig(tariefPerMaand, !tariefPerMaand.IsNegatief, $"PerPeriode {code}: a tariff is not negative.");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
