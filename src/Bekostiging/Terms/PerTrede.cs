namespace Bekostiging.Terms;

/// <summary>
/// An amount per rung climbed on the participatieladder: paid on the Trede event that first reaches a higher rung
/// than before, (new rung − highest so far) × amount. Without a rung at start, the first Trede event is the baseline.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/eventId</c>.</param>
/// <param name="BedragPerTrede">The amount per rung climbed.</param>
public sealed record PerTrede(string Code, Bedrag BedragPerTrede) : Betaalregel(Code)
{
    /// <summary>The amount per rung climbed.</summary>
    public Bedrag BedragPerTrede { get; init => field = NietNegatief(value, Code); } = NietNegatief(BedragPerTrede, Code);

    /// <inheritdoc />
    public override string Omschrijving => $"{BedragPerTrede} per trede hoger op de participatieladder";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
