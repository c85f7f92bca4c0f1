namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// No cure, less pay: price P, a share at the Start (rule <c>start</c>), the rest on the result (rule
    /// <c>resultaat</c>); nothing more without a result. The split rounds the start part and gives the rest to the
    /// result part, so both add up to P exactly.
    /// </summary>
    /// <param name="prijs">The price P.</param>
    /// <param name="percentageBijStart">The share at start in percent (e.g. 50), in [0, 100].</param>
    /// <param name="definitie">The result definition.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel NoCureLessPay(Bedrag prijs, decimal percentageBijStart, Resultaatdefinitie definitie)
    {
        Preconditions.Check(percentageBijStart is >= 0m and <= 100m, nameof(percentageBijStart), percentageBijStart, "a share is 0–100 %.");
        var delen = Verdeling.NaarPercentages(prijs, new[] { percentageBijStart, 100m - percentageBijStart });
        return new Bekostigingsmodel("No cure, less pay", ValueList.Of<Betaalregel>(
            new Eenmalig("start", Aanleiding.Start, delen[0]),
            BijResultaat.Vast("resultaat", definitie, delen[1])));
    }

    /// <summary>No cure, no pay: the whole price on the result (rule <c>resultaat</c>), nothing at the start.</summary>
    /// <param name="prijs">The price.</param>
    /// <param name="definitie">The result definition.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel NoCureNoPay(Bedrag prijs, Resultaatdefinitie definitie)
        => new("No cure, no pay", ValueList.Of<Betaalregel>(BijResultaat.Vast("resultaat", definitie, prijs)));
}
