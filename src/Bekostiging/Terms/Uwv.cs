namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>The UWV maximum price of an IRO traject.</summary>
    public static Bedrag UwvIroMaximumPrijs { get; } = Bedrag.Van(5000m);

    /// <summary>
    /// UWV IRO (individuele re-integratieovereenkomst): no cure less pay with a price of at most €5,000, the last part
    /// on a UWV plaatsing (contract of at least 6 months, 2 months worked), and a doorlooptijd of at most 2 years that
    /// caps any verlenging. Rules <c>start</c> and <c>resultaat</c>.
    /// </summary>
    /// <param name="prijs">The price, at most €5,000.</param>
    /// <param name="percentageBijStart">The share at start in percent.</param>
    /// <returns>The model.</returns>
    /// <exception cref="BekostigingException">When the price is above €5,000.</exception>
    public static Bekostigingsmodel UwvIro(Bedrag prijs, decimal percentageBijStart = 50m)
    {
        Preconditions.Check(prijs <= UwvIroMaximumPrijs, nameof(prijs), prijs, "an IRO price is at most € 5.000,00.");
        return NoCureLessPay(prijs, percentageBijStart, UwvPlaatsing) with
        {
            Naam = "UWV IRO",
            MaximaleDoorlooptijd = Duur.Jaren(2),
        };
    }

    /// <summary>
    /// UWV Werkfit / Naar Werk: hours × uurtarief (UWV €86 from 2023, travel included) up to a maximum per dienst
    /// (rule <c>uren</c>), plus a bonus on durable work that begins within the doorlooptijd (rule <c>bonus</c>).
    /// </summary>
    /// <param name="uurtarief">The tariff per hour.</param>
    /// <param name="maximumUren">The maximum hours per dienst.</param>
    /// <param name="bonus">The bonus on duurzame werkhervatting.</param>
    /// <param name="definitie">What counts as duurzame werkhervatting (default: regulier, gesubsidieerd or beschut werk of at least 12 hours a week, lasting 6 months).</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel UwvWerkfit(Bedrag uurtarief, decimal maximumUren, Bedrag bonus, Resultaatdefinitie? definitie = null)
        => new("UWV Werkfit / Naar Werk", ValueList.Of<Betaalregel>(
            new PerEenheid("uren", uurtarief, maximumUren),
            BijResultaat.Vast("bonus", definitie ?? UwvPlaatsing with { MinimumUrenPerWeek = 12m, MinimumContractMaanden = null, Wachttijd = null, Duurzaamheid = Duurzaamheid.Aaneengesloten(Duur.Maanden(6)) }, bonus)));

    /// <summary>
    /// UWV plaatsingsfee staircase (50+): €300 / +€700 / +€500 when a plaatsing of at least 12 hours a week lasts
    /// 3 / 6 / 12 months (rule <c>plaatsingsfee</c>, steps 1–3). Amounts are parameters.
    /// </summary>
    /// <param name="stap3Maanden">The 3-month step (default €300).</param>
    /// <param name="stap6Maanden">The 6-month step (default €700).</param>
    /// <param name="stap12Maanden">The 12-month step (default €500).</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel UwvPlaatsingsfee(Bedrag? stap3Maanden = null, Bedrag? stap6Maanden = null, Bedrag? stap12Maanden = null)
        => new("UWV plaatsingsfee", ValueList.Of<Betaalregel>(new Trap(
            "plaatsingsfee",
            UwvPlaatsing with { MinimumUrenPerWeek = 12m, MinimumContractMaanden = null, Wachttijd = null },
            ValueList.Of(
                new Trapstap(Duur.Maanden(3), stap3Maanden ?? Bedrag.Van(300m)),
                new Trapstap(Duur.Maanden(6), stap6Maanden ?? Bedrag.Van(700m)),
                new Trapstap(Duur.Maanden(12), stap12Maanden ?? Bedrag.Van(500m))))));
}
