namespace Bekostiging.Terms;

/// <summary>
/// A price in instalments: instalment i is due on start + (i−1) × interval, computed from the start (not chained).
/// The parts add up to the price exactly (largest remainder, earlier first). Instalments due after an Uitval or
/// Afronding fall away; with <see cref="ProRataBijUitval"/>, an Uitval instead settles the price pro rata:
/// price × active days ÷ window days, less the instalments already due, on the Uitval date.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/i</c> (1-based) and <c>code/prorata</c>.</param>
/// <param name="Prijs">The whole price.</param>
/// <param name="Aantal">The number of instalments, at least 1.</param>
/// <param name="Interval">The time between instalments.</param>
/// <param name="ProRataBijUitval">Whether an Uitval settles the price pro rata by days.</param>
public sealed record Termijnen(string Code, Bedrag Prijs, int Aantal, Duur Interval, bool ProRataBijUitval = false) : Betaalregel(Code)
{
    /// <summary>The whole price.</summary>
    public Bedrag Prijs { get; init => field = ValideerPrijs(value); } = Prijs.IsNegatief
        ? throw new BekostigingException(FoutCode.OngeldigeParameter, $"Termijnen {Code}: a price is not negative.")
        : Prijs;

    /// <summary>The number of instalments.</summary>
    public int Aantal { get; init => field = ValideerAantal(value); } = Aantal is >= 1 and <= Verdeling.MaximaalAantalDelen
        ? Aantal
        : throw new BekostigingException(FoutCode.OngeldigeParameter, $"Termijnen {Code}: 1 to {Verdeling.MaximaalAantalDelen} instalments (got {Aantal}).");

    /// <inheritdoc />
    public override string Omschrijving => Aantal == 1 ? $"{Prijs} bij start" : $"{Prijs} in {Aantal} termijnen van {Interval}";

    private Bedrag ValideerPrijs(Bedrag Prijs) => Prijs.IsNegatief
        ? throw new BekostigingException(FoutCode.OngeldigeParameter, $"Termijnen {Code}: a price is not negative.")
        : Prijs;

    private int ValideerAantal(int Aantal) => Aantal is >= 1 and <= Verdeling.MaximaalAantalDelen
        ? Aantal
        : throw new BekostigingException(FoutCode.OngeldigeParameter, $"Termijnen {Code}: 1 to {Verdeling.MaximaalAantalDelen} instalments (got {Aantal}).");
}
