namespace Bekostiging.Terms;

/// <summary>
/// The named bekostigingsmodellen of domain.md §7 as presets, each built only from the building blocks in
/// <see cref="Betaalregel"/>'s family, one file per model. Every amount and percentage is a parameter; a model of
/// one's own is a <see cref="Bekostigingsmodel"/> with its own list of rules.
/// </summary>
public static partial class Bekostigingsmodellen
{
    /// <summary>The UWV definition of a plaatsing: regulier, gesubsidieerd or beschut werk, a contract of at least 6 months, 2 months worked, no further durability term.</summary>
    public static Resultaatdefinitie UwvPlaatsing { get; } = new(
        ValueList.Of(Uitstroomtype.RegulierWerk, Uitstroomtype.GesubsidieerdWerk, Uitstroomtype.BeschutWerk),
        0m,
        6,
        Duur.Maanden(2),
        Duurzaamheid.Geen,
        0);
}
