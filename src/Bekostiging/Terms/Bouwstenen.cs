namespace Bekostiging.Terms;

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// Bouwstenen (seed 003, "bouwstenenmodel van Nijmegen"): a basistarief at the Start (rule <c>basistarief</c>) plus
    /// a price per module delivered (rule <c>modules</c>).
    /// </summary>
    /// <param name="basistarief">The base fee at start.</param>
    /// <param name="modules">The price per module code.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel Bouwstenen(Bedrag basistarief, params ModulePrijs[] modules)
        => new("Bouwstenen", ValueList.Of<Betaalregel>(
            new Eenmalig("basistarief", Aanleiding.Start, basistarief),
            new PerModule("modules", modules.ToValueList())));
}
