using System;
using System.Collections.Generic;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Invoicing;

/// <summary>
/// Issue 13 point 15 for library callers: trajecten handed to the settlement or an invoice run directly (not through the
/// JSON reader) whose ids differ only in case are one traject given twice, and are refused naming both ids.
/// </summary>
public class TrajectIdCaseTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Raamovereenkomst Contract() =>
        new("C-13", ValueList.Of("Gemeente A"), "Aanbieder X", D(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null,
                Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, Bekostigingsmodellen.UwvPlaatsing),
                Duur.Maanden(12))));

    private static List<TrajectMetGebeurtenissen> Tweemaal(Raamovereenkomst c, string eerste, string tweede)
    {
        IReadOnlyList<Gebeurtenis> events = new Gebeurtenis[] { new Aanmelding("A", D(2026, 2, 20)), new Start("S", D(2026, 3, 2)) };
        return new List<TrajectMetGebeurtenissen>
        {
            new(c.NieuwTraject(eerste, "C-0001", 2, "re-integratie"), events),
            new(c.NieuwTraject(tweede, "C-0002", 2, "re-integratie"), events),
        };
    }

    [Fact]
    public void The_settlement_refuses_ids_that_differ_only_in_case_naming_both()
    {
        var c = Contract();
        var ex = Assert.Throws<BekostigingException>(() => c.Settle(Tweemaal(c, "T-00005", "t-00005"), D(2026, 12, 31)));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Equal("t-00005", ex.TrajectId);
        Assert.Contains("traject ids T-00005 and t-00005 differ only in case", ex.Message, StringComparison.Ordinal);
        Assert.Contains("C-13", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_run_and_a_preview_refuse_ids_that_differ_only_in_case_naming_both()
    {
        var c = Contract();
        var instellingen = new Factuurinstellingen(Btw.Vrijgesteld, Factuurinstellingen.Reeks("F-"));
        var run = Assert.Throws<BekostigingException>(() => Facturatie.Run(c, Tweemaal(c, "t-00005", "T-00005"), Array.Empty<Factuur>(), D(2026, 3, 31), instellingen));
        Assert.Contains("traject ids t-00005 and T-00005 differ only in case", run.Message, StringComparison.Ordinal);
        var preview = Assert.Throws<BekostigingException>(() => Facturatie.Preview(c, Tweemaal(c, "T-0000a", "T-0000A"), Array.Empty<Factuur>(), D(2026, 3, 31), instellingen));
        Assert.Contains("traject ids T-0000a and T-0000A differ only in case", preview.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_twice_is_still_refused_and_distinct_ids_are_settled()
    {
        var c = Contract();
        var ex = Assert.Throws<BekostigingException>(() => c.Settle(Tweemaal(c, "T-1", "T-1"), D(2026, 12, 31)));
        Assert.Contains("traject T-1 is given twice in contract C-13", ex.Message, StringComparison.Ordinal);

        // T-1 and T-2 are two trajecten: each has its start part, 50 % of €4,000 = €2,000, so €4,000 in all.
        var a = c.Settle(Tweemaal(c, "T-1", "T-2"), D(2026, 12, 31));
        Assert.Equal(2, a.Trajecten.Count);
        Assert.Equal(Bedrag.Van(4000m), a.TotaalVerschuldigd);
    }

    [Fact]
    public void A_client_quarter_without_a_trajecten_list_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new ClientKwartaal("C-0001", null, null!));
        Assert.Equal("Trajecten", ex.ParamName);
        var ok = new ClientKwartaal("C-0001", null, ValueList.Of(new TrajectKosten("T-1", Bedrag.Van(100m), Bedrag.Van(-30m))));
        Assert.Throws<ArgumentNullException>(() => ok with { Trajecten = null! });
        Assert.Throws<ArgumentNullException>(() => new ClientKwartaal("C-0001", null, ValueList.Of<TrajectKosten>(null!)));

        // €100 invoiced − €30 credited = €70 net.
        Assert.Equal(Bedrag.Van(70m), ok.Totaal);
    }
}
