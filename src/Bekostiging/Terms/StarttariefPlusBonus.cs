namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// Starttarief plus resultaatbonus (seed 000: "starttarief en verschillende bonussen afhankelijk van het type
    /// uitstroom"): a one-off fee at the Start (rule <c>starttarief</c>) and a bonus per uitstroomtype on a durable
    /// result (rule <c>bonus</c>), tiers tried in order against the spell's first plaatsing.
    /// </summary>
    /// <param name="starttarief">The fee at start.</param>
    /// <param name="definitie">Which plaatsingen count and how long they must last.</param>
    /// <param name="klassen">The bonus tiers, in order.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel StarttariefPlusBonus(Bedrag starttarief, Resultaatdefinitie definitie, params Bonusklasse[] klassen)
        => new("Starttarief plus resultaatbonus", ValueList.Of<Betaalregel>(
            new Eenmalig("starttarief", Aanleiding.Start, starttarief),
            new BijResultaat("bonus", definitie, klassen.ToValueList())));
}
