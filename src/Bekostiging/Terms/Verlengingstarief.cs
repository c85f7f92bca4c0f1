namespace Bekostiging.Terms;

/// <summary>A fee for each approved Verlenging of the traject, due on its approval date.</summary>
/// <param name="Code">The rule code; lines are keyed <c>code/eventId</c>.</param>
/// <param name="Bedrag">The fee per verlenging.</param>
public sealed record Verlengingstarief(string Code, Bedrag Bedrag) : Betaalregel(Code)
{
    /// <summary>The fee per verlenging.</summary>
    public Bedrag Bedrag { get; init => field = NietNegatief(value, Code); } = NietNegatief(Bedrag, Code);

    /// <inheritdoc />
    public override string Omschrijving => $"{Bedrag} per goedgekeurde verlenging";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
