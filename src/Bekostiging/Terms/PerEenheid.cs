namespace Bekostiging.Terms;

/// <summary>
/// A fee per hour of work (Uren events), due on the date of the work at the tariff in force on that date, optionally
/// up to a maximum number of hours per traject. Hours outside the active period or beyond the maximum are not
/// payable and are listed; the Uren event that crosses the maximum is split.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/eventId</c>.</param>
/// <param name="Tarief">The tariff per hour.</param>
/// <param name="MaximumUren">The maximum hours per traject, or <see langword="null"/> for none.</param>
public sealed record PerEenheid(string Code, Bedrag Tarief, decimal? MaximumUren = null) : Betaalregel(Code)
{
    /// <summary>The tariff per hour.</summary>
    public Bedrag Tarief { get; init => field = ValideerTarief(Code, value); } = ValideerTarief(Code, Tarief);

    /// <summary>The maximum hours per traject.</summary>
    public decimal? MaximumUren { get; init => field = ValideerMaximumUren(Code, value); } = ValideerMaximumUren(Code, MaximumUren);

    /// <inheritdoc />
    public override string Omschrijving => MaximumUren is { } max ? $"{Tarief} per uur, ten hoogste {max} uur" : $"{Tarief} per uur";

    private static Bedrag ValideerTarief(string code, Bedrag tarief)
        => Preconditions.Geldig(tarief, !tarief.IsNegatief, $"PerEenheid {code}: a tariff is not negative ({tarief}).");

    private static decimal? ValideerMaximumUren(string code, decimal? maximumUren)
        => Preconditions.Geldig(maximumUren, maximumUren is null or >= 0m, $"PerEenheid {code}: a maximum is not negative ({maximumUren}).");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
