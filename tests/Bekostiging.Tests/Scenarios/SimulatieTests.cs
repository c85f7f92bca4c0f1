using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Scenarios;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Scenarios;

public class SimulatieTests
{
    private static readonly Raamovereenkomst Contract =
        new Raamovereenkomst("ABG", ValueList.Of("A", "B", "G"), "X", new LocalDate(2026, 1, 1), Duur.Jaren(2), ValueList<Productafspraak>.Empty)
            .MetOpties(Duur.Jaren(1), Duur.Jaren(1));

    private static readonly ValueList<TeVergelijkenModel> Modellen = ValueList.Of(
        new TeVergelijkenModel("Starttarief + bonus", Bekostigingsmodellen.StarttariefPlusBonus(Bedrag.Van(750m), Resultaatdefinitie.Standaard, new Bonusklasse(Uitstroomtype.RegulierWerk, 0m, null, Bedrag.Van(2000m))), Duur.Maanden(12)),
        new TeVergelijkenModel("No cure less pay", Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, Bekostigingsmodellen.UwvPlaatsing), Duur.Maanden(12)),
        new TeVergelijkenModel("Trajectprijs in termijnen", Bekostigingsmodellen.TrajectprijsInTermijnen(Bedrag.Van(2500m), 12), Duur.Maanden(12)),
        new TeVergelijkenModel("Uurtarief", Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)), Duur.Maanden(12)));

    private static Gedrag Zeker(int profiel) => new(profiel, 1m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 1m)), 0m, 0m, 0m, 0m);

    private static Scenario Trivial(int iteraties = 3) => new(
        "iedereen geplaatst", Contract, ValueList.Of(10, 0, 0, 0), ValueList.Of(Zeker(1)), Modellen,
        AanmeldingsperiodeMaanden: 12, HorizonMaanden: 48, BudgetPerJaar: Bedrag.Van(20000m), KostenPerUur: Bedrag.Van(60m), Iteraties: iteraties, Seed: 7);

    [Fact]
    public void Everyone_placed_in_month_2_and_durable_gives_the_hand_computed_cost_per_model()
    {
        var v = Simulatie.Vergelijk(Trivial(), new Simulatieopties(MetGevoeligheid: false));
        // Per client: starttarief 750 + bonus 2000 = 2750; no cure less pay 2000 + 2000 = 4000;
        // 12 instalments of 2500 all fall within the window (Afronding on its last day): 2500; no hours: 0. × 10 clients.
        Assert.Equal(new[] { 27500m, 40000m, 25000m, 0m }, v.Modellen.Select(m => m.Kosten.Gemiddelde.Euros));
        Assert.All(v.Modellen, m => Assert.Equal(m.Kosten.Gemiddelde, m.Kosten.P5));
        Assert.All(v.Modellen, m => Assert.Equal(m.Kosten.Gemiddelde, m.Kosten.P95));
        Assert.All(v.Modellen, m => Assert.Equal(10m, m.DuurzamePlaatsingen));
        Assert.Equal(Bedrag.Van(2750m), v.Modellen[0].KostenPerDuurzamePlaatsing);
        var p1 = Assert.Single(v.Modellen[0].PerProfiel);
        Assert.Equal(Bedrag.Van(2750m), p1.OpbrengstPerClient);
        Assert.Equal(Bedrag.Nul, p1.KostenPerClient);
        Assert.Equal(Bedrag.Van(2750m), p1.Prikkel);
        // 10 × 4000 = 40,000 over at most two calendar years against a budget of 20,000 a year: the sum over years is the total.
        Assert.Equal(40000m, v.Modellen[1].PerJaar.Sum(j => j.Gemiddelde.Euros));
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_whatever_the_number_of_threads()
    {
        var s = Sample(iteraties: 24);
        var one = Simulatie.Vergelijk(s, new Simulatieopties(MaximaleParallelliteit: 1, MetGevoeligheid: true));
        var two = Simulatie.Vergelijk(s, new Simulatieopties(MaximaleParallelliteit: 2, MetGevoeligheid: true));
        Assert.Equal(one, two);
        var other = Simulatie.Vergelijk(s with { Seed = 8 }, new Simulatieopties(MaximaleParallelliteit: 2, MetGevoeligheid: false));
        Assert.NotEqual(one.Modellen[0].KostenPerIteratie, other.Modellen[0].KostenPerIteratie);
    }

    [Fact]
    public void Simulated_histories_are_valid_engine_input_and_account_for_every_event()
    {
        var s = Sample(iteraties: 5);
        for (var i = 0; i < 5; i++)
        {
            for (var c = 0; c < s.AantalClienten; c += 7)
            {
                var t = Simulatie.Historie(s, i, c);
                var a = SettlementEngine.Settle(t.Traject, t.Gebeurtenissen, s.Horizon, s.Contract.Context);
                Assert.Equal(t.Gebeurtenissen.Count, a.Verantwoording.Count);
            }
        }
    }

    [Fact]
    public void More_plaatsingen_cost_more_under_a_result_model_and_sensitivity_is_ordered()
    {
        var v = Simulatie.Vergelijk(Sample(iteraties: 16));
        var bonus = v.Modellen[0].Gevoeligheid!;
        Assert.True(bonus.Laag <= bonus.Basis && bonus.Basis <= bonus.Hoog, $"{bonus}");
        Assert.All(v.Modellen, m => Assert.True(m.Kosten.P5 <= m.Kosten.P50 && m.Kosten.P50 <= m.Kosten.P95));
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => Simulatie.Vergelijk(Sample(iteraties: 50), annulering: cts.Token));
    }

    [Fact]
    public void Invalid_scenarios_are_typed_errors_naming_the_field()
    {
        var bad = Trivial() with { Gedragingen = ValueList.Of(Zeker(1) with { KansUitvalPerMaand = 1.5m }) };
        var ex = Assert.Throws<BekostigingException>(() => Simulatie.Vergelijk(bad));
        Assert.Contains("KansUitvalPerMaand", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 20).Select(i => (decimal)i).ToArray();
        Assert.Equal(1m, Simulatie.Percentiel(values, 0.05m));
        Assert.Equal(10m, Simulatie.Percentiel(values, 0.50m));
        Assert.Equal(19m, Simulatie.Percentiel(values, 0.95m));
    }

    internal static Scenario Sample(int iteraties) => new(
        "proef", Contract, ValueList.Of(12, 10, 8, 6),
        ValueList.Of(
            new Gedrag(1, 0.15m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 0.8m), new Uitstroomkans(Uitstroomtype.RegulierWerk, 20m, 0.2m)), 0.03m, 0.05m, 6m, 0.05m),
            new Gedrag(2, 0.08m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 24m, 0.6m), new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 24m, 0.4m)), 0.04m, 0.07m, 8m, 0.08m),
            new Gedrag(3, 0.04m, ValueList.Of(new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 20m, 1m)), 0.05m, 0.09m, 10m, 0.1m),
            new Gedrag(4, 0.01m, ValueList.Of(new Uitstroomkans(Uitstroomtype.BeschutWerk, 16m, 1m)), 0.06m, 0.1m, 12m, 0.12m)),
        Modellen, 24, 48, Bedrag.Van(200000m), Bedrag.Van(60m), iteraties, 2026);
}
