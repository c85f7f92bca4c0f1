using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Configuratie;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Extensions.DependencyInjection;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Settlement;

/// <summary>Hand cases of issue 14 that need a contract or configuration (the others are in Cases/).</summary>
public class CorrectieTests
{
    private static readonly Bedrag Prijs = Bedrag.Van(3000m);

    /// <summary>
    /// Point 3: a contract configured with DuurzaamheidstermijnMaanden 12 and the preset NoCureNoPay(€3,000,
    /// Resultaatdefinitie.Standaard). Plaatsing from 2026-02-02, open-ended: after 6 months (2026-08-02) nothing is due;
    /// the €3,000.00 is pending from 2026-02-02 + 12 months = 2027-02-02.
    /// </summary>
    [Fact]
    public void A_preset_takes_the_durability_term_of_the_contracts_begrippen()
    {
        var begrippen = new BegrippenOptions { DuurzaamheidstermijnMaanden = 12 }.ToBegrippen();
        var traject = new Traject("T-1", "C-1", 2, "re-integratie", Bekostigingsmodellen.NoCureNoPay(Prijs, Resultaatdefinitie.Standaard), Duur.Maanden(12));
        var events = new Gebeurtenis[]
        {
            new Aanmelding("E1", new LocalDate(2026, 1, 5)),
            new Start("E2", new LocalDate(2026, 1, 12)),
            new Plaatsing("E3", new LocalDate(2026, 2, 2), Uitstroomtype.RegulierWerk, 36m, null),
        };
        var context = SettlementContext.Standaard with { Begrippen = begrippen };
        var a = SettlementEngine.Settle(traject, events, new LocalDate(2026, 8, 3), context);
        Assert.Equal(Bedrag.Nul, a.TotaalVerschuldigd);
        var pending = Assert.Single(a.Verwacht);
        Assert.Equal(("resultaat", new LocalDate(2027, 2, 2), Prijs), (pending.Sleutel, pending.Vervaldatum, pending.Bedrag));

        // Under the standard begrippen the same preset pays after 6 months: due 2026-08-02.
        var standaard = SettlementEngine.Settle(traject, events, new LocalDate(2026, 8, 3));
        Assert.Equal(Prijs, standaard.TotaalVerschuldigd);
    }

    /// <summary>Point 3: the minimum hours too — contract minimum 12 hours, a plaatsing of 8 hours a week earns nothing.</summary>
    [Fact]
    public void A_preset_takes_the_minimum_hours_of_the_contracts_begrippen()
    {
        var context = SettlementContext.Standaard with { Begrippen = Begrippen.Standaard with { MinimumUrenPerWeek = 12m } };
        var traject = new Traject("T-2", "C-2", 2, "re-integratie", Bekostigingsmodellen.NoCureNoPay(Prijs, Resultaatdefinitie.Standaard), Duur.Maanden(12));
        var events = new Gebeurtenis[] { new Start("E1", new LocalDate(2026, 1, 12)), new Plaatsing("E2", new LocalDate(2026, 2, 2), Uitstroomtype.RegulierWerk, 8m, null) };
        var a = SettlementEngine.Settle(traject, events, new LocalDate(2027, 6, 30), context);
        Assert.Equal(Bedrag.Nul, a.TotaalVerschuldigd + a.TotaalVerwacht);
        Assert.Contains(a.NietBetaalbaarItems, n => n.GebeurtenisId == "E2" && n.Reden == Reden.VoldoetNietAanResultaatdefinitie && n.Toelichting.Contains("below the minimum of 12", System.StringComparison.Ordinal));
    }

