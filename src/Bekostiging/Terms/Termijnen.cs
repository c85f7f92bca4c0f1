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
    public Bedrag Prijs { get; init => field = ValideerPrijs(Code, value); } = ValideerPrijs(Code, Prijs);

    /// <summary>The number of instalments.</summary>
    public int Aantal { get; init => field = ValideerAantal(Code, value); } = ValideerAantal(Code, Aantal);

    /// <inheritdoc />
    public override string Omschrijving => Aantal == 1 ? $"{Prijs} bij start" : $"{Prijs} in {Aantal} termijnen van {Interval}";

    private static Bedrag ValideerPrijs(string code, Bedrag prijs)
        => Preconditions.Geldig(prijs, !prijs.IsNegatief, $"Termijnen {code}: a price is not negative.");

    private static int ValideerAantal(string code, int aantal) => Preconditions.Geldig(
        aantal,
        aantal is >= 1 and <= Verdeling.MaximaalAantalDelen,
        $"Termijnen {code}: 1 to {Verdeling.MaximaalAantalDelen} instalments (got {aantal}).");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
