using System.Collections.Generic;
using System.Linq;

namespace Bekostiging.Terms;

/// <summary>
/// A bekostigingsmodel: a named list of payment rules (building blocks), an optional maximum per traject, and an
/// optional cap on the doorlooptijd including verlengingen. The named models in <see cref="Bekostigingsmodellen"/>
/// are presets; a model of one's own is built the same way:
/// <code>
/// var model = new Bekostigingsmodel("Eigen model", ValueList.Of&lt;Betaalregel&gt;(
///     new Eenmalig("aanhaking", Aanleiding.Start, Bedrag.Van(400m)),
///     Trap.MetHerhaling("uitkomst", Resultaatdefinitie.Standaard, Duur.Dagen(182), Bedrag.Van(1200m), Duur.Dagen(28), Bedrag.Van(85m), 20)));
/// </code>
/// </summary>
/// <param name="Naam">The model's name, for reports.</param>
/// <param name="Regels">The payment rules, in order (the order breaks ties when the maximum is applied).</param>
/// <param name="Maximum">The maximum per traject (not indexed), or <see langword="null"/>.</param>
/// <param name="MaximaleDoorlooptijd">A cap on the window including verlengingen (UWV IRO: 2 years), or <see langword="null"/>.</param>
public sealed record Bekostigingsmodel(string Naam, ValueList<Betaalregel> Regels, Bedrag? Maximum = null, Duur? MaximaleDoorlooptijd = null)
{
    /// <summary>The payment rules.</summary>
    public ValueList<Betaalregel> Regels { get; init => field = UniqueCodes(Naam, value); } = UniqueCodes(Naam, Regels);

    /// <summary>The maximum per traject.</summary>
    public Bedrag? Maximum { get; init => field = CheckMaximum(Naam, value); } = CheckMaximum(Naam, Maximum);

    /// <summary>A copy with a maximum per traject.</summary>
    /// <param name="maximum">The maximum.</param>
    /// <returns>The changed model.</returns>
    public Bekostigingsmodel MetMaximum(Bedrag maximum) => this with { Maximum = maximum };

    /// <summary>A copy with one more rule.</summary>
    /// <param name="regel">The rule.</param>
    /// <returns>The changed model.</returns>
    public Bekostigingsmodel Plus(Betaalregel regel) => this with { Regels = Regels.Append(regel).ToValueList() };

    private static Bedrag? CheckMaximum(string naam, Bedrag? maximum) => maximum is { IsNegatief: true }
        ? throw new BekostigingException(FoutCode.OngeldigeParameter, $"Model {naam}: a maximum is not negative ({maximum}).")
        : maximum;

    private static ValueList<Betaalregel> UniqueCodes(string naam, ValueList<Betaalregel> regels)
    {
        Preconditions.ZonderNull(regels, nameof(Regels));
        var seen = new HashSet<string>();
        foreach (var r in regels)
        {
            if (!seen.Add(r.Code))
            {
                throw new BekostigingException(FoutCode.OngeldigeParameter, $"Model {naam}: rule code '{r.Code}' is used twice; codes start line keys and must be unique.");
            }
        }

        return regels;
    }
}
