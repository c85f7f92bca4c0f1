using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Scenarios;

/// <summary>One possible outflow of a plaatsing, with its weight among the outflows of a profiel.</summary>
/// <param name="Type">The uitstroomtype.</param>
/// <param name="UrenPerWeek">Hours per week of the plaatsing.</param>
/// <param name="Gewicht">Relative weight (e.g. 0.7).</param>
public sealed record Uitstroomkans(Uitstroomtype Type, decimal UrenPerWeek, decimal Gewicht);

/// <summary>
/// How clients of one cliëntprofiel behave, per month of their traject (domain.md §10): chance of a plaatsing and its
/// kind, chance of uitval, chance that a running plaatsing ends, hours of guidance, chance of climbing a rung.
/// </summary>
/// <param name="Profiel">The cliëntprofiel 1–4.</param>
/// <param name="KansPlaatsingPerMaand">Chance per month (from the second month) that a client without work is placed.</param>
/// <param name="Uitstroom">The kinds of plaatsing and their weights.</param>
/// <param name="KansUitvalPerMaand">Chance per month that the traject ends early.</param>
/// <param name="KansEindePlaatsingPerMaand">Chance per month that a running plaatsing ends.</param>
/// <param name="UrenBegeleidingPerMaand">Hours of guidance per month while not placed (half while placed).</param>
/// <param name="KansTredeOmhoogPerMaand">Chance per month of climbing one rung on the participatieladder.</param>
public sealed record Gedrag(
    int Profiel,
    decimal KansPlaatsingPerMaand,
    ValueList<Uitstroomkans> Uitstroom,
    decimal KansUitvalPerMaand,
    decimal KansEindePlaatsingPerMaand,
    decimal UrenBegeleidingPerMaand,
    decimal KansTredeOmhoogPerMaand)
{
    /// <summary>A copy with the plaatsing chance multiplied (for sensitivity), capped at 1.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The changed behaviour.</returns>
    public Gedrag MetPlaatsingsfactor(decimal factor) => this with { KansPlaatsingPerMaand = System.Math.Min(1m, KansPlaatsingPerMaand * factor) };

    /// <summary>A copy with one parameter multiplied, chances capped at 1 and hours at 200.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="factor">The factor (not negative).</param>
    /// <returns>The changed behaviour.</returns>
    public Gedrag MetFactor(Gedragsparameter parameter, decimal factor) => parameter switch
    {
        Gedragsparameter.KansPlaatsingPerMaand => this with { KansPlaatsingPerMaand = System.Math.Min(1m, KansPlaatsingPerMaand * factor) },
        Gedragsparameter.KansUitvalPerMaand => this with { KansUitvalPerMaand = System.Math.Min(1m, KansUitvalPerMaand * factor) },
        Gedragsparameter.KansEindePlaatsingPerMaand => this with { KansEindePlaatsingPerMaand = System.Math.Min(1m, KansEindePlaatsingPerMaand * factor) },
        Gedragsparameter.UrenBegeleidingPerMaand => this with { UrenBegeleidingPerMaand = System.Math.Min(200m, UrenBegeleidingPerMaand * factor) },
        Gedragsparameter.KansTredeOmhoogPerMaand => this with { KansTredeOmhoogPerMaand = System.Math.Min(1m, KansTredeOmhoogPerMaand * factor) },
        _ => throw Preconditions.Fout($"unknown behaviour parameter {parameter}."),
    };

    /// <summary>This behaviour under a model's assumed effect for its profiel (plaatsing and uitval chances multiplied, capped at 1).</summary>
    /// <param name="effect">The effect.</param>
    /// <returns>The changed behaviour.</returns>
    public Gedrag Onder(Profieleffect effect)
    {
        Preconditions.NotNull(effect, nameof(effect));
        return this with
        {
            KansPlaatsingPerMaand = System.Math.Min(1m, KansPlaatsingPerMaand * effect.PlaatsingFactor),
            KansUitvalPerMaand = System.Math.Min(1m, KansUitvalPerMaand * effect.UitvalFactor),
        };
    }
}

/// <summary>A model to compare: a name for the reports, the model, and the maximale doorlooptijd of its trajecten.</summary>
/// <param name="Naam">The name in tables and charts.</param>
/// <param name="Model">The bekostigingsmodel.</param>
/// <param name="MaximaleDoorlooptijd">The doorlooptijd of trajecten under this model.</param>
/// <param name="Gedrag">How provider behaviour is assumed to change under this model; <see langword="null"/> = no change.</param>
public sealed record TeVergelijkenModel(string Naam, Bekostigingsmodel Model, Duur MaximaleDoorlooptijd, Gedragseffect? Gedrag = null)
{
    /// <summary>True when the model assumes no change of behaviour.</summary>
    internal bool GedragOngewijzigd => Gedrag is null || Gedrag.IsNeutraal;
}

