using System.Linq;

namespace Bekostiging.Scenarios;

/// <summary>The spread of the cost to the gemeente over the iterations.</summary>
/// <param name="Gemiddelde">The mean.</param>
/// <param name="P5">The 5th percentile (nearest rank).</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
public sealed record Kostenverdeling(Bedrag Gemiddelde, Bedrag P5, Bedrag P50, Bedrag P95);

/// <summary>The cost in one calendar year against the budget.</summary>
/// <param name="Jaar">The calendar year of the due dates.</param>
/// <param name="Gemiddelde">Mean cost.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="KansBovenBudget">The share of iterations whose cost exceeds the budget (0 without a budget).</param>
/// <param name="P5">5th percentile, or <see langword="null"/> when not computed.</param>
public sealed record Jaarkosten(int Jaar, Bedrag Gemiddelde, Bedrag P95, decimal KansBovenBudget, Bedrag? P5 = null);

/// <summary>Provider economics for one cliëntprofiel, per client, averaged over the iterations.</summary>
/// <param name="Profiel">The profiel.</param>
/// <param name="AantalClienten">Clients of this profiel in the cohort.</param>
/// <param name="OpbrengstPerClient">Provider revenue (= cost to the gemeente) per client.</param>
/// <param name="KostenPerClient">Provider cost (guidance hours × cost per hour) per client.</param>
/// <param name="MargePerClient">Revenue − cost per client.</param>
/// <param name="Prikkel">The incentive: mean revenue per client with a durable plaatsing minus without.</param>
public sealed record ProfielUitkomst(int Profiel, int AantalClienten, Bedrag OpbrengstPerClient, Bedrag KostenPerClient, Bedrag MargePerClient, Bedrag Prikkel);

/// <summary>The expected cost of a model under a lower and a higher plaatsing chance (× 0.75 and × 1.25).</summary>
/// <param name="Laag">Mean cost with the lower plaatsing chance.</param>
/// <param name="Basis">Mean cost in the scenario as given.</param>
/// <param name="Hoog">Mean cost with the higher plaatsing chance.</param>
public sealed record Gevoeligheid(Bedrag Laag, Bedrag Basis, Bedrag Hoog);

/// <summary>What one model costs and rewards in a scenario.</summary>
/// <param name="Naam">The model's name.</param>
/// <param name="Kosten">The spread of the total cost to the gemeente up to the horizon.</param>
/// <param name="KostenPerIteratie">The total cost in each iteration, in iteration order (for distributions).</param>
/// <param name="DuurzamePlaatsingen">Mean number of durable plaatsingen (6 months, paid work) per iteration.</param>
/// <param name="KostenPerDuurzamePlaatsing">Mean cost ÷ mean durable plaatsingen (zero when there are none).</param>
/// <param name="PerJaar">Cost per calendar year against the budget.</param>
/// <param name="PerProfiel">Provider revenue, cost, margin and incentive per profiel.</param>
/// <param name="Roomafroming">The cream-skimming indicator: margin per client of profiel 1 minus that of profiel 4.</param>
/// <param name="Gevoeligheid">The sensitivity to the plaatsing chance, or <see langword="null"/> when not computed.</param>
/// <param name="KostenPerContractjaar">The spread over the iterations of the cost per contract year: the cost due in the contract years with aanmeldingen ÷ their number; <see langword="null"/> when not computed.</param>
/// <param name="GemiddeldAantalTrajecten">Mean number of trajecten per iteration the provider took on (fewer than the clients referred under a selection effect); 0 when not computed.</param>
/// <param name="GedragOngewijzigd">True when the model assumes no change of provider behaviour.</param>
public sealed record ModelUitkomst(
    string Naam,
    Kostenverdeling Kosten,
    ValueList<decimal> KostenPerIteratie,
    decimal DuurzamePlaatsingen,
    Bedrag KostenPerDuurzamePlaatsing,
    ValueList<Jaarkosten> PerJaar,
    ValueList<ProfielUitkomst> PerProfiel,
    Bedrag Roomafroming,
    Gevoeligheid? Gevoeligheid,
    Kostenverdeling? KostenPerContractjaar = null,
    decimal GemiddeldAantalTrajecten = 0m,
    bool GedragOngewijzigd = true);

/// <summary>The comparison of the models of a scenario.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Iteraties">The iterations run.</param>
/// <param name="Seed">The seed.</param>
/// <param name="AantalClienten">The cohort size.</param>
/// <param name="BudgetPerJaar">The budget per calendar year, if any.</param>
/// <param name="Modellen">The result per model, in the scenario's order.</param>
/// <param name="Contractjaren">The contract years with aanmeldingen (the cost per contract year is averaged over them).</param>
/// <param name="Referentie">The scenario's reference for the yearly cost of one model, if any.</param>
/// <param name="Tornado">The tornado analysis, if the scenario asks for one.</param>
/// <param name="Rekendatum">The date the run was made for (from the scenario or the caller), if given.</param>
public sealed record Vergelijking(
    string Scenario,
    int Iteraties,
    ulong Seed,
    int AantalClienten,
    Bedrag? BudgetPerJaar,
    ValueList<ModelUitkomst> Modellen,
    int Contractjaren = 0,
    Referentiekosten? Referentie = null,
    Tornado? Tornado = null,
    NodaTime.LocalDate? Rekendatum = null)
{
    /// <summary>True when every model assumes the same provider behaviour (no model states a change).</summary>
    public bool GedragGelijkVerondersteld => Modellen.All(m => m.GedragOngewijzigd);

    /// <summary>The outcome of the reference model, or <see langword="null"/> without a reference.</summary>
    /// <returns>The model's outcome.</returns>
    public ModelUitkomst? ReferentieUitkomst() => Referentie is { } r ? Modellen.FirstOrDefault(m => m.Naam == r.Model) : null;
}
