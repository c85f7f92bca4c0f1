using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using Bekostiging.Tests.Contracts;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Terms;

/// <summary>
/// The named presets of <see cref="Bekostigingsmodellen"/> (domain.md §7), each settled through the preset itself —
/// never through hand-built rules — against the worked examples of domain.md §11 and the fine points of §12.
/// Expected keys, due dates and amounts are worked out by hand in the comments.
/// </summary>
public class BekostigingsmodellenTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Bedrag E(decimal euros) => Bedrag.Van(euros);

    private static Traject T(Bekostigingsmodel model, int maanden = 12, string id = "T-1")
        => new(id, "C-" + id, 2, "re-integratie", model, Duur.Maanden(maanden));

    private static Afrekening Settle(Traject traject, LocalDate peildatum, params Gebeurtenis[] events)
        => SettlementEngine.Settle(traject, events, peildatum);

    /// <summary>Compares lines exactly (key, due date, amount), order-insensitive, printing both sides on failure.</summary>
    private static void AssertLines(IEnumerable<Afrekeningsregel> actual, params (string Key, LocalDate Due, decimal Amount)[] expected)
    {
        static string Show(IEnumerable<(string Key, LocalDate Due, decimal Amount)> lines) => string.Join(
            "; ",
            lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => FormattableString.Invariant($"{l.Key} {l.Due:yyyy-MM-dd} {l.Amount:0.00}")));

        var a = actual.Select(l => (l.Sleutel, l.Vervaldatum, l.Bedrag.Euros)).ToList();
        var e = Show(expected);
        var got = Show(a);
        Assert.True(e == got, $"expected: {e}\nactual:   {got}");
    }

    private static void AssertNietBetaalbaar(Afrekening a, string eventId, Reden reden)
        => Assert.True(
            a.NietBetaalbaarItems.Any(n => n.GebeurtenisId == eventId && n.Reden == reden),
            $"expected {eventId} not payable ({reden}); got: " + string.Join("; ", a.NietBetaalbaarItems.Select(n => $"{n.GebeurtenisId} {n.Reden}")));

    // ---------------------------------------------------------------- Uurtarief (example 2)

    [Fact]
    public void Uurtarief_example_2_uses_the_indexed_tariff_on_the_date_of_the_work()
    {
        // Contract C: 4.96 % from contract year 2 (2027-01-01): 86.00 × 1.0496 = 90.2656 → 90.27.
        var contract = RaamovereenkomstTests.ContractC();
        var traject = T(Bekostigingsmodellen.Uurtarief(E(86m)));
        var a = SettlementEngine.Settle(
            traject,
            new Gebeurtenis[]
            {
                new Start("S", D(2026, 3, 2)),
                new Uren("U1", D(2026, 3, 10), 1.5m), new Uren("U2", D(2026, 3, 24), 2.25m), new Uren("U3", D(2027, 1, 5), 2m),
            },
            D(2027, 1, 31),
            contract.Context);

        // 1.5 × 86.00 = 129.00; 2.25 × 86.00 = 193.50; 2 × 90.27 = 180.54; total 503.04. Keys are rule/event.
        AssertLines(a.Verschuldigd, ("uren/U1", D(2026, 3, 10), 129.00m), ("uren/U2", D(2026, 3, 24), 193.50m), ("uren/U3", D(2027, 1, 5), 180.54m));
        Assert.Empty(a.Verwacht);
        Assert.Equal(E(503.04m), a.TotaalVerschuldigd);
        // The Start carries no fee in an hourly model: listed, not lost.
        AssertNietBetaalbaar(a, "S", Reden.GeenVergoeding);
    }

    [Fact]
    public void Uurtarief_without_a_contract_keeps_the_agreed_tariff()
    {
        var a = Settle(T(Bekostigingsmodellen.Uurtarief(E(86m))), D(2027, 1, 31), new Start("S", D(2026, 3, 2)), new Uren("U3", D(2027, 1, 5), 2m));
        // SettlementContext.Standaard has no indexation: 2 × 86.00 = 172.00.
        AssertLines(a.Verschuldigd, ("uren/U3", D(2027, 1, 5), 172.00m));
    }

    [Fact]
    public void Uurtarief_maximum_splits_the_crossing_event_and_lists_the_rest()
    {
        // Maximum 3 hours: U1 1.5 h → 129.00 (1.5 used); U2 2.25 h crosses: 1.5 h paid = 129.00, 0.75 h listed;
        // U3 beyond the maximum; U4 after the window (start 2026-03-02 + 12 months − 1 day = 2027-03-01).
        var a = Settle(
            T(Bekostigingsmodellen.Uurtarief(E(86m), maximumUren: 3m)),
            D(2027, 12, 31),
            new Start("S", D(2026, 3, 2)),
            new Uren("U1", D(2026, 3, 10), 1.5m),
            new Uren("U2", D(2026, 3, 24), 2.25m),
            new Uren("U3", D(2026, 4, 7), 2m),
            new Uren("U4", D(2027, 3, 2), 1m));
        AssertLines(a.Verschuldigd, ("uren/U1", D(2026, 3, 10), 129.00m), ("uren/U2", D(2026, 3, 24), 129.00m));
        AssertNietBetaalbaar(a, "U2", Reden.BovenMaximumEenheden);
        AssertNietBetaalbaar(a, "U3", Reden.BovenMaximumEenheden);
        AssertNietBetaalbaar(a, "U4", Reden.NaActievePeriode);
        Assert.Equal(E(258.00m), a.TotaalVerschuldigd);
    }

    // ---------------------------------------------------------------- Trajectprijs

    [Fact]
    public void TrajectprijsBijStart_is_due_on_the_start()
    {
        var a = Settle(T(Bekostigingsmodellen.TrajectprijsBijStart(E(2000m))), D(2026, 3, 2), new Aanmelding("A", D(2026, 2, 23)), new Start("S", D(2026, 3, 2)));
        AssertLines(a.Verschuldigd, ("trajectprijs", D(2026, 3, 2), 2000.00m));
        AssertNietBetaalbaar(a, "A", Reden.GeenVergoeding);
        Assert.Equal(TrajectStatus.Lopend, a.Status);
    }

    [Fact]
    public void TrajectprijsBijStart_falls_away_with_a_reclame_in_time()
    {
        // Example 11 shape: aanmelding 2026-01-05, reclame 2026-02-16 (the last day of 6 weeks): the whole traject is void.
        var a = Settle(
            T(Bekostigingsmodellen.TrajectprijsBijStart(E(2000m))),
            D(2026, 12, 31),
            new Aanmelding("A", D(2026, 1, 5)),
            new Start("S", D(2026, 1, 12)),
            new Reclame("R", D(2026, 2, 16)));
        Assert.Empty(a.Verschuldigd);
        Assert.Empty(a.Verwacht);
        AssertNietBetaalbaar(a, "S", Reden.Gereclameerd);
        Assert.Equal(TrajectStatus.Gereclameerd, a.Status);
    }

    [Fact]
    public void TrajectprijsInTermijnen_example_3_full_schedule()
    {
        // €2,500 / 12 = 208.333…: 12 × 208.33 = 2,499.96, the 4 remaining cents go to the first four (ties, earlier first).
        // Instalment i on 2026-02-15 + (i − 1) months. Peildatum 2026-06-30: 1–5 due, 6–12 pending.
        var traject = T(Bekostigingsmodellen.TrajectprijsInTermijnen(E(2500m), 12));
        var a = Settle(traject, D(2026, 6, 30), new Start("S", D(2026, 2, 15)));
        AssertLines(
            a.Verschuldigd,
            ("trajectprijs/1", D(2026, 2, 15), 208.34m),
            ("trajectprijs/2", D(2026, 3, 15), 208.34m),
            ("trajectprijs/3", D(2026, 4, 15), 208.34m),
            ("trajectprijs/4", D(2026, 5, 15), 208.34m),
            ("trajectprijs/5", D(2026, 6, 15), 208.33m));
        AssertLines(
            a.Verwacht,
            ("trajectprijs/6", D(2026, 7, 15), 208.33m),
            ("trajectprijs/7", D(2026, 8, 15), 208.33m),
            ("trajectprijs/8", D(2026, 9, 15), 208.33m),
            ("trajectprijs/9", D(2026, 10, 15), 208.33m),
            ("trajectprijs/10", D(2026, 11, 15), 208.33m),
            ("trajectprijs/11", D(2026, 12, 15), 208.33m),
            ("trajectprijs/12", D(2027, 1, 15), 208.33m));
        // 4 × 208.34 + 208.33 = 1,041.69; 7 × 208.33 = 1,458.31; together 2,500.00.
        Assert.Equal(E(1041.69m), a.TotaalVerschuldigd);
        Assert.Equal(E(1458.31m), a.TotaalVerwacht);
    }

    [Fact]
    public void TrajectprijsInTermijnen_example_3_with_uitval_keeps_the_instalments_already_due()
    {
        // Uitval 2026-06-20: instalments 02-15 … 06-15 stay (4 × 208.34 + 208.33 = 1,041.69); 07-15 onwards fall away.
        var a = Settle(
            T(Bekostigingsmodellen.TrajectprijsInTermijnen(E(2500m), 12)),
            D(2027, 12, 31),
            new Start("S", D(2026, 2, 15)),
            new Uitval("X", D(2026, 6, 20), "verhuisd"));
        AssertLines(
            a.Verschuldigd,
            ("trajectprijs/1", D(2026, 2, 15), 208.34m),
            ("trajectprijs/2", D(2026, 3, 15), 208.34m),
            ("trajectprijs/3", D(2026, 4, 15), 208.34m),
            ("trajectprijs/4", D(2026, 5, 15), 208.34m),
            ("trajectprijs/5", D(2026, 6, 15), 208.33m));
        Assert.Empty(a.Verwacht);
        Assert.Equal(E(1041.69m), a.TotaalVerschuldigd);
        Assert.Equal(TrajectStatus.Uitgevallen, a.Status);
    }

    [Fact]
    public void TrajectprijsInTermijnen_counts_from_the_start_not_chained()
    {
        // €300 in 3 from 2026-01-31: 01-31, 01-31 + 1 month = 02-28 (clamped), 01-31 + 2 months = 03-31 (not 03-28).
        var a = Settle(T(Bekostigingsmodellen.TrajectprijsInTermijnen(E(300m), 3)), D(2026, 12, 31), new Start("S", D(2026, 1, 31)));
        AssertLines(a.Verschuldigd, ("trajectprijs/1", D(2026, 1, 31), 100m), ("trajectprijs/2", D(2026, 2, 28), 100m), ("trajectprijs/3", D(2026, 3, 31), 100m));
    }

    [Fact]
    public void TrajectprijsInTermijnen_pro_rata_on_uitval_settles_by_days_less_what_is_already_due()
    {
        // €2,500 in 2 instalments 12 months apart: €1,250 on 2026-02-15 and €1,250 on 2027-02-15.
        // Window 2026-02-15 t/m 2027-02-14 = 365 days. Uitval 2026-12-31: active 2026-02-15 t/m 2026-12-31 = 365 − 45 = 320 days.
        // 2,500 × 320 / 365 = 2,191.7808… → 2,191.78; less 1,250.00 already due = 941.78 on the Uitval date.
        var a = Settle(
            T(Bekostigingsmodellen.TrajectprijsInTermijnen(E(2500m), 2, Duur.Maanden(12), proRataBijUitval: true)),
            D(2027, 12, 31),
            new Start("S", D(2026, 2, 15)),
            new Uitval("X", D(2026, 12, 31)));
        AssertLines(a.Verschuldigd, ("trajectprijs/1", D(2026, 2, 15), 1250.00m), ("trajectprijs/prorata", D(2026, 12, 31), 941.78m));
        Assert.Equal(E(2191.78m), a.TotaalVerschuldigd);
    }

    [Fact]
    public void TrajectprijsBijAfronding_is_due_on_an_afronding_within_the_active_period()
    {
        var model = Bekostigingsmodellen.TrajectprijsBijAfronding(E(2000m));
        var events = new Gebeurtenis[] { new Start("S", D(2026, 3, 2)), new Afronding("F", D(2026, 12, 1)) };

        var before = SettlementEngine.Settle(T(model), events, D(2026, 11, 30));
        Assert.Empty(before.Verschuldigd);
        AssertLines(before.Verwacht, ("trajectprijs", D(2026, 12, 1), 2000.00m));

        var after = SettlementEngine.Settle(T(model), events, D(2026, 12, 1));
        AssertLines(after.Verschuldigd, ("trajectprijs", D(2026, 12, 1), 2000.00m));
        Assert.Equal(TrajectStatus.Afgerond, after.Status);
    }

    [Fact]
    public void TrajectprijsBijAfronding_pays_nothing_on_uitval_or_after_the_window()
    {
        var model = Bekostigingsmodellen.TrajectprijsBijAfronding(E(2000m));
        var uitval = Settle(T(model), D(2027, 12, 31), new Start("S", D(2026, 3, 2)), new Uitval("X", D(2026, 9, 1)));
        Assert.Empty(uitval.AlleRegels);

        // Window 2026-03-02 + 12 months − 1 day = 2027-03-01; an Afronding on 2027-03-02 is after the active period.
        var late = Settle(T(model), D(2027, 12, 31), new Start("S", D(2026, 3, 2)), new Afronding("F", D(2027, 3, 2)));
        Assert.Empty(late.AlleRegels);
        AssertNietBetaalbaar(late, "F", Reden.NaActievePeriode);

        // On the window's last day itself it is in time.
        var onTime = Settle(T(model), D(2027, 12, 31), new Start("S", D(2026, 3, 2)), new Afronding("F", D(2027, 3, 1)));
        AssertLines(onTime.Verschuldigd, ("trajectprijs", D(2027, 3, 1), 2000.00m));
    }

    // ---------------------------------------------------------------- Starttarief plus bonus (examples 4, 5)

    private static Bekostigingsmodel Example4Model() => Bekostigingsmodellen.StarttariefPlusBonus(
        E(750m),
        Resultaatdefinitie.Standaard.MetUitstroomtypes(Uitstroomtype.RegulierWerk, Uitstroomtype.GesubsidieerdWerk, Uitstroomtype.Opleiding),
        new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, E(2000m)),
        new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, E(1250m)),
        new Bonusklasse(Uitstroomtype.GesubsidieerdWerk, 0m, null, E(750m)),
        new Bonusklasse(Uitstroomtype.Opleiding, 0m, null, E(500m)));

    [Fact]
    public void StarttariefPlusBonus_example_4_bonus_pending_then_due()
    {
        // Plaatsing regulier 36 h from 2026-04-01, open: durable on 2026-04-01 + 6 months = 2026-10-01 → tier ≥ 32 h = 2,000.
        var events = new Gebeurtenis[] { new Start("S", D(2026, 1, 12)), new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 36m) };

        var a = SettlementEngine.Settle(T(Example4Model()), events, D(2026, 9, 30));
        AssertLines(a.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m));
        AssertLines(a.Verwacht, ("bonus", D(2026, 10, 1), 2000m));
        Assert.Equal(TrajectStatus.Geplaatst, a.Status);

        var b = SettlementEngine.Settle(T(Example4Model()), events, D(2026, 10, 1));
        AssertLines(b.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m), ("bonus", D(2026, 10, 1), 2000m));
        Assert.Empty(b.Verwacht);
        Assert.Equal(E(2750m), b.TotaalVerschuldigd);
    }

    [Fact]
    public void StarttariefPlusBonus_example_5_second_plaatsing_earns_the_lower_tier()
    {
        // P1 ends 2026-08-14 < 2026-09-30 (= B + 6 months − 1 day): not durable. P2 regulier 20 h from 2026-09-01, inside the
        // window 2026-01-12 t/m 2027-01-11: durable on 2026-09-01 + 6 months = 2027-03-01, tier 12–32 h = 1,250.
        var events = new Gebeurtenis[]
        {
            new Start("S", D(2026, 1, 12)),
            new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 36m),
            new PlaatsingEinde("E1", D(2026, 8, 14), "P1"),
            new Plaatsing("P2", D(2026, 9, 1), Uitstroomtype.RegulierWerk, 20m),
        };

        var before = SettlementEngine.Settle(T(Example4Model()), events, D(2027, 2, 28));
        AssertLines(before.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m));
        AssertLines(before.Verwacht, ("bonus", D(2027, 3, 1), 1250m));

        var a = SettlementEngine.Settle(T(Example4Model()), events, D(2027, 3, 1));
        AssertLines(a.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m), ("bonus", D(2027, 3, 1), 1250m));
        Assert.Equal(E(2000m), a.TotaalVerschuldigd);
        AssertNietBetaalbaar(a, "P1", Reden.NietDuurzaam);
    }

    [Fact]
    public void StarttariefPlusBonus_tiers_follow_the_uitstroomtype()
    {
        // Gesubsidieerd 20 h from 2026-03-01 → tier 750 on 2026-09-01; opleiding → 500; participatie is not accepted.
        var gesubsidieerd = Settle(T(Example4Model()), D(2026, 12, 31), new Start("S", D(2026, 1, 12)), new Plaatsing("P", D(2026, 3, 1), Uitstroomtype.GesubsidieerdWerk, 20m));
        AssertLines(gesubsidieerd.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m), ("bonus", D(2026, 9, 1), 750m));

        var opleiding = Settle(T(Example4Model()), D(2026, 12, 31), new Start("S", D(2026, 1, 12)), new Plaatsing("P", D(2026, 3, 1), Uitstroomtype.Opleiding, 20m));
        AssertLines(opleiding.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m), ("bonus", D(2026, 9, 1), 500m));

        var participatie = Settle(T(Example4Model()), D(2026, 12, 31), new Start("S", D(2026, 1, 12)), new Plaatsing("P", D(2026, 3, 1), Uitstroomtype.Participatie, 20m));
        AssertLines(participatie.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m));
        AssertNietBetaalbaar(participatie, "P", Reden.VoldoetNietAanResultaatdefinitie);

        // Regulier at 8 h/week matches no tier (the lowest regulier tier starts at 12 h): it does not qualify at all.
        var weinigUren = Settle(T(Example4Model()), D(2026, 12, 31), new Start("S", D(2026, 1, 12)), new Plaatsing("P", D(2026, 3, 1), Uitstroomtype.RegulierWerk, 8m));
        AssertLines(weinigUren.Verschuldigd, ("starttarief", D(2026, 1, 12), 750m));
        AssertNietBetaalbaar(weinigUren, "P", Reden.VoldoetNietAanResultaatdefinitie);
    }

    // ---------------------------------------------------------------- No cure, less pay (example 6)

    private static readonly Resultaatdefinitie Example6Definitie = Resultaatdefinitie.Standaard
        .MetMinimumContract(6)
        .MetWachttijd(Duur.Maanden(2))
        .MetDuurzaamheid(Duurzaamheid.Geen);

    [Fact]
    public void NoCureLessPay_example_6_half_at_start_rest_after_two_months_worked()
    {
        // €4,000 at 50 %: 2,000 at start 2026-03-02; plaatsing from 2026-05-04, 12-month contract: result on
        // 2026-05-04 + 2 months = 2026-07-04, provided it lasts until 2026-07-03.
        var model = Bekostigingsmodellen.NoCureLessPay(E(4000m), 50m, Example6Definitie);
        var events = new Gebeurtenis[] { new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12) };

        var a = SettlementEngine.Settle(T(model), events, D(2026, 7, 4));
        AssertLines(a.Verschuldigd, ("start", D(2026, 3, 2), 2000m), ("resultaat", D(2026, 7, 4), 2000m));
        Assert.Equal(E(4000m), a.TotaalVerschuldigd);

        var before = SettlementEngine.Settle(T(model), events, D(2026, 7, 3));
        AssertLines(before.Verschuldigd, ("start", D(2026, 3, 2), 2000m));
        AssertLines(before.Verwacht, ("resultaat", D(2026, 7, 4), 2000m));
    }

    [Fact]
    public void NoCureLessPay_example_6_plaatsing_ending_early_pays_nothing_more()
    {
        // Last working day 2026-06-30 < 2026-07-03: not 2 months worked.
        var model = Bekostigingsmodellen.NoCureLessPay(E(4000m), 50m, Example6Definitie);
        var a = Settle(
            T(model),
            D(2026, 12, 31),
            new Start("S", D(2026, 3, 2)),
            new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12),
            new PlaatsingEinde("E1", D(2026, 6, 30), "P1"));
        AssertLines(a.Verschuldigd, ("start", D(2026, 3, 2), 2000m));
        Assert.Empty(a.Verwacht);
        AssertNietBetaalbaar(a, "P1", Reden.NietDuurzaam);
    }

    [Fact]
    public void NoCureLessPay_short_contract_does_not_count()
    {
        // A 5-month contract is below the minimum of 6.
        var model = Bekostigingsmodellen.NoCureLessPay(E(4000m), 50m, Example6Definitie);
        var a = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 5));
        AssertLines(a.Verschuldigd, ("start", D(2026, 3, 2), 2000m));
        AssertNietBetaalbaar(a, "P1", Reden.VoldoetNietAanResultaatdefinitie);
    }

    [Theory]
    [InlineData("2999.99", "50", "1500.00", "1499.99")] // 1,499.995 → 1,500.00 (half away from zero); rest 1,499.99
    [InlineData("100.00", "33.33", "33.33", "66.67")]
    [InlineData("0.05", "70", "0.04", "0.01")]         // 0.035 → 0.04; rest 0.01
    [InlineData("1000.00", "100", "1000.00", "0.00")]
    public void NoCureLessPay_split_rounds_the_first_part_and_gives_the_rest_to_the_second(string prijs, string pct, string start, string rest)
    {
        static decimal M(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
        var model = Bekostigingsmodellen.NoCureLessPay(E(M(prijs)), M(pct), Example6Definitie);
        var startRegel = Assert.IsType<Eenmalig>(model.Regels[0]);
        var resultaatRegel = Assert.IsType<BijResultaat>(model.Regels[1]);
        Assert.Equal("start", startRegel.Code);
        Assert.Equal("resultaat", resultaatRegel.Code);
        Assert.Equal(E(M(start)), startRegel.Bedrag);
        Assert.All(resultaatRegel.Klassen, k => Assert.Equal(E(M(rest)), k.Bedrag));
        Assert.Equal(E(M(prijs)), startRegel.Bedrag + resultaatRegel.Klassen[0].Bedrag);
    }

    [Fact]
    public void NoCureLessPay_split_of_2999_99_settles_to_the_whole_price()
    {
        var model = Bekostigingsmodellen.NoCureLessPay(E(2999.99m), 50m, Example6Definitie);
        var a = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12));
        AssertLines(a.Verschuldigd, ("start", D(2026, 3, 2), 1500.00m), ("resultaat", D(2026, 7, 4), 1499.99m));
        Assert.Equal(E(2999.99m), a.TotaalVerschuldigd);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void NoCureLessPay_rejects_a_share_outside_0_to_100(double pct)
    {
        var ex = Assert.Throws<BekostigingException>(() => Bekostigingsmodellen.NoCureLessPay(E(4000m), (decimal)pct, Example6Definitie));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Contains("percentageBijStart", ex.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- No cure, no pay (example 7)

    [Fact]
    public void NoCureNoPay_example_7_all_on_a_six_month_durable_result()
    {
        // €3,000 on a 6-month aaneengesloten result; plaatsing from 2026-04-01 → due 2026-10-01. Nothing at the start.
        var model = Bekostigingsmodellen.NoCureNoPay(E(3000m), Resultaatdefinitie.Standaard);
        var events = new Gebeurtenis[] { new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 24m) };

        var before = SettlementEngine.Settle(T(model), events, D(2026, 9, 30));
        Assert.Empty(before.Verschuldigd);
        AssertLines(before.Verwacht, ("resultaat", D(2026, 10, 1), 3000m));
        AssertNietBetaalbaar(before, "S", Reden.GeenVergoeding);

        var after = SettlementEngine.Settle(T(model), events, D(2026, 10, 1));
        AssertLines(after.Verschuldigd, ("resultaat", D(2026, 10, 1), 3000m));
        Assert.Equal(E(3000m), after.TotaalVerschuldigd);
    }

    [Fact]
    public void NoCureNoPay_durability_boundary_is_the_day_before_completion()
    {
        var model = Bekostigingsmodellen.NoCureNoPay(E(3000m), Resultaatdefinitie.Standaard);

        // Last working day 2026-09-30 = 2026-04-01 + 6 months − 1 day: durable, due 2026-10-01.
        var durable = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 24m), new PlaatsingEinde("E1", D(2026, 9, 30), "P1"));
        AssertLines(durable.Verschuldigd, ("resultaat", D(2026, 10, 1), 3000m));

        // One day less: nothing.
        var notDurable = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 24m), new PlaatsingEinde("E1", D(2026, 9, 29), "P1"));
        Assert.Empty(notDurable.AlleRegels);
        AssertNietBetaalbaar(notDurable, "P1", Reden.NietDuurzaam);
    }

    // ---------------------------------------------------------------- UWV IRO

    [Fact]
    public void UwvIro_example_6_shape_with_the_uwv_plaatsing_definition()
    {
        // €4,000 at 50 %: 2,000 at start; UWV plaatsing (contract ≥ 6 months, 2 months worked) from 2026-05-04 → 2026-07-04.
        var model = Bekostigingsmodellen.UwvIro(E(4000m));
        Assert.Equal(Duur.Jaren(2), model.MaximaleDoorlooptijd);
        var a = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12));
        AssertLines(a.Verschuldigd, ("start", D(2026, 3, 2), 2000m), ("resultaat", D(2026, 7, 4), 2000m));

        // Opleiding is not a UWV plaatsing.
        var opleiding = Settle(T(model), D(2026, 12, 31), new Start("S", D(2026, 3, 2)), new Plaatsing("P1", D(2026, 5, 4), Uitstroomtype.Opleiding, 32m, 12));
        AssertLines(opleiding.Verschuldigd, ("start", D(2026, 3, 2), 2000m));
        AssertNietBetaalbaar(opleiding, "P1", Reden.VoldoetNietAanResultaatdefinitie);
    }

    [Fact]
    public void UwvIro_accepts_5000_and_rejects_a_price_above_it_when_built()
    {
        var ok = Bekostigingsmodellen.UwvIro(E(5000m));
        Assert.Equal(E(2500m), Assert.IsType<Eenmalig>(ok.Regels[0]).Bedrag);

        var ex = Assert.Throws<BekostigingException>(() => Bekostigingsmodellen.UwvIro(E(5000.01m)));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Contains("prijs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UwvIro_two_year_maximum_caps_a_verlenging()
    {
        // Start 2026-02-01, doorlooptijd 18 months: window t/m 2027-07-31. Verlenging of 12 months approved 2027-07-01 would
        // run t/m (2027-08-01) + 12 months − 1 day = 2028-07-31, but the IRO cap is 2026-02-01 + 2 years − 1 day = 2028-01-31.
        var iro = Bekostigingsmodellen.UwvIro(E(5000m));
        Gebeurtenis[] Events(LocalDate plaatsing) => new Gebeurtenis[]
        {
            new Start("S", D(2026, 2, 1)),
            new Verlenging("V", D(2027, 7, 1), Duur.Maanden(12)),
            new Plaatsing("P1", plaatsing, Uitstroomtype.RegulierWerk, 32m, 12),
        };

        // A plaatsing beginning on the cap's last day counts: result on 2028-01-31 + 2 months = 2028-03-31.
        var inTime = SettlementEngine.Settle(T(iro, 18), Events(D(2028, 1, 31)), D(2028, 12, 31));
        AssertLines(inTime.Verschuldigd, ("start", D(2026, 2, 1), 2500m), ("resultaat", D(2028, 3, 31), 2500m));

        // One day later it begins after the active period.
        var late = SettlementEngine.Settle(T(iro, 18), Events(D(2028, 2, 1)), D(2028, 12, 31));
        AssertLines(late.Verschuldigd, ("start", D(2026, 2, 1), 2500m));
        Assert.Empty(late.Verwacht);
        AssertNietBetaalbaar(late, "P1", Reden.NaActievePeriode);

        // The same rules without the cap (plain no cure less pay) do pay it: 2028-02-01 + 2 months = 2028-04-01.
        var uncapped = Bekostigingsmodellen.NoCureLessPay(E(5000m), 50m, Bekostigingsmodellen.UwvPlaatsing);
        var control = SettlementEngine.Settle(T(uncapped, 18), Events(D(2028, 2, 1)), D(2028, 12, 31));
        AssertLines(control.Verschuldigd, ("start", D(2026, 2, 1), 2500m), ("resultaat", D(2028, 4, 1), 2500m));
    }

    [Fact]
    public void UwvIro_two_year_maximum_caps_a_longer_doorlooptijd()
    {
        // A traject agreed for 36 months still ends on 2026-02-01 + 2 years − 1 day = 2028-01-31 under IRO.
        var a = Settle(T(Bekostigingsmodellen.UwvIro(E(5000m)), 36), D(2028, 12, 31), new Start("S", D(2026, 2, 1)), new Plaatsing("P1", D(2028, 2, 1), Uitstroomtype.RegulierWerk, 32m, 12));
        AssertLines(a.Verschuldigd, ("start", D(2026, 2, 1), 2500m));
        AssertNietBetaalbaar(a, "P1", Reden.NaActievePeriode);
    }

    // ---------------------------------------------------------------- UWV Werkfit

    [Fact]
    public void UwvWerkfit_hours_up_to_the_maximum_plus_a_bonus_on_durable_work()
    {
        // €86/h up to 10 h: U1 4 h = 344.00, U2 4 h = 344.00, U3 crosses: 2 h = 172.00 (2 h listed).
        // P0 gesubsidieerd 8 h/week is below the default 12 h; P1 regulier 16 h from 2026-04-01 lasts 6 months → bonus
        // €1,000 on 2026-10-01. Total 344 + 344 + 172 + 1,000 = 1,860.00.
        var model = Bekostigingsmodellen.UwvWerkfit(E(86m), 10m, E(1000m));
        var a = Settle(
            T(model),
            D(2026, 10, 1),
            new Start("S", D(2026, 2, 2)),
            new Uren("U1", D(2026, 2, 10), 4m),
            new Uren("U2", D(2026, 2, 17), 4m),
            new Uren("U3", D(2026, 2, 24), 4m),
            new Plaatsing("P0", D(2026, 3, 1), Uitstroomtype.GesubsidieerdWerk, 8m),
            new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 16m));
        AssertLines(
            a.Verschuldigd,
            ("uren/U1", D(2026, 2, 10), 344.00m),
            ("uren/U2", D(2026, 2, 17), 344.00m),
            ("uren/U3", D(2026, 2, 24), 172.00m),
            ("bonus", D(2026, 10, 1), 1000.00m));
        Assert.Equal(E(1860.00m), a.TotaalVerschuldigd);
        AssertNietBetaalbaar(a, "U3", Reden.BovenMaximumEenheden);
        AssertNietBetaalbaar(a, "P0", Reden.VoldoetNietAanResultaatdefinitie);
    }

    // ---------------------------------------------------------------- UWV plaatsingsfee (example 8)

    [Fact]
    public void UwvPlaatsingsfee_example_8_staircase_steps_reached()
    {
        // Plaatsing 2026-02-01 t/m 2026-09-15: 3 months on 2026-05-01 (€300), 6 months on 2026-08-01 (€700);
        // 12 months would need it to last t/m 2027-01-31. Total 1,000.
        var a = Settle(
            T(Bekostigingsmodellen.UwvPlaatsingsfee()),
            D(2027, 12, 31),
            new Start("S", D(2026, 1, 5)),
            new Plaatsing("P1", D(2026, 2, 1), Uitstroomtype.RegulierWerk, 24m, 12),
            new PlaatsingEinde("E1", D(2026, 9, 15), "P1"));
        AssertLines(a.Verschuldigd, ("plaatsingsfee/1", D(2026, 5, 1), 300m), ("plaatsingsfee/2", D(2026, 8, 1), 700m));
        Assert.Empty(a.Verwacht);
        Assert.Equal(E(1000m), a.TotaalVerschuldigd);
    }

    [Fact]
    public void UwvPlaatsingsfee_all_steps_and_the_twelve_hour_minimum()
    {
        // Open-ended 12 h/week from 2026-02-01: 05-01 €300, 08-01 €700, 2027-02-01 €500; custom amounts are parameters.
        var all = Settle(T(Bekostigingsmodellen.UwvPlaatsingsfee()), D(2027, 12, 31), new Start("S", D(2026, 1, 5)), new Plaatsing("P1", D(2026, 2, 1), Uitstroomtype.BeschutWerk, 12m));
        AssertLines(all.Verschuldigd, ("plaatsingsfee/1", D(2026, 5, 1), 300m), ("plaatsingsfee/2", D(2026, 8, 1), 700m), ("plaatsingsfee/3", D(2027, 2, 1), 500m));

        var custom = Settle(T(Bekostigingsmodellen.UwvPlaatsingsfee(E(100m), E(200m), E(300m))), D(2027, 12, 31), new Start("S", D(2026, 1, 5)), new Plaatsing("P1", D(2026, 2, 1), Uitstroomtype.RegulierWerk, 12m));
        Assert.Equal(E(600m), custom.TotaalVerschuldigd);

        // 11.5 h/week is below the minimum: no step.
        var few = Settle(T(Bekostigingsmodellen.UwvPlaatsingsfee()), D(2027, 12, 31), new Start("S", D(2026, 1, 5)), new Plaatsing("P1", D(2026, 2, 1), Uitstroomtype.RegulierWerk, 11.5m));
        Assert.Empty(few.AlleRegels);
        AssertNietBetaalbaar(few, "P1", Reden.VoldoetNietAanResultaatdefinitie);
    }

    // ---------------------------------------------------------------- A model of one's own (example 9)

    [Fact]
    public void Own_model_example_9_attachment_outcome_and_sustainments()
    {
        // Attachment €400 at start; outcome €1,200 after 182 days, then €85 per 28 days, at most 20.
        // Plaatsing 2026-03-02 t/m 2027-01-15: 2026-03-02 + 182 days = 2026-08-31 (29 + 30 + 31 + 30 + 31 + 31 = 182);
        // + 28 = 09-28, + 56 = 10-26, + 84 = 11-23, + 112 = 12-21; + 140 = 2027-01-18 needs work t/m 2027-01-17: not reached.
        // Total 400 + 1,200 + 4 × 85 = 1,940.
        var model = new Bekostigingsmodel("Eigen model", ValueList.Of<Betaalregel>(
            new Eenmalig("aanhaking", Aanleiding.Start, E(400m)),
            Trap.MetHerhaling("uitkomst", Resultaatdefinitie.Standaard, Duur.Dagen(182), E(1200m), Duur.Dagen(28), E(85m), 20)));
        Assert.Equal(21, ((Trap)model.Regels[1]).Stappen.Count);

        var a = Settle(
            T(model),
            D(2027, 12, 31),
            new Start("S", D(2026, 2, 2)),
            new Plaatsing("P1", D(2026, 3, 2), Uitstroomtype.RegulierWerk, 36m),
            new PlaatsingEinde("E1", D(2027, 1, 15), "P1"));
        AssertLines(
            a.Verschuldigd,
            ("aanhaking", D(2026, 2, 2), 400m),
            ("uitkomst/1", D(2026, 8, 31), 1200m),
            ("uitkomst/2", D(2026, 9, 28), 85m),
            ("uitkomst/3", D(2026, 10, 26), 85m),
            ("uitkomst/4", D(2026, 11, 23), 85m),
            ("uitkomst/5", D(2026, 12, 21), 85m));
        Assert.Empty(a.Verwacht);
        Assert.Equal(E(1940m), a.TotaalVerschuldigd);
    }

    // ---------------------------------------------------------------- Gestaffeld

    private static Bekostigingsmodel Fasen() => Bekostigingsmodellen.Gestaffeld(
        new Fase(Mijlpaal.Soorten.Intake, E(250m)),
        new Fase(Mijlpaal.Soorten.Diagnose, E(500m)),
        new Fase(Mijlpaal.Soorten.Trajectplan, E(750m)),
        new Fase(Fase.Plaatsing, E(1000m)),
        new Fase(Mijlpaal.Soorten.Nazorg, E(500m)));

    [Fact]
    public void Gestaffeld_pays_each_phase_once_within_the_active_period()
    {
        // Window 2026-01-05 t/m 2027-01-04. Intake 250, diagnose 500, trajectplan 750, first plaatsing 1,000 = 2,500.
        // A second intake is already paid; nazorg on 2027-02-01 is after the window.
        var a = Settle(
            T(Fasen()),
            D(2027, 12, 31),
            new Start("S", D(2026, 1, 5)),
            new Mijlpaal("M1", D(2026, 1, 12), Mijlpaal.Soorten.Intake),
            new Mijlpaal("M2", D(2026, 2, 2), Mijlpaal.Soorten.Diagnose),
            new Mijlpaal("M3", D(2026, 2, 16), Mijlpaal.Soorten.Trajectplan),
            new Mijlpaal("M4", D(2026, 3, 2), Mijlpaal.Soorten.Intake),
            new Plaatsing("P1", D(2026, 4, 1), Uitstroomtype.RegulierWerk, 24m),
            new Mijlpaal("M5", D(2027, 2, 1), Mijlpaal.Soorten.Nazorg));
        AssertLines(
            a.Verschuldigd,
            ("intake", D(2026, 1, 12), 250m),
            ("diagnose", D(2026, 2, 2), 500m),
            ("trajectplan", D(2026, 2, 16), 750m),
            ("plaatsing", D(2026, 4, 1), 1000m));
        Assert.Equal(E(2500m), a.TotaalVerschuldigd);
        AssertNietBetaalbaar(a, "M4", Reden.AlBetaald);
        AssertNietBetaalbaar(a, "M5", Reden.NaActievePeriode);
    }

    [Fact]
    public void Gestaffeld_rejects_a_phase_named_twice()
    {
        var ex = Assert.Throws<BekostigingException>(() => Bekostigingsmodellen.Gestaffeld(new Fase("intake", E(250m)), new Fase("intake", E(300m))));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }

    // ---------------------------------------------------------------- Bouwstenen

    [Fact]
    public void Bouwstenen_basistarief_plus_a_price_per_module()
    {
        // 500 at start; A 300, B 450, A 300 = 1,550; module X has no price.
        var model = Bekostigingsmodellen.Bouwstenen(E(500m), new ModulePrijs("A", E(300m)), new ModulePrijs("B", E(450m)));
        var a = Settle(
            T(model),
            D(2026, 12, 31),
            new Start("S", D(2026, 1, 5)),
            new Module("M1", D(2026, 2, 1), "A"),
            new Module("M2", D(2026, 3, 1), "B"),
            new Module("M3", D(2026, 4, 1), "A"),
            new Module("M4", D(2026, 5, 1), "X"));
        AssertLines(
            a.Verschuldigd,
            ("basistarief", D(2026, 1, 5), 500m),
            ("modules/M1", D(2026, 2, 1), 300m),
            ("modules/M2", D(2026, 3, 1), 450m),
            ("modules/M3", D(2026, 4, 1), 300m));
        Assert.Equal(E(1550m), a.TotaalVerschuldigd);
        AssertNietBetaalbaar(a, "M4", Reden.OnbekendeModule);
    }

    [Fact]
    public void Bouwstenen_rejects_two_prices_for_one_module()
    {
        var ex = Assert.Throws<BekostigingException>(() => Bekostigingsmodellen.Bouwstenen(E(500m), new ModulePrijs("A", E(300m)), new ModulePrijs("A", E(350m))));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }

    // ---------------------------------------------------------------- Arrangement (example 10)

    [Fact]
    public void Arrangement_example_10_partial_months_pro_rata_by_calendar_days()
    {
        // €425 per month, active 2026-01-20 t/m 2026-04-09:
        // January 20–31 = 12 days: 425 × 12 / 31 = 164.516… → 164.52 on 01-31; February 425 on 02-28; March 425 on 03-31;
        // April 1–9 = 9 days: 425 × 9 / 30 = 127.50 on 04-09 (the last active day). Total 1,142.02.
        var a = Settle(T(Bekostigingsmodellen.Arrangement(E(425m))), D(2026, 12, 31), new Start("S", D(2026, 1, 20)), new Uitval("X", D(2026, 4, 9)));
        AssertLines(
            a.Verschuldigd,
            ("arrangement/2026-01", D(2026, 1, 31), 164.52m),
            ("arrangement/2026-02", D(2026, 2, 28), 425.00m),
            ("arrangement/2026-03", D(2026, 3, 31), 425.00m),
            ("arrangement/2026-04", D(2026, 4, 9), 127.50m));
        Assert.Empty(a.Verwacht);
        Assert.Equal(E(1142.02m), a.TotaalVerschuldigd);
        Assert.Equal(TrajectStatus.Uitgevallen, a.Status);
    }

    [Fact]
    public void Arrangement_without_an_end_runs_to_the_window_and_later_months_are_pending()
    {
        // Doorlooptijd 3 months from 2026-01-20: t/m 2026-04-19. Peildatum 2026-02-28.
        // January 164.52 and February 425 due; March 425 pending; April 1–19: 425 × 19 / 30 = 269.166… → 269.17 on 04-19.
        var a = Settle(T(Bekostigingsmodellen.Arrangement(E(425m)), 3), D(2026, 2, 28), new Start("S", D(2026, 1, 20)));
        AssertLines(a.Verschuldigd, ("arrangement/2026-01", D(2026, 1, 31), 164.52m), ("arrangement/2026-02", D(2026, 2, 28), 425.00m));
        AssertLines(a.Verwacht, ("arrangement/2026-03", D(2026, 3, 31), 425.00m), ("arrangement/2026-04", D(2026, 4, 19), 269.17m));
    }

    // ---------------------------------------------------------------- Building-block and model validation

    [Fact]
    public void Two_rules_with_the_same_code_in_a_model_is_an_error()
    {
        var ex = Assert.Throws<BekostigingException>(() => new Bekostigingsmodel("Dubbel", ValueList.Of<Betaalregel>(
            new Eenmalig("vergoeding", Aanleiding.Start, E(100m)),
            new PerEenheid("vergoeding", E(86m)))));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Contains("vergoeding", ex.Message, StringComparison.Ordinal);
    }

    // Regression tests for two bugs found while writing these tests (failing on commit 8d9101c, fixed by the init-accessor
    // checks in Bekostigingsmodel, Resultaatdefinitie, PerTrede, Verlengingstarief and ModulePrijs):
    // 1. the Met…/Plus copy methods use `with`, which ran the init accessors but not the checks in the property initializers,
    //    so TrajectprijsBijStart(€1,000).Plus(new Eenmalig("trajectprijs", Afronding, €500)) was accepted and its settlement
    //    had two lines keyed "trajectprijs";
    // 2. PerTrede, Verlengingstarief and ModulePrijs accepted negative amounts and made negative lines (§8 property 5).

    public static IEnumerable<object[]> CopyMethods() => CopyMethodCases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, Func<object>> CopyMethodCases = new()
    {
        ["Bekostigingsmodel.Plus with a code already in the model"] = () => Bekostigingsmodellen.TrajectprijsBijStart(E(1000m)).Plus(new Eenmalig("trajectprijs", Aanleiding.Afronding, E(500m))),
        ["Bekostigingsmodel.MetMaximum negative"] = () => Bekostigingsmodellen.Arrangement(E(425m)).MetMaximum(E(-1m)),
        ["Resultaatdefinitie.MetMinimumUren negative"] = () => Resultaatdefinitie.Standaard.MetMinimumUren(-1m),
        ["Resultaatdefinitie.MetMinimumContract zero"] = () => Resultaatdefinitie.Standaard.MetMinimumContract(0),
        ["Resultaatdefinitie.MetMaximaleOnderbreking negative"] = () => Resultaatdefinitie.Standaard.MetMaximaleOnderbreking(-1),
    };

    [Theory]
    [MemberData(nameof(CopyMethods))]
    public void Copy_methods_validate_like_the_constructor(string name)
    {
        var ex = Assert.Throws<BekostigingException>(() => CopyMethodCases[name]());
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }

    public static IEnumerable<object[]> NegativeAmounts() => NegativeAmountCases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, Func<object>> NegativeAmountCases = new()
    {
        ["PerTrede negative"] = () => new PerTrede("trede", E(-10m)),
        ["Verlengingstarief negative"] = () => new Verlengingstarief("verlenging", E(-10m)),
        ["ModulePrijs negative (Bouwstenen)"] = () => Bekostigingsmodellen.Bouwstenen(E(500m), new ModulePrijs("A", E(-30m))),
    };

    [Theory]
    [MemberData(nameof(NegativeAmounts))]
    public void Every_fee_rejects_a_negative_amount(string name)
    {
        var ex = Assert.Throws<BekostigingException>(() => NegativeAmountCases[name]());
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }

    public static IEnumerable<object[]> WithExpressions() => WithExpressionCases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, Func<object>> WithExpressionCases = new()
    {
        ["Eenmalig with a negative fee"] = () => new Eenmalig("e", Aanleiding.Start, E(1m)) with { Bedrag = E(-1m) },
        ["PerEenheid with a negative tariff"] = () => new PerEenheid("u", E(86m)) with { Tarief = E(-86m) },
        ["PerPeriode with a negative tariff"] = () => new PerPeriode("p", E(425m)) with { TariefPerMaand = E(-425m) },
        ["Termijnen with zero instalments"] = () => new Termijnen("t", E(2500m), 12, Duur.Maanden(1)) with { Aantal = 0 },
        ["Trap with no steps"] = () => new Trap("t", Resultaatdefinitie.Standaard, ValueList.Of(new Trapstap(Duur.Maanden(3), E(300m)))) with { Stappen = ValueList<Trapstap>.Empty },
        ["BijResultaat with no tiers"] = () => BijResultaat.Vast("b", Resultaatdefinitie.Standaard, E(1m)) with { Klassen = ValueList<Bonusklasse>.Empty },
        ["Betaalregel with a code holding '/'"] = () => new Eenmalig("e", Aanleiding.Start, E(1m)) with { Code = "a/b" },
        ["Traject with profiel 9"] = () => T(Bekostigingsmodellen.Arrangement(E(425m))) with { Profiel = 9 },
    };

    [Theory]
    [MemberData(nameof(WithExpressions))]
    public void With_expressions_validate_like_the_constructor(string name)
    {
        var ex = Assert.Throws<BekostigingException>(() => WithExpressionCases[name]());
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }

    public static IEnumerable<object[]> InvalidParameters() => InvalidParameterCases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, Func<object>> InvalidParameterCases = new()
    {
        ["Trap without steps"] = () => new Trap("t", Resultaatdefinitie.Standaard, ValueList<Trapstap>.Empty),
        ["Trap step of zero duration"] = () => new Trap("t", Resultaatdefinitie.Standaard, ValueList.Of(new Trapstap(Duur.Maanden(0), E(300m)))),
        ["Trap step negative"] = () => new Trap("t", Resultaatdefinitie.Standaard, ValueList.Of(new Trapstap(Duur.Maanden(3), E(-300m)))),
        ["Trap.MetHerhaling interval in another unit"] = () => Trap.MetHerhaling("t", Resultaatdefinitie.Standaard, Duur.Weken(26), E(1200m), Duur.Dagen(28), E(85m), 20),
        ["Trap.MetHerhaling negative repetitions"] = () => Trap.MetHerhaling("t", Resultaatdefinitie.Standaard, Duur.Dagen(182), E(1200m), Duur.Dagen(28), E(85m), -1),
        ["Termijnen zero instalments"] = () => new Termijnen("t", E(2500m), 0, Duur.Maanden(1)),
        ["Termijnen negative price"] = () => new Termijnen("t", E(-2500m), 12, Duur.Maanden(1)),
        ["Eenmalig negative"] = () => new Eenmalig("e", Aanleiding.Start, E(-1m)),
        ["Eenmalig Mijlpaal without kind"] = () => new Eenmalig("e", Aanleiding.Mijlpaal, E(1m)),
        ["Eenmalig kind without Mijlpaal"] = () => new Eenmalig("e", Aanleiding.Start, E(1m), "intake"),
        ["PerEenheid negative tariff"] = () => new PerEenheid("u", E(-86m)),
        ["PerEenheid negative maximum"] = () => new PerEenheid("u", E(86m), -1m),
        ["PerModule two prices for one code"] = () => new PerModule("m", ValueList.Of(new ModulePrijs("A", E(1m)), new ModulePrijs("A", E(2m)))),
        ["PerModule negative maximum"] = () => new PerModule("m", ValueList.Of(new ModulePrijs("A", E(1m))), -1),
        ["PerPeriode negative"] = () => new PerPeriode("p", E(-425m)),
        ["BijResultaat without tiers"] = () => new BijResultaat("b", Resultaatdefinitie.Standaard, ValueList<Bonusklasse>.Empty),
        ["BijResultaat negative tier"] = () => BijResultaat.Vast("b", Resultaatdefinitie.Standaard, E(-1m)),
        ["Rule code empty"] = () => new Eenmalig(" ", Aanleiding.Start, E(1m)),
        ["Rule code with a slash"] = () => new Eenmalig("a/b", Aanleiding.Start, E(1m)),
        ["Model negative maximum (constructor)"] = () => new Bekostigingsmodel("m", ValueList<Betaalregel>.Empty, E(-1m)),
        ["Uurtarief negative maximum"] = () => Bekostigingsmodellen.Uurtarief(E(86m), -1m),
        ["UwvWerkfit negative maximum"] = () => Bekostigingsmodellen.UwvWerkfit(E(86m), -1m, E(1000m)),
        ["UwvPlaatsingsfee negative step"] = () => Bekostigingsmodellen.UwvPlaatsingsfee(E(-300m)),
        ["TrajectprijsInTermijnen zero instalments"] = () => Bekostigingsmodellen.TrajectprijsInTermijnen(E(2500m), 0),
        ["StarttariefPlusBonus without tiers"] = () => Bekostigingsmodellen.StarttariefPlusBonus(E(750m), Resultaatdefinitie.Standaard),
        ["NoCureNoPay negative price"] = () => Bekostigingsmodellen.NoCureNoPay(E(-3000m), Resultaatdefinitie.Standaard),
        ["Arrangement negative"] = () => Bekostigingsmodellen.Arrangement(E(-425m)),
        ["Duur negative"] = () => Duur.Maanden(-1),
        ["Cumulatief zero weeks"] = () => Duurzaamheid.Cumulatief(0, 36),
        ["Cumulatief window shorter than weeks"] = () => Duurzaamheid.Cumulatief(26, 20),
        ["Resultaatdefinitie negative hours (constructor)"] = () => new Resultaatdefinitie(ValueList.Of(Uitstroomtype.RegulierWerk), -1m, null, null, Duurzaamheid.Geen, 0),
        ["Resultaatdefinitie zero-month contract (constructor)"] = () => new Resultaatdefinitie(ValueList.Of(Uitstroomtype.RegulierWerk), 0m, 0, null, Duurzaamheid.Geen, 0),
        ["Resultaatdefinitie negative gap (constructor)"] = () => new Resultaatdefinitie(ValueList.Of(Uitstroomtype.RegulierWerk), 0m, null, null, Duurzaamheid.Geen, -1),
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void Building_blocks_reject_invalid_parameters(string name)
    {
        var ex = Assert.Throws<BekostigingException>(() => InvalidParameterCases[name]());
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
    }
}