/// <summary>
/// A tender scenario (domain.md §10): a cohort per cliëntprofiel, behaviour per profiel, the contract (term and
/// indexation), the models to compare, a horizon, a budget, the provider's cost per hour, and the Monte Carlo
/// settings. Every client history is drawn as an event stream and settled with the same engine under every model.
/// </summary>
/// <param name="Naam">The scenario's name.</param>
/// <param name="Contract">The contract whose term and indexation apply (its products are not used).</param>
/// <param name="AantalPerProfiel">Clients per profiel 1–4 (index 0 = profiel 1): the cohort, or with <paramref name="Instroom"/> the caseload the instroom comes from.</param>
/// <param name="Gedragingen">Behaviour per profiel.</param>
/// <param name="Modellen">The models to compare.</param>
/// <param name="AanmeldingsperiodeMaanden">Aanmeldingen are spread evenly over this many months from the contract's ingangsdatum.</param>
/// <param name="HorizonMaanden">Costs are counted up to the contract's ingangsdatum + this many months − 1 day.</param>
/// <param name="BudgetPerJaar">The budget per calendar year, or <see langword="null"/>.</param>
/// <param name="KostenPerUur">The provider's cost per hour of guidance (for margins).</param>
/// <param name="Iteraties">Monte Carlo iterations.</param>
/// <param name="Seed">The seed: the same seed gives the same result, whatever the number of threads.</param>
/// <param name="Instroom">A yearly instroom per profiel instead of one cohort; <see langword="null"/> = the cohort <paramref name="AantalPerProfiel"/> over <paramref name="AanmeldingsperiodeMaanden"/>.</param>
/// <param name="Referentie">A reference for the yearly cost of one model (stated in the summary), or <see langword="null"/>.</param>
/// <param name="Gevoeligheidsanalyse">A tornado analysis of two models, or <see langword="null"/>.</param>
/// <param name="Rekendatum">The date the run is made for (shown in the charts' footer; the library never reads the clock), or <see langword="null"/>.</param>
public sealed record Scenario(
    string Naam,
    Raamovereenkomst Contract,
    ValueList<int> AantalPerProfiel,
    ValueList<Gedrag> Gedragingen,
    ValueList<TeVergelijkenModel> Modellen,
    int AanmeldingsperiodeMaanden,
    int HorizonMaanden,
    Bedrag? BudgetPerJaar,
    Bedrag KostenPerUur,
    int Iteraties,
    ulong Seed,
    Instroom? Instroom = null,
    Referentiekosten? Referentie = null,
    Gevoeligheidsanalyse? Gevoeligheidsanalyse = null,
    LocalDate? Rekendatum = null)
{
    /// <summary>The number of clients (trajecten) simulated: the cohort, or the instroom over all its years.</summary>
    public int AantalClienten => Instroom?.Totaal ?? AantalPerProfiel.Sum();

    /// <summary>The number of simulated clients of a profiel.</summary>
    /// <param name="profiel">The profiel 1–4.</param>
    /// <returns>The number.</returns>
    public int AantalVan(int profiel) => Instroom is { } i ? i.PerJaar[profiel - 1] * i.Jaren : AantalPerProfiel[profiel - 1];

    /// <summary>The months over which aanmeldingen fall: the instroom's years × 12, else <see cref="AanmeldingsperiodeMaanden"/>.</summary>
    internal int AanmeldingsMaanden => Instroom is { } i ? i.Jaren * 12 : AanmeldingsperiodeMaanden;

    /// <summary>The contract years in which aanmeldingen fall (the years a cost per contract year is averaged over).</summary>
    internal int Contractjaren => (AanmeldingsMaanden + 11) / 12;

    /// <summary>The last day costs are counted.</summary>
    public LocalDate Horizon => Duur.Maanden(HorizonMaanden).LaatsteDag(Contract.Ingangsdatum);

    /// <summary>The behaviour of a profiel.</summary>
    /// <param name="profiel">The profiel.</param>
    /// <returns>Its behaviour.</returns>
    public Gedrag GedragVan(int profiel) => Gedragingen.FirstOrDefault(g => g.Profiel == profiel)
        ?? throw Preconditions.Fout($"scenario {Naam}: no behaviour for profiel {profiel}.");

    /// <summary>Checks the scenario and throws a typed error naming the field and the rule.</summary>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/>.</exception>
    public void Valideer()
    {
        Preconditions.Check(AantalPerProfiel.Count == 4 && AantalPerProfiel.All(n => n >= 0), nameof(AantalPerProfiel), AantalPerProfiel, "four counts (profiel 1–4), none negative.");
        Preconditions.Check(Modellen.Count >= 1, nameof(Modellen), Modellen.Count, "at least one model to compare.");
        Preconditions.Check(Modellen.Select(m => m.Naam).Distinct().Count() == Modellen.Count, nameof(Modellen), string.Join(", ", Modellen.Select(m => m.Naam)), "model names are unique.");
        Preconditions.Check(Iteraties >= 1, nameof(Iteraties), Iteraties, "at least one iteration.");
        Preconditions.Check(AanmeldingsperiodeMaanden >= 1, nameof(AanmeldingsperiodeMaanden), AanmeldingsperiodeMaanden, "at least one month.");
        Preconditions.Check(HorizonMaanden >= 1, nameof(HorizonMaanden), HorizonMaanden, "at least one month.");
        if (Instroom is { } instroom)
        {
            Preconditions.Check(instroom.PerJaar.Count == 4 && instroom.PerJaar.All(n => n >= 0), "instroom.perJaar", instroom.PerJaar, "four counts (profiel 1–4), none negative.");
            Preconditions.Check(instroom.Jaren >= 1, "instroom.jaren", instroom.Jaren, "at least one year.");
            Preconditions.Check(instroom.Totaal >= 1, "instroom.perJaar", instroom.PerJaar, "at least one traject a year.");
            for (var p = 1; p <= 4; p++)
            {
                Preconditions.Check(
                    instroom.PerJaar[p - 1] <= AantalPerProfiel[p - 1],
                    $"instroom.perJaar (profiel {p})",
                    instroom.PerJaar[p - 1],
                    $"a yearly instroom comes from the caseload: at most aantalPerProfiel = {AantalPerProfiel[p - 1]}.");
            }
        }

        Preconditions.Check(
            Contract.Ingangsdatum.PlusMonths(AanmeldingsMaanden).PlusDays(-1) <= Contract.Einddatum,
            Instroom is null ? nameof(AanmeldingsperiodeMaanden) : "instroom.jaren",
            Instroom is null ? AanmeldingsperiodeMaanden : Instroom.Jaren,
            $"aanmeldingen fall within the contract's term (t/m {Contract.Einddatum:yyyy-MM-dd}); exercise options or shorten the period.");
        foreach (var m in Modellen.Where(m => m.Gedrag is not null))
        {
            foreach (var e in m.Gedrag!.PerProfiel)
            {
                Preconditions.Check(e.Profiel is >= 1 and <= 4, $"model {m.Naam}: gedrag.profiel", e.Profiel, "a profiel 1–4.");
                Preconditions.Check(e.PlaatsingFactor >= 0m && e.UitvalFactor >= 0m, $"model {m.Naam}: gedrag profiel {e.Profiel}", $"{e.PlaatsingFactor}/{e.UitvalFactor}", "factors are not negative.");
                Preconditions.Check(e.Acceptatie is >= 0m and <= 1m, $"model {m.Naam}: gedrag profiel {e.Profiel}: acceptatie", e.Acceptatie, "a share in [0, 1].");
            }
        }

        if (Referentie is { } r)
        {
            Preconditions.Check(Modellen.Any(m => m.Naam == r.Model), "referentie.model", r.Model, "one of the scenario's models.");
            Preconditions.Check(!r.Laag.IsNegatief && r.Laag <= r.Hoog, "referentie", $"{r.Laag}–{r.Hoog}", "0 ≤ laag ≤ hoog.");
            Preconditions.Check(r.MargeProcent is >= 0m and <= 100m, "referentie.margeProcent", r.MargeProcent, "a percentage in [0, 100].");
        }

        if (Gevoeligheidsanalyse is { } t)
        {
            Preconditions.Check(Modellen.Any(m => m.Naam == t.ModelA), "gevoeligheidsanalyse.modelA", t.ModelA, "one of the scenario's models.");
            Preconditions.Check(Modellen.Any(m => m.Naam == t.ModelB) && t.ModelB != t.ModelA, "gevoeligheidsanalyse.modelB", t.ModelB, "another of the scenario's models.");
            foreach (var b in t.Parameters)
            {
                Preconditions.Check(b.Procent is > 0m and <= 100m, $"gevoeligheidsanalyse {b.Parameter}: procent", b.Procent, "a percentage in (0, 100].");
            }
        }
        Preconditions.Check(!KostenPerUur.IsNegatief, nameof(KostenPerUur), KostenPerUur, "not negative.");
        for (var p = 1; p <= 4; p++)
        {
            if (AantalVan(p) == 0)
            {
                continue;
            }

            var g = GedragVan(p);
            foreach (var (name, value) in new[]
            {
                (nameof(g.KansPlaatsingPerMaand), g.KansPlaatsingPerMaand), (nameof(g.KansUitvalPerMaand), g.KansUitvalPerMaand),
                (nameof(g.KansEindePlaatsingPerMaand), g.KansEindePlaatsingPerMaand), (nameof(g.KansTredeOmhoogPerMaand), g.KansTredeOmhoogPerMaand),
            })
            {
                Preconditions.Check(value is >= 0m and <= 1m, $"profiel {p}: {name}", value, "a chance lies in [0, 1].");
            }

            Preconditions.Check(g.UrenBegeleidingPerMaand is >= 0m and <= 200m, $"profiel {p}: {nameof(g.UrenBegeleidingPerMaand)}", g.UrenBegeleidingPerMaand, "hours per month lie in [0, 200].");
            Preconditions.Check(g.KansPlaatsingPerMaand == 0m || (g.Uitstroom.Count > 0 && g.Uitstroom.Sum(u => u.Gewicht) > 0m), $"profiel {p}: {nameof(g.Uitstroom)}", g.Uitstroom.Count, "a profiel that can be placed has at least one outflow with a positive weight.");
        }
    }
}
