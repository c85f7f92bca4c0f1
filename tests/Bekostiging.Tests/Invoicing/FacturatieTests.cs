using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Invoicing;

public partial class FacturatieTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static readonly Factuurinstellingen Instellingen = new(Btw.Vrijgesteld, Factuurinstellingen.Reeks("F-"));

    /// <summary>domain.md §11 example 6: €4,000, 50 % at start; result = contract ≥ 6 months and 2 months worked.</summary>
    private static Raamovereenkomst Contract(Bekostigingsmodel? model = null, Bedrag? plafond = null) =>
        new Raamovereenkomst("C-13", ValueList.Of("Gemeente A"), "Aanbieder X", D(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null,
                model ?? Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, Bekostigingsmodellen.UwvPlaatsing),
                Duur.Maanden(12))))
        with { Plafond = plafond };

    private static List<Factuur> MonthlyRuns(Raamovereenkomst c, IReadOnlyList<TrajectMetGebeurtenissen> trajecten, LocalDate from, LocalDate to, Factuurinstellingen? instellingen = null)
    {
        var facturen = new List<Factuur>();
        for (var t = Kalender.EindeMaand(from); t <= to; t = Kalender.EindeMaand(t.PlusDays(1)))
        {
            var f = Facturatie.Run(c, trajecten, facturen, t, instellingen ?? Instellingen);
            if (!f.IsLeeg)
            {
                facturen.Add(f);
            }
        }

        return facturen;
    }

    [Fact]
    public void Example_13_a_late_plaatsing_einde_credits_the_bonus_referring_to_the_july_line()
    {
        var c = Contract();
        var traject = c.NieuwTraject("T-13", "C-0013", 2, "re-integratie");
        var events = new List<Gebeurtenis>
        {
            new Aanmelding("A", D(2026, 2, 20)),
            new Start("S", D(2026, 3, 2)),
            new Plaatsing("P", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12),
            new PlaatsingEinde("PE", D(2026, 6, 30), "P") { Gemeld = D(2026, 11, 3) },
        };
        var facturen = MonthlyRuns(c, new[] { new TrajectMetGebeurtenissen(traject, events) }, D(2026, 1, 31), D(2026, 12, 31));

        // Runs with differences: March (start part), July (result part), November (credit).
        Assert.Equal(new[] { D(2026, 3, 31), D(2026, 7, 31), D(2026, 11, 30) }, facturen.Select(f => f.Factuurdatum));
        var july = facturen[1];
        var julyLine = Assert.Single(july.Regels);
        Assert.Equal("resultaat", julyLine.Sleutel);
        Assert.Equal(Bedrag.Van(2000m), julyLine.Bedrag);
        Assert.Equal(D(2026, 7, 4), julyLine.Vervaldatum);

        var credit = Assert.Single(facturen[2].Regels);
        Assert.Equal(Regelsoort.Credit, credit.Soort);
        Assert.Equal(Bedrag.Van(-2000m), credit.Bedrag);
        Assert.Equal(new Regelverwijzing(july.Nummer, julyLine.Regelnummer), credit.Corrigeert);

        Assert.Equal(Bedrag.Van(2000m), facturen.Aggregate(Bedrag.Nul, (s, f) => s + f.TotaalExclusiefBtw));
    }

    [Fact]
    public void Running_twice_adds_nothing_and_a_dry_run_changes_nothing()
    {
        var c = Contract();
        var t = new[] { new TrajectMetGebeurtenissen(c.NieuwTraject("T-1", "C-0001", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 3, 2)) }) };
        var preview = Facturatie.Preview(c, t, new List<Factuur>(), D(2026, 3, 31), Instellingen);
        Assert.True(preview.IsConcept);
        Assert.Equal("CONCEPT", preview.Nummer);
        var first = Facturatie.Run(c, t, new List<Factuur>(), D(2026, 3, 31), Instellingen);
        Assert.Equal(preview.Regels, first.Regels);
        Assert.Equal("F-0001", first.Nummer);
        var again = Facturatie.Run(c, t, new[] { first }, D(2026, 3, 31), Instellingen);
        Assert.True(again.IsLeeg);
        Assert.Equal("F-0002", again.Nummer);
    }

    [Fact]
    public void Withdrawn_withdrawal_credits_then_re_debits()
    {
        var c = Contract(Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)));
        var traject = c.NieuwTraject("T-2", "C-0002", 3, "re-integratie");
        var events = new List<Gebeurtenis>
        {
            new Start("S", D(2026, 1, 5)),
            new Uren("U1", D(2026, 1, 10), 2m),
            new Intrekking("I1", D(2026, 2, 10), "U1"),
            new Intrekking("I2", D(2026, 3, 10), "I1"),
        };
        var facturen = MonthlyRuns(c, new[] { new TrajectMetGebeurtenissen(traject, events) }, D(2026, 1, 31), D(2026, 3, 31));
        // January: 2 × 86 = 172 debit; February: withdrawn → credit −172; March: withdrawal withdrawn → debit 172 again.
        Assert.Equal(new[] { 172m, -172m, 172m }, facturen.SelectMany(f => f.Regels).Select(r => r.Bedrag.Euros));
        Assert.Equal(new Regelverwijzing("F-0001", 1), facturen[1].Regels[0].Corrigeert);
        Assert.Null(facturen[2].Regels[0].Corrigeert);
    }

    [Fact]
    public void Plafond_holds_back_and_releases_when_room_appears()
    {
        var c = Contract(Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1000m)), plafond: Bedrag.Van(1500m));
        var t1 = c.NieuwTraject("T-1", "C-0001", 1, "re-integratie");
        var t2 = c.NieuwTraject("T-2", "C-0002", 1, "re-integratie");
        var trajecten = new[]
        {
            new TrajectMetGebeurtenissen(t1, new Gebeurtenis[] { new Aanmelding("A", D(2026, 1, 2)), new Start("S", D(2026, 1, 5)), new Reclame("R", D(2026, 2, 10)) { Gemeld = D(2026, 3, 2) } }),
            new TrajectMetGebeurtenissen(t2, new Gebeurtenis[] { new Start("S", D(2026, 1, 20)) }),
        };
        var facturen = MonthlyRuns(c, trajecten, D(2026, 1, 31), D(2026, 3, 31));
        // January: T-1 1000 fits; T-2 crosses the plafond: 500 invoiced, 500 held back.
        var jan = facturen[0];
        Assert.Equal(new[] { 1000m, 500m }, jan.Regels.Select(r => r.Bedrag.Euros));
        var held = Assert.Single(jan.Ingehouden);
        Assert.Equal(("T-2", 500m), (held.TrajectId, held.Bedrag.Euros));
        // March: T-1's reclame (reported 2026-03-02) voids it: credit 1000; T-2's held 500 is released: debit 500.
        var mar = facturen[1];
        Assert.Equal(D(2026, 3, 31), mar.Factuurdatum);
        Assert.Equal(new[] { ("T-1", -1000m), ("T-2", 500m) }, mar.Regels.Select(r => (r.TrajectId!, r.Bedrag.Euros)));
        Assert.Empty(mar.Ingehouden);
    }

    [Fact]
    public void Vat_is_a_parameter()
    {
        var c = Contract(Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)));
        var t = new[] { new TrajectMetGebeurtenissen(c.NieuwTraject("T-1", "C-0001", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 1, 5)), new Uren("U", D(2026, 1, 6), 1.5m) }) };
        var f = Facturatie.Run(c, t, new List<Factuur>(), D(2026, 1, 31), new Factuurinstellingen(Btw.Tarief(21m), Factuurinstellingen.Reeks("V-")));
        // 1.5 × 86 = 129.00; VAT 21 % = 27.09; incl. 156.09.
        Assert.Equal(Bedrag.Van(129m), f.TotaalExclusiefBtw);
        Assert.Equal(Bedrag.Van(27.09m), f.TotaalBtw);
        Assert.Equal(Bedrag.Van(156.09m), f.TotaalInclusiefBtw);
        Assert.Equal("21 %", f.Btw.Omschrijving);
    }

    [Fact]
    public void Inconsistent_history_is_a_typed_error()
    {
        var c = Contract();
        var t = new[] { new TrajectMetGebeurtenissen(c.NieuwTraject("T-1", "C-0001", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 3, 2)) }) };
        var f = Facturatie.Run(c, t, new List<Factuur>(), D(2026, 3, 31), Instellingen);
        Assert.Equal(FoutCode.OngeldigeFactuurhistorie, Assert.Throws<BekostigingException>(() => Facturatie.Run(c, t, new[] { f, f }, D(2026, 4, 30), Instellingen)).Code);
        Assert.Equal(FoutCode.OngeldigeFactuurhistorie, Assert.Throws<BekostigingException>(() => Facturatie.Run(c, t, new[] { f }, D(2026, 3, 1), Instellingen)).Code);
        var preview = Facturatie.Preview(c, t, new List<Factuur>(), D(2026, 3, 31), Instellingen);
        Assert.Equal(FoutCode.OngeldigeFactuurhistorie, Assert.Throws<BekostigingException>(() => Facturatie.Run(c, t, new[] { preview }, D(2026, 4, 30), Instellingen)).Code);
    }

    [Fact]
    public void Quarterly_statement_per_client_sums_the_runs_dated_in_the_quarter()
    {
        var c = Contract(Bekostigingsmodellen.Uurtarief(Bedrag.Van(80m)));
        var t1 = c.NieuwTraject("T-1", "C-0001", 1, "re-integratie").MetContactpersoon("klantmanager-3");
        var t2 = c.NieuwTraject("T-2", "C-0002", 2, "re-integratie");
        var trajecten = new[]
        {
            new TrajectMetGebeurtenissen(t1, new Gebeurtenis[] { new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 2, 1), 2m), new Uren("U2", D(2026, 4, 1), 1m), new Intrekking("I", D(2026, 4, 15), "U1") }),
            new TrajectMetGebeurtenissen(t2, new Gebeurtenis[] { new Start("S", D(2026, 3, 1)), new Uren("U1", D(2026, 3, 3), 3m) }),
        };
        var facturen = MonthlyRuns(c, trajecten, D(2026, 1, 31), D(2026, 6, 30));
        var q1 = Kwartaaloverzicht.Maak("C-13", 2026, 1, facturen);
        // Q1: T-1 2 h × 80 = 160; T-2 3 h × 80 = 240.
        Assert.Equal(new[] { ("C-0001", 160m), ("C-0002", 240m) }, q1.Clienten.Select(x => (x.ClientId, x.Totaal.Euros)));
        Assert.Equal("klantmanager-3", q1.Clienten[0].ContactpersoonGemeente);
        Assert.Equal(Bedrag.Van(400m), q1.Totaal);
        // Q2: T-1 +80 (U2) and −160 (U1 withdrawn) = −80.
        var q2 = Kwartaaloverzicht.Maak("C-13", 2026, 2, facturen);
        var k = Assert.Single(Assert.Single(q2.Clienten).Trajecten);
        Assert.Equal((80m, -160m, -80m), (k.Gefactureerd.Euros, k.Gecrediteerd.Euros, k.Netto.Euros));
        Assert.Equal(facturen.Aggregate(Bedrag.Nul, (s, f) => s + f.TotaalExclusiefBtw), q1.Totaal + q2.Totaal);

        var summary = Contractoverzicht.Maak(Kalender.KwartaalPeriode(2026, 2), facturen, c.Settle(trajecten, D(2026, 6, 30)));
        Assert.Equal((80m, -160m), (summary.Gefactureerd.Euros, summary.Gecrediteerd.Euros));
    }
}
