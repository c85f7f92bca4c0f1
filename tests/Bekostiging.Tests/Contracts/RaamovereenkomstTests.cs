using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Contracts;

public class RaamovereenkomstTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static readonly Bekostigingsmodel Uren = Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m));

    /// <summary>Contract C of domain.md §11: 2026-01-01, 2 years, options 1 + 1, opzegtermijn 3 months, 4.96 % in year 2, 3.10 % in year 3.</summary>
    internal static Raamovereenkomst ContractC(Bekostigingsmodel? model = null) =>
        new Raamovereenkomst("C", ValueList.Of("Gemeente A"), "Aanbieder X", D(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, model ?? Uren, Duur.Maanden(12))))
        .MetOpties(Duur.Jaren(1), Duur.Jaren(1))
        with { Indexatie = Indexatie.PerContractjaar((2, 4.96m), (3, 3.10m)) };

    [Fact]
    public void Example_1_indexation_compounds_on_rounded_tariffs()
    {
        var c = ContractC().OefenOptieUit(D(2027, 9, 15));
        Assert.Equal(Bedrag.Van(86.00m), c.Tarief(Bedrag.Van(86m), D(2026, 12, 31)));
        // 86.00 × 1.0496 = 90.2656 → 90.27
        Assert.Equal(Bedrag.Van(90.27m), c.Tarief(Bedrag.Van(86m), D(2027, 1, 1)));
        // 90.27 × 1.031 = 93.06837 → 93.07 (on the rounded 90.27, not on 90.2656)
        Assert.Equal(Bedrag.Van(93.07m), c.Tarief(Bedrag.Van(86m), D(2028, 6, 1)));
    }

    [Fact]
    public void Example_2_hourly_work_uses_the_tariff_on_the_date_of_the_work()
    {
        var c = ContractC();
        var traject = c.NieuwTraject("T-2", "C-0002", 2, "re-integratie");
        var events = new Gebeurtenis[]
        {
            new Aanmelding("A", D(2026, 3, 1)), new Start("S", D(2026, 3, 2)),
            new Uren("U1", D(2026, 3, 10), 1.5m), new Uren("U2", D(2026, 3, 24), 2.25m), new Uren("U3", D(2027, 1, 5), 2m),
        };
        var a = c.Settle(traject, events, D(2027, 1, 31));
        // 1.5 × 86.00 = 129.00; 2.25 × 86.00 = 193.50; 2 × 90.27 = 180.54; total 503.04.
        Assert.Equal(new[] { 129.00m, 193.50m, 180.54m }, a.Verschuldigd.Select(l => l.Bedrag.Euros));
        Assert.Equal(Bedrag.Van(503.04m), a.TotaalVerschuldigd);
    }

    [Fact]
    public void Traject_bound_fees_use_the_tariff_of_the_start_year()
    {
        var model = Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(2000m)).Plus(new Eenmalig("afronding", Aanleiding.Afronding, Bedrag.Van(500m)));
        var c = ContractC(model);
        var traject = c.NieuwTraject("T-3", "C-0003", 1, "re-integratie");
        var a = c.Settle(traject, new Gebeurtenis[] { new Start("S", D(2026, 11, 2)), new Afronding("E", D(2027, 3, 1)) }, D(2027, 6, 1));
        // Started in year 1: both the start price and the afronding fee stay at year-1 tariffs, though the afronding is in year 2.
        Assert.Equal(Bedrag.Van(2500m), a.TotaalVerschuldigd);

        var later = c.NieuwTraject("T-4", "C-0004", 1, "re-integratie");
        var b = c.Settle(later, new Gebeurtenis[] { new Start("S", D(2027, 1, 4)) }, D(2027, 6, 1));
        // 2000 × 1.0496 = 2099.20
        Assert.Equal(Bedrag.Van(2099.20m), b.TotaalVerschuldigd);
    }

    [Fact]
    public void Example_12_options_deadlines_and_uitloop()
    {
        var c = ContractC();
        Assert.Equal(D(2027, 12, 31), c.Einddatum);
        Assert.Equal(D(2027, 10, 1), c.DeadlineVolgendeOptie);
        Assert.Equal(2, c.OptiesOver);

        var c1 = c.OefenOptieUit(D(2027, 9, 15));
        Assert.Equal(D(2028, 12, 31), c1.Einddatum);
        Assert.Equal(1, c1.OptiesOver);
        Assert.Equal(D(2028, 10, 1), c1.DeadlineVolgendeOptie);

        var late = Assert.Throws<BekostigingException>(() => c1.OefenOptieUit(D(2028, 10, 5)));
        Assert.Equal(FoutCode.OptieTeLaat, late.Code);
        Assert.Contains("2028-10-01", late.Message, System.StringComparison.Ordinal);

        // On the deadline itself it is in time.
        Assert.Equal(D(2029, 12, 31), c1.OefenOptieUit(D(2028, 10, 1)).Einddatum);

        // A traject starting 2028-12-15 runs on under year-3 tariffs (uitloop) …
        var traject = c1.NieuwTraject("T-12a", "C-0012", 2, "re-integratie");
        var a = c1.Settle(traject, new Gebeurtenis[] { new Start("S", D(2028, 12, 15)), new Uren("U", D(2029, 3, 1), 1m) }, D(2029, 3, 31));
        Assert.Equal(Bedrag.Van(93.07m), a.TotaalVerschuldigd);

        // … one starting 2029-01-02 is rejected, naming the end date.
        var rejected = Assert.Throws<BekostigingException>(() =>
            c1.Settle(c1.NieuwTraject("T-12b", "C-0013", 2, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2029, 1, 2)) }, D(2029, 3, 31)));
        Assert.Equal(FoutCode.TrajectBuitenContract, rejected.Code);
        Assert.Equal("T-12b", rejected.TrajectId);
        Assert.Contains("2028-12-31", rejected.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_exercised_in_order_only()
    {
        var c = ContractC();
        Assert.Equal(FoutCode.OptieNietOpVolgorde, Assert.Throws<BekostigingException>(() => c.OefenOptieUit(D(2027, 1, 1), optie: 2)).Code);
        var all = c.OefenOptieUit(D(2027, 1, 1), 1).OefenOptieUit(D(2028, 1, 1), 2);
        Assert.Equal(0, all.OptiesOver);
        Assert.Null(all.DeadlineVolgendeOptie);
        Assert.Equal(FoutCode.OptieNietOpVolgorde, Assert.Throws<BekostigingException>(() => all.OefenOptieUit(D(2028, 2, 1))).Code);
    }

    [Fact]
    public void Option_deadlines_on_month_ends_and_leap_years()
    {
        // Ingangsdatum 2028-02-29, 1 year: runs t/m 2029-02-27 (2028-02-29 + 1 year = 2029-02-28, − 1 day).
        var c = new Raamovereenkomst("L", ValueList.Of("G"), "X", D(2028, 2, 29), Duur.Jaren(1), ValueList<Productafspraak>.Empty)
            .MetOpties(Duur.Maanden(6));
        Assert.Equal(D(2029, 2, 27), c.Einddatum);
        // Deadline: (2029-02-27 + 1 day) − 3 months = 2028-11-28.
        Assert.Equal(D(2028, 11, 28), c.DeadlineVolgendeOptie);
        // The option is a new term from 2029-02-28: + 6 months − 1 day = 2029-08-27.
        Assert.Equal(D(2029, 8, 27), c.OefenOptieUit(D(2028, 11, 28)).Einddatum);

        // Ingangsdatum 2026-08-31, looptijd 6 months: t/m 2027-02-27; deadline 2027-02-28 − 3 months = 2026-11-28.
        var m = new Raamovereenkomst("M", ValueList.Of("G"), "X", D(2026, 8, 31), Duur.Maanden(6), ValueList<Productafspraak>.Empty).MetOpties(Duur.Maanden(1));
        Assert.Equal(D(2027, 2, 27), m.Einddatum);
        Assert.Equal(D(2026, 11, 28), m.DeadlineVolgendeOptie);
        // New term from 2027-02-28 + 1 month − 1 day = 2027-03-27.
        Assert.Equal(D(2027, 3, 27), m.OefenOptieUit(D(2026, 11, 1)).Einddatum);
    }

    [Fact]
    public void Contract_answers_term_and_contract_year_questions()
    {
        var c = ContractC();
        Assert.True(c.IsBinnenLooptijd(D(2027, 12, 31)));
        Assert.False(c.IsBinnenLooptijd(D(2028, 1, 1)));
        Assert.False(c.IsBinnenLooptijd(D(2025, 12, 31)));
        Assert.Equal(1, c.Contractjaar(D(2026, 6, 1)));
        Assert.Equal(2, c.Contractjaar(D(2027, 1, 1)));
        Assert.Equal(FoutCode.OnbekendProduct, Assert.Throws<BekostigingException>(() => c.NieuwTraject("T", "C-1", 1, "onbekend")).Code);
    }

    [Fact]
    public void Indexation_per_calendar_year_takes_effect_on_1_January()
    {
        // Contract from 2026-07-01; calendar-year indexation 5 % in 2027 and 2 % in 2028.
        var idx = Indexatie.PerKalenderjaar((2027, 5m), (2028, 2m));
        var s = D(2026, 7, 1);
        Assert.Equal(Bedrag.Van(100m), idx.Pas(Bedrag.Van(100m), s, D(2026, 12, 31)));
        Assert.Equal(Bedrag.Van(105m), idx.Pas(Bedrag.Van(100m), s, D(2027, 1, 1)));
        // 105 × 1.02 = 107.10; the contract year (2027-07-01) does not matter.
        Assert.Equal(Bedrag.Van(107.10m), idx.Pas(Bedrag.Van(100m), s, D(2028, 1, 1)));
        // Per contract year the same percentages would wait for 2027-07-01.
        var perJaar = Indexatie.PerContractjaar((2, 5m));
        Assert.Equal(Bedrag.Van(100m), perJaar.Pas(Bedrag.Van(100m), s, D(2027, 6, 30)));
        Assert.Equal(Bedrag.Van(105m), perJaar.Pas(Bedrag.Van(100m), s, D(2027, 7, 1)));
    }

    [Fact]
    public void Missing_percentage_is_zero_and_tariffs_before_ingangsdatum_are_year_1()
    {
        var idx = Indexatie.PerContractjaar((3, 10m));
        Assert.Equal(Bedrag.Van(100m), idx.Pas(Bedrag.Van(100m), D(2026, 1, 1), D(2027, 5, 1)));
        Assert.Equal(Bedrag.Van(110m), idx.Pas(Bedrag.Van(100m), D(2026, 1, 1), D(2028, 5, 1)));
        Assert.Equal(Bedrag.Van(100m), idx.Pas(Bedrag.Van(100m), D(2026, 1, 1), D(2025, 5, 1)));
    }

    private static TrajectMetGebeurtenissen Traject(Raamovereenkomst c, string id, int profiel, params Gebeurtenis[] events)
        => new(c.NieuwTraject(id, "C-" + id, profiel, "re-integratie"), events);

    [Fact]
    public void Plafond_holds_back_what_exceeds_it_per_calendar_year_and_never_drops_it()
    {
        var model = Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1000m));
        var c = ContractC(model) with { Indexatie = Indexatie.Geen, Plafond = Bedrag.Van(2500m) };
        var trajecten = new[]
        {
            Traject(c, "T-1", 1, new Start("S", D(2026, 2, 1))),
            Traject(c, "T-2", 2, new Start("S", D(2026, 3, 1))),
            Traject(c, "T-3", 3, new Start("S", D(2026, 4, 1))),
            Traject(c, "T-4", 4, new Start("S", D(2027, 1, 4))),
        };
        var r = c.Settle(trajecten, D(2027, 6, 30));
        // 2026: 1000 + 1000 fit (2000); T-3 crosses: 500 within, 500 above. 2027 starts afresh: T-4 fully within.
        Assert.Equal(Bedrag.Van(4000m), r.TotaalVerschuldigd);
        Assert.Equal(Bedrag.Van(500m), r.TotaalBovenPlafond);
        Assert.Equal(Bedrag.Van(500m), r.BovenPlafondVan("T-3", "trajectprijs"));
        Assert.Equal(Bedrag.Nul, r.BovenPlafondVan("T-4", "trajectprijs"));
        var y2026 = r.PerKalenderjaar.Single(t => t.Groep == "2026");
        Assert.Equal(Bedrag.Van(3000m), y2026.Verschuldigd);
        Assert.Equal(Bedrag.Van(500m), y2026.BovenPlafond);
    }

    [Fact]
    public void Instroomgarantie_shortfall_is_due_the_day_after_the_contract_year()
    {
        var c = ContractC(Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1000m))) with
        {
            Instroomgarantie = new Instroomgarantie(5, Bedrag.Van(300m)),
        };
        var trajecten = new[]
        {
            Traject(c, "T-1", 1, new Aanmelding("A", D(2026, 2, 1))),
            Traject(c, "T-2", 1, new Aanmelding("A", D(2026, 5, 1))),
            Traject(c, "T-3", 1, new Aanmelding("A", D(2027, 2, 1))),
        };
        Assert.Empty(c.Settle(trajecten, D(2026, 12, 31)).Contractregels);
        var r = c.Settle(trajecten, D(2027, 1, 1));
        var line = Assert.Single(r.Contractregels);
        // Year 1: 2 of 5 → 3 missing × €300.00 = €900.00, due 2027-01-01.
        Assert.Equal("instroomgarantie/1", line.Sleutel);
        Assert.Equal(D(2027, 1, 1), line.Vervaldatum);
        Assert.Equal(Bedrag.Van(900m), line.Bedrag);
        // Year 2: 1 of 5 → 4 missing × (300 × 1.0496 = 314.88) = 1259.52, due 2028-01-01.
        var r2 = c.Settle(trajecten, D(2028, 1, 1));
        Assert.Equal(Bedrag.Van(1259.52m), r2.Contractregels.Single(x => x.Contractjaar == 2).Bedrag);
    }

    [Fact]
    public void Contract_totals_equal_the_sum_of_traject_settlements()
    {
        var c = ContractC(Bekostigingsmodellen.TrajectprijsInTermijnen(Bedrag.Van(2500m), 12));
        var trajecten = Enumerable.Range(1, 20).Select(i => Traject(c, $"T-{i:00}", (i % 4) + 1, new Start("S", D(2026, 1, 1).PlusDays(i * 23)))).ToList();
        var r = c.Settle(trajecten, D(2027, 3, 31));
        var sum = trajecten.Select(t => c.Settle(t.Traject, t.Gebeurtenissen, D(2027, 3, 31))).Aggregate(Bedrag.Nul, (s, a) => s + a.TotaalVerschuldigd);
        Assert.Equal(sum, r.TotaalVerschuldigd);
        Assert.Equal(sum, r.PerContractjaar.Aggregate(Bedrag.Nul, (s, t) => s + t.Verschuldigd));
        Assert.Equal(sum, r.PerKalenderjaar.Aggregate(Bedrag.Nul, (s, t) => s + t.Verschuldigd));
        Assert.Equal(sum, r.PerProfiel.Aggregate(Bedrag.Nul, (s, t) => s + t.Verschuldigd));
        Assert.Equal(sum, r.PerProduct.Aggregate(Bedrag.Nul, (s, t) => s + t.Verschuldigd));
        Assert.Equal(r.TotaalVerwacht, r.PerProfiel.Aggregate(Bedrag.Nul, (s, t) => s + t.Verwacht));
    }

    [Fact]
    public void Contract_errors_name_the_traject()
    {
        var c = ContractC();
        var ex = Assert.Throws<BekostigingException>(() => c.Settle(new[] { Traject(c, "T-9", 1, new Start("S", D(2026, 2, 1)), new Uren("U", D(2026, 2, 2), 25m)) }, D(2026, 3, 1)));
        Assert.Equal(FoutCode.OngeldigeUren, ex.Code);
        Assert.Equal("T-9", ex.TrajectId);
        Assert.Equal("U", ex.GebeurtenisId);
    }

    [Property(MaxTest = 500)]
    public Property End_date_only_moves_forward_by_exactly_the_exercised_periods() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 24), 4).Select(l => l.ToArray()).ToArbitrary(),
            Gen.ListOf(Gen.Elements(true, false), 4).Select(l => l.ToArray()).ToArbitrary(),
            (months, decisions) =>
            {
                var c = new Raamovereenkomst("P", ValueList.Of("G"), "X", D(2026, 1, 31), Duur.Jaren(2), ValueList<Productafspraak>.Empty)
                    .MetOpties(months.Select(Duur.Maanden).ToArray());
                var ok = true;
                var expectedEnd = c.Einddatum;
                for (var i = 0; i < months.Length && i < decisions.Length; i++)
                {
                    if (!decisions[i])
                    {
                        break; // an option not exercised ends the chain
                    }

                    var before = c.Einddatum;
                    c = c.OefenOptieUit(c.DeadlineVolgendeOptie!.Value);
                    expectedEnd = Duur.Maanden(months[i]).Verleng(expectedEnd);
                    ok &= c.Einddatum > before && c.Einddatum == expectedEnd;
                }

                return ok;
            });

    [Property(MaxTest = 500)]
    public Property Tariffs_never_decrease_year_on_year_with_non_negative_percentages() =>
        Prop.ForAll(
            Gen.Choose(0, 100_000).Select(c => Bedrag.VanCenten(c)).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 1500).Select(p => p / 100m), 6).Select(l => l.ToArray()).ToArbitrary(),
            (basis, pcts) =>
            {
                var idx = Indexatie.PerContractjaar(pcts.Select((p, i) => (i + 2, p)).ToArray());
                var s = D(2026, 1, 1);
                var previous = basis;
                for (var k = 2; k <= 8; k++)
                {
                    var t = idx.Pas(basis, s, Kalender.BeginContractjaar(s, k));
                    if (t < previous)
                    {
                        return false;
                    }

                    previous = t;
                }

                return true;
            });
}
