using System;
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

    /// <summary>
    /// Where this model states a result term of its own that differs from <paramref name="begrippen"/>: a durability
    /// rule other than the begrippen's duurzaamheidstermijn (aaneengesloten), or minimum hours per week other than the
    /// begrippen's. The model's own value applies; each difference is a warning in words, naming the model and the rule,
    /// so that a contract whose begrippen say otherwise is checked by a person (docs/beslissingen.md). Empty when the
    /// model follows the begrippen (definitions built on <see cref="Resultaatdefinitie.Standaard"/>).
    /// </summary>
    /// <param name="begrippen">The begrippen of the contract.</param>
    /// <returns>The warnings, in rule order.</returns>
    public ValueList<string> AfwijkingenVan(Begrippen begrippen)
    {
        Preconditions.NotNull(begrippen, nameof(begrippen));
        var result = new List<string>();
        foreach (var r in Regels)
        {
            var (definitie, metDuurzaamheid) = r switch
            {
                BijResultaat b => (b.Definitie, true),
                Trap t => (t.Definitie, false), // a staircase's steps are its durability
                _ => (null, false),
            };
            if (definitie is null)
            {
                continue;
            }

            if (metDuurzaamheid && definitie.Duurzaamheid is not BegrippenDuurzaamheid && definitie.Duurzaamheid != Duurzaamheid.Aaneengesloten(begrippen.Duurzaamheidstermijn))
            {
                result.Add($"Model {Naam}, rule {r.Code}: durability {Omschrijf(definitie.Duurzaamheid)} differs from the contract's duurzaamheidstermijn of {begrippen.Duurzaamheidstermijn} aaneengesloten; the rule's own term applies.");
            }

            if (definitie.MinimumUrenPerWeek is { } uren && uren != begrippen.MinimumUrenPerWeek)
            {
                result.Add(FormattableString.Invariant($"Model {Naam}, rule {r.Code}: minimum {uren} hours per week differs from the contract's minimum of {begrippen.MinimumUrenPerWeek} hours per week; the rule's own minimum applies."));
            }
        }

        return result.ToValueList();
    }

    private static string Omschrijf(Duurzaamheid d) => d switch
    {
        AaneengeslotenDuurzaamheid a => $"{a.Termijn} aaneengesloten",
        CumulatieveDuurzaamheid c => $"{c.Weken} of {c.VanWeken} weeks cumulatief",
        _ => "none",
    };

    private static Bedrag? CheckMaximum(string naam, Bedrag? maximum) => maximum is { IsNegatief: true }
        ? throw new BekostigingException(FoutCode.OngeldigeParameter, $"Model {naam}: a maximum is not negative ({maximum}).")
        : maximum;

    private static ValueList<Betaalregel> UniqueCodes(string naam, ValueList<Betaalregel> regels)
    {
        Preconditions.NotNull(regels, nameof(Regels));
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
