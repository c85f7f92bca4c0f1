namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>Trajectprijs paid in full at the Start. Rule code <c>trajectprijs</c>.</summary>
    /// <param name="prijs">The price.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel TrajectprijsBijStart(Bedrag prijs)
        => new("Trajectprijs bij start", ValueList.Of<Betaalregel>(new Eenmalig("trajectprijs", Aanleiding.Start, prijs)));

    /// <summary>
    /// Trajectprijs paid at the Afronding within the active period. With <paramref name="proRataBijUitval"/> an Uitval in
    /// the active period pays price × active days ÷ window days on the Uitval date instead (key <c>trajectprijs/prorata</c>).
    /// Rule code <c>trajectprijs</c>.
    /// </summary>
    /// <param name="prijs">The price.</param>
    /// <param name="proRataBijUitval">Whether an Uitval settles the price pro rata by days.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel TrajectprijsBijAfronding(Bedrag prijs, bool proRataBijUitval = false)
        => new("Trajectprijs bij afronding", ValueList.Of<Betaalregel>(new Eenmalig("trajectprijs", Aanleiding.Afronding, prijs) { ProRataBijUitval = proRataBijUitval }));

    /// <summary>
    /// Trajectprijs split by percentages over events (e.g. 40 % at the Start, 60 % at the Afronding): the price is indexed
    /// once, then split with the parts adding up to it exactly (<see cref="Prijsdelen"/>). Rule code <c>trajectprijs</c>,
    /// lines <c>trajectprijs/1</c>, <c>trajectprijs/2</c>, ….
    /// </summary>
    /// <param name="prijs">The price.</param>
    /// <param name="delen">The parts, percentages adding up to 100.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel TrajectprijsInDelen(Bedrag prijs, params Prijsdeel[] delen)
        => new("Trajectprijs in delen", ValueList.Of<Betaalregel>(new Prijsdelen("trajectprijs", prijs, Preconditions.NotNull(delen, nameof(delen)).ToValueList())));

    /// <summary>
    /// Trajectprijs in instalments from the Start (e.g. €2,500 in 12 monthly instalments). Instalments due after an
    /// Uitval or Afronding fall away; with <paramref name="proRataBijUitval"/> an Uitval settles the price by days.
    /// Rule code <c>trajectprijs</c>.
    /// </summary>
    /// <param name="prijs">The price.</param>
    /// <param name="aantal">The number of instalments.</param>
    /// <param name="interval">The time between instalments (default 1 month).</param>
    /// <param name="proRataBijUitval">Whether an Uitval settles the price pro rata by days.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel TrajectprijsInTermijnen(Bedrag prijs, int aantal, Duur? interval = null, bool proRataBijUitval = false)
        => new("Trajectprijs in termijnen", ValueList.Of<Betaalregel>(new Termijnen("trajectprijs", prijs, aantal, interval ?? Duur.Maanden(1), proRataBijUitval)));
}
