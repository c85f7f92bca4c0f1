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

    /// <summary>
    /// Maxima over chosen rules (e.g. modules and hours together at most €4,000, the result bonus on top), applied in this
    /// order to the lines of their own rules, before the maximum per traject (domain.md §12). Not indexed. Default none.
    /// </summary>
    public ValueList<Deelmaximum> Deelmaxima { get; init => field = CheckDeelmaxima(Naam, Regels, value); } = ValueList<Deelmaximum>.Empty;

    /// <summary>A copy with one more maximum over the rules <paramref name="regels"/> (codes of this model).</summary>
    /// <param name="maximum">The maximum.</param>
    /// <param name="regels">The codes of the rules it covers.</param>
    /// <returns>The changed model.</returns>
    /// <exception cref="BekostigingException">When a code is not a rule of the model, or none is given.</exception>
    public Bekostigingsmodel MetMaximum(Bedrag maximum, params string[] regels)
        => this with { Deelmaxima = Deelmaxima.Append(new Deelmaximum(maximum, Preconditions.NotNull(regels, nameof(regels)).ToValueList())).ToValueList() };

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

    private static ValueList<Deelmaximum> CheckDeelmaxima(string naam, ValueList<Betaalregel> regels, ValueList<Deelmaximum> maxima)
    {
        Preconditions.NotNull(maxima, nameof(Deelmaxima));
        foreach (var m in maxima)
        {
            Preconditions.NotNull(m, nameof(Deelmaxima));
            foreach (var code in m.Regels)
            {
                Preconditions.Check(regels.Any(r => r.Code == code), $"Model {naam}: the maximum of {m.Bedrag} names rule '{code}', which the model does not have.");
            }
        }

        return maxima;
    }

    private static Bedrag? CheckMaximum(string naam, Bedrag? maximum)
        => Preconditions.Geldig(maximum, maximum is not { IsNegatief: true }, $"Model {naam}: a maximum is not negative ({maximum}).");

    private static ValueList<Betaalregel> UniqueCodes(string naam, ValueList<Betaalregel> regels)
    {
        Preconditions.ZonderNull(regels, nameof(Regels));
        var seen = new HashSet<string>();
        foreach (var r in regels)
        {
            Preconditions.Check(seen.Add(r.Code), $"Model {naam}: rule code '{r.Code}' is used twice; codes start line keys and must be unique.");
        }

        return regels;
    }
}

/// <summary>A maximum over chosen rules of a model: the lines of those rules together are at most <paramref name="Bedrag"/>.</summary>
/// <param name="Bedrag">The maximum (not indexed), not negative.</param>
/// <param name="Regels">The codes of the rules it covers, at least one, each once.</param>
public sealed record Deelmaximum(Bedrag Bedrag, ValueList<string> Regels)
{
    /// <summary>The maximum.</summary>
    public Bedrag Bedrag { get; init => field = CheckBedrag(value); } = CheckBedrag(Bedrag);

    /// <summary>The codes of the rules it covers.</summary>
    public ValueList<string> Regels { get; init => field = CheckRegels(value); } = CheckRegels(Regels);

    /// <summary>Whether the maximum covers the rule <paramref name="code"/>.</summary>
    /// <param name="code">A rule code.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Dekt(string code)
    {
        foreach (var r in Regels)
        {
            if (string.Equals(r, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Bedrag CheckBedrag(Bedrag b) => Preconditions.Geldig(b, !b.IsNegatief, $"A maximum is not negative ({b}).");

    private static ValueList<string> CheckRegels(ValueList<string> regels)
    {
        Preconditions.NotNull(regels, nameof(Regels));
        return Preconditions.Geldig(
            regels,
            regels.Count > 0 && regels.Distinct(StringComparer.Ordinal).Count() == regels.Count,
            $"A maximum over rules names at least one rule, each once.");
    }
}
