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
}

/// <summary>A model to compare: a name for the reports, the model, and the maximale doorlooptijd of its trajecten.</summary>
/// <param name="Naam">The name in tables and charts.</param>
/// <param name="Model">The bekostigingsmodel.</param>
/// <param name="MaximaleDoorlooptijd">The doorlooptijd of trajecten under this model.</param>
public sealed record TeVergelijkenModel(string Naam, Bekostigingsmodel Model, Duur MaximaleDoorlooptijd);

/// <summary>
/// A tender scenario (domain.md §10): a cohort per cliëntprofiel, behaviour per profiel, the contract (term and
/// indexation), the models to compare, a horizon, a budget, the provider's cost per hour, and the Monte Carlo
/// settings. Every client history is drawn as an event stream and settled with the same engine under every model.
/// </summary>
/// <param name="Naam">The scenario's name.</param>
/// <param name="Contract">The contract whose term and indexation apply (its products are not used).</param>
/// <param name="AantalPerProfiel">Clients per profiel 1–4 (index 0 = profiel 1).</param>
/// <param name="Gedragingen">Behaviour per profiel.</param>
/// <param name="Modellen">The models to compare.</param>
/// <param name="AanmeldingsperiodeMaanden">Aanmeldingen are spread evenly over this many months from the contract's ingangsdatum.</param>
/// <param name="HorizonMaanden">Costs are counted up to the contract's ingangsdatum + this many months − 1 day.</param>
/// <param name="BudgetPerJaar">The budget per calendar year, or <see langword="null"/>.</param>
/// <param name="KostenPerUur">The provider's cost per hour of guidance (for margins).</param>
/// <param name="Iteraties">Monte Carlo iterations.</param>
/// <param name="Seed">The seed: the same seed gives the same result, whatever the number of threads.</param>
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
    ulong Seed)
{
    /// <summary>The number of clients in the cohort.</summary>
    public int AantalClienten => AantalPerProfiel.Sum();

    /// <summary>The last day costs are counted.</summary>
    public LocalDate Horizon => Duur.Maanden(HorizonMaanden).LaatsteDag(Contract.Ingangsdatum);

    /// <summary>The behaviour of a profiel.</summary>
    /// <param name="profiel">The profiel.</param>
    /// <returns>Its behaviour.</returns>
    public Gedrag GedragVan(int profiel) => Gedragingen.FirstOrDefault(g => g.Profiel == profiel)
        ?? throw new BekostigingException(FoutCode.OngeldigeParameter, $"scenario {Naam}: no behaviour for profiel {profiel}.");

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
        Preconditions.Check(
            Contract.Ingangsdatum.PlusMonths(AanmeldingsperiodeMaanden).PlusDays(-1) <= Contract.Einddatum,
            nameof(AanmeldingsperiodeMaanden),
            AanmeldingsperiodeMaanden,
            $"aanmeldingen fall within the contract's term (t/m {Contract.Einddatum:yyyy-MM-dd}); exercise options or shorten the period.");
        Preconditions.Check(!KostenPerUur.IsNegatief, nameof(KostenPerUur), KostenPerUur, "not negative.");
        for (var p = 1; p <= 4; p++)
        {
            if (AantalPerProfiel[p - 1] == 0)
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
