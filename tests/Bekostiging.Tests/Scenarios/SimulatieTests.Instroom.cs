using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Scenarios;

/// <summary>A yearly instroom, behaviour that depends on the model, and the tornado.</summary>
public class SimulatieInstroomTests
{
    private static readonly Raamovereenkomst Contract =
        new Raamovereenkomst("ABG", ValueList.Of("A", "B", "G"), "X", new LocalDate(2026, 1, 1), Duur.Jaren(2), ValueList<Productafspraak>.Empty);

    private static readonly ValueList<TeVergelijkenModel> Modellen = ValueList.Of(
        new TeVergelijkenModel("Starttarief + bonus", Bekostigingsmodellen.StarttariefPlusBonus(Bedrag.Van(750m), Resultaatdefinitie.Standaard, new Bonusklasse(Uitstroomtype.RegulierWerk, 0m, null, Bedrag.Van(2000m))), Duur.Maanden(12)),
        new TeVergelijkenModel("Uurtarief", Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)), Duur.Maanden(12)));

    // Everyone is placed in month 2 and stays: each traject costs 750 + 2,000 under the starttarief model.
    private static Scenario Zeker(int perJaar = 5) => new(
        "instroom", Contract, ValueList.Of(10, 0, 0, 0),
        ValueList.Of(new Gedrag(1, 1m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 1m)), 0m, 0m, 0m, 0m)),
        Modellen, AanmeldingsperiodeMaanden: 12, HorizonMaanden: 48, BudgetPerJaar: null, KostenPerUur: Bedrag.Van(60m), Iteraties: 4, Seed: 3,
        Instroom: new Instroom(ValueList.Of(perJaar, 0, 0, 0), 2));

    [Fact]
    public void An_instroom_of_5_a_year_over_2_years_is_10_trajecten_with_aanmeldingen_in_their_own_year()
    {
        var s = Zeker();
        Assert.Equal(10, s.AantalClienten);
        var h = Simulatie.Historien(s, 0);
        var jaren = h.Select(t => t.Gebeurtenissen.OfType<Aanmelding>().Single().Datum.Year).ToArray();
        Assert.Equal(new[] { 2026, 2026, 2026, 2026, 2026, 2027, 2027, 2027, 2027, 2027 }, jaren);

        // 10 × (750 + 2,000) = 27,500 in every iteration.
        var v = Simulatie.Vergelijk(s, new Simulatieopties(MetGevoeligheid: false));
        Assert.Equal(27500m, v.Modellen[0].Kosten.Gemiddelde.Euros);
        Assert.Equal(2, v.Contractjaren);
        Assert.Equal(10m, v.Modellen[0].GemiddeldAantalTrajecten);
    }

    [Fact]
    public void An_instroom_larger_than_the_caseload_is_refused()
    {
        var e = Assert.Throws<BekostigingException>(() => Zeker(perJaar: 11).Valideer());
        Assert.Contains("instroom.perJaar (profiel 1) = 11", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("at most aantalPerProfiel = 10", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_under_which_nobody_is_placed_pays_only_the_starttarief()
    {
        var s = Zeker();
        var geen = new Gedragseffect(ValueList.Of(new Profieleffect(1, PlaatsingFactor: 0m)));
        s = s with { Modellen = ValueList.Of(s.Modellen[0] with { Gedrag = geen }, s.Modellen[1]) };
        var v = Simulatie.Vergelijk(s, new Simulatieopties(MetGevoeligheid: false));

        // 10 × 750 = 7,500 and no durable plaatsing under the first model; the second keeps the scenario's behaviour.
        Assert.Equal(7500m, v.Modellen[0].Kosten.Gemiddelde.Euros);
        Assert.Equal(0m, v.Modellen[0].DuurzamePlaatsingen);
        Assert.False(v.Modellen[0].GedragOngewijzigd);
        Assert.Equal(10m, v.Modellen[1].DuurzamePlaatsingen);
        Assert.False(v.GedragGelijkVerondersteld);
    }

    [Fact]
    public void A_selection_effect_takes_on_fewer_trajecten_each_at_the_same_price()
    {
        var s = Zeker() with { Iteraties = 20 };
        var half = new Gedragseffect(ValueList.Of(new Profieleffect(1, Acceptatie: 0.5m)));
        s = s with { Modellen = ValueList.Of(s.Modellen[0] with { Gedrag = half }, s.Modellen[1]) };
        var m = Simulatie.Vergelijk(s, new Simulatieopties(MetGevoeligheid: false)).Modellen[0];
        Assert.InRange(m.GemiddeldAantalTrajecten, 2m, 8m);

        // Every traject taken on costs 2,750, so the mean cost is 2,750 × the mean number taken on.
        Assert.Equal(2750m * m.GemiddeldAantalTrajecten, m.Kosten.Gemiddelde.Euros);
        Assert.Equal(m.GemiddeldAantalTrajecten, m.DuurzamePlaatsingen);
    }

    [Fact]
    public void A_changed_model_draws_from_the_same_random_stream()
    {
        // A factor so close to 1 that no draw changes: the histories, and so the costs, are those of the scenario.
        var s = SimulatieTests.Sample(iteraties: 6);
        var bijna = new Gedragseffect(ValueList.Of(new Profieleffect(2, UitvalFactor: 1.000000001m)));
        var met = s with { Modellen = ValueList.Of(s.Modellen[0], s.Modellen[0] with { Naam = "kopie", Gedrag = bijna }) };
        var v = Simulatie.Vergelijk(met, new Simulatieopties(MetGevoeligheid: false));
        Assert.Equal(v.Modellen[0].KostenPerIteratie, v.Modellen[1].KostenPerIteratie);
        Assert.Equal(v.Modellen[0].DuurzamePlaatsingen, v.Modellen[1].DuurzamePlaatsingen);
    }

    [Fact]
    public void The_tornado_moves_only_what_its_parameter_moves()
    {
        var s = SimulatieTests.Sample(iteraties: 6) with
        {
            Gevoeligheidsanalyse = new Gevoeligheidsanalyse("Starttarief + bonus", "Uurtarief", ValueList.Of(
                new Parameterbereik(Gedragsparameter.UrenBegeleidingPerMaand, 25m),
                new Parameterbereik(Gedragsparameter.KansPlaatsingPerMaand, 25m))),
        };
        var v = Simulatie.Vergelijk(s, new Simulatieopties(MetGevoeligheid: false));
        var t = Assert.IsType<Tornado>(v.Tornado);
        var a = v.Modellen.Single(m => m.Naam == "Starttarief + bonus").Kosten.Gemiddelde;
        var b = v.Modellen.Single(m => m.Naam == "Uurtarief").Kosten.Gemiddelde;
        Assert.Equal(a - b, t.Basisverschil);
        Assert.Equal(2, t.Balken.Count);
        Assert.True(System.Math.Abs((t.Balken[0].VerschilHoog - t.Balken[0].VerschilLaag).Euros) >= System.Math.Abs((t.Balken[1].VerschilHoog - t.Balken[1].VerschilLaag).Euros));

        // Fewer hours draw no other random numbers: the starttarief model pays the same, the uurtarief less, so A − B grows.
        var uren = t.Balken.Single(x => x.Parameter == Gedragsparameter.UrenBegeleidingPerMaand);
        Assert.True(uren.VerschilLaag > t.Basisverschil && t.Basisverschil > uren.VerschilHoog, $"{uren.VerschilLaag} > {t.Basisverschil} > {uren.VerschilHoog}");
        Assert.Equal(7, Simulatie.Passes(s, new Simulatieopties(MetGevoeligheid: true)));
    }
}