    /// <summary>Point 3: a model that states its own term keeps it, and the contradiction with the contract is a warning naming product, model and rule.</summary>
    [Fact]
    public void A_model_term_that_contradicts_the_contract_is_reported()
    {
        var eigen = Bekostigingsmodellen.NoCureNoPay(Prijs, Resultaatdefinitie.Standaard.MetDuurzaamheid(Duurzaamheid.Aaneengesloten(Duur.Maanden(6))).MetMinimumUren(8m));
        var contract = new Raamovereenkomst("C-12", ValueList.Of("Gemeente A"), "Aanbieder X", new LocalDate(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, eigen, Duur.Maanden(12)), new Productafspraak("volgt", null, Bekostigingsmodellen.NoCureNoPay(Prijs, Resultaatdefinitie.Standaard), Duur.Maanden(12))))
            with { Begrippen = Begrippen.Standaard with { Duurzaamheidstermijn = Duur.Maanden(12), MinimumUrenPerWeek = 12m } };
        Assert.Equal(
            new[]
            {
                "Product re-integratie: Model No cure, no pay, rule resultaat: durability 6 maanden aaneengesloten differs from the contract's duurzaamheidstermijn of 12 maanden aaneengesloten; the rule's own term applies.",
                "Product re-integratie: Model No cure, no pay, rule resultaat: minimum 8 hours per week differs from the contract's minimum of 12 hours per week; the rule's own minimum applies.",
            },
            contract.Begrippenafwijkingen());
        Assert.Empty(contract.Producten[1].Model.AfwijkingenVan(contract.Begrippen));
    }

    /// <summary>
    /// Point 6: contract C (4.96 % in contract year 2), trajectprijs €2,500.11 split 40 % at the Start, 60 % at the
    /// Afronding, traject started 2027-02-01 (year 2). Indexed once: €2,500.11 × 1.0496 = €2,624.115456 → €2,624.12.
    /// 40 % = €1,049.648 → €1,049.64 (remainder 0.008), 60 % = €1,574.472 → €1,574.47 (0.002); the remaining cent to
    /// part 1: €1,049.65 + €1,574.47 = €2,624.12. (Indexing the parts separately: €1,000.04 × 1.0496 → €1,049.64 and
    /// €1,500.07 × 1.0496 → €1,574.47, €2,624.11 — a cent short.)
    /// </summary>
    [Fact]
    public void A_percentage_split_of_an_indexed_price_adds_up_to_the_indexed_price()
    {
        var model = Bekostigingsmodellen.TrajectprijsInDelen(Bedrag.Van(2500.11m), new Prijsdeel(40m, Aanleiding.Start), new Prijsdeel(60m, Aanleiding.Afronding));
        var contract = new Raamovereenkomst("C", ValueList.Of("Gemeente A"), "Aanbieder X", new LocalDate(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, model, Duur.Maanden(12)))) with { Indexatie = Indexatie.PerContractjaar((2, 4.96m)) };
        var traject = new Traject("T-6", "C-6", 2, "re-integratie", model, Duur.Maanden(12));
        var events = new Gebeurtenis[] { new Start("E1", new LocalDate(2027, 2, 1)), new Afronding("E2", new LocalDate(2027, 11, 30)) };
        var a = SettlementEngine.Settle(traject, events, new LocalDate(2027, 12, 31), contract.Context);
        Assert.Equal(
            new[] { ("trajectprijs/1", new LocalDate(2027, 2, 1), Bedrag.Van(1049.65m)), ("trajectprijs/2", new LocalDate(2027, 11, 30), Bedrag.Van(1574.47m)) },
            a.Verschuldigd.Select(r => (r.Sleutel, r.Vervaldatum, r.Bedrag)));
        Assert.Equal(Bedrag.Van(2624.12m), a.TotaalVerschuldigd);
    }

    /// <summary>
    /// Point 8 (docs/contract.md): Voor(contractId) for a contract without a section of its own returns the configured
    /// standard (named options inherit the standard section), not the built-in defaults.
    /// </summary>
    [Fact]
    public void Voor_a_contract_without_a_section_returns_the_configured_standard()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "Bekostiging": { "Begrippen": { "ReclametermijnWeken": 8, "DuurzaamheidstermijnMaanden": 12, "MinimumUrenPerWeek": 12 },
                               "Contracten": { "ABG-2026": { "ReclametermijnWeken": 4 } } } }
            """))).Build();
        using var sp = new ServiceCollection().AddBekostiging(configuration).BuildServiceProvider();
        var lookup = sp.GetRequiredService<BegrippenPerContract>();
        var zonderSectie = lookup.Voor("WSW-2019");
        Assert.Equal(lookup.Standaard, zonderSectie);
        Assert.Equal(new Begrippen(Duur.Weken(8), Duur.Maanden(12), 12m, Duur.Maanden(3)), zonderSectie);
        Assert.NotEqual(Begrippen.Standaard, zonderSectie);
        Assert.Equal(Duur.Weken(4), lookup.Voor("ABG-2026").Reclametermijn);
    }
}
