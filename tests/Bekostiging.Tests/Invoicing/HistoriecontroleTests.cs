using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Invoicing;

/// <summary>Issue 13: histories no invoice run can have made are refused with the invoice and line named.</summary>
public class HistoriecontroleTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static readonly Factuurinstellingen Btw21 = new(Btw.Tarief(21m), Factuurinstellingen.Reeks("F-"));

    /// <summary>Uurtarief €86.00 per hour.</summary>
    private static readonly Raamovereenkomst Contract =
        new("C-7", ValueList.Of("Gemeente A"), "Aanbieder X", D(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)), Duur.Maanden(12))));

    /// <summary>T-1: 2 h on 2026-01-10, withdrawn on 2026-02-10; T-2: 1 h on 2026-01-12.</summary>
    private static readonly TrajectMetGebeurtenissen[] Trajecten =
    {
        new(Contract.NieuwTraject("T-1", "C-1", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 1, 10), 2m), new Intrekking("I", D(2026, 2, 10), "U1") }),
        new(Contract.NieuwTraject("T-2", "C-2", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 1, 12), 1m) }),
    };

    /// <summary>
    /// January (F-0001): T-1 2 × 86 = 172.00, VAT 21 % 36.12; T-2 1 × 86 = 86.00, VAT 18.06.
    /// February (F-0002): T-1 withdrawn, credit −172.00, VAT −36.12, correcting F-0001 line 1.
    /// </summary>
    private static List<Factuur> History()
    {
        var jan = Facturatie.Run(Contract, Trajecten, Array.Empty<Factuur>(), D(2026, 1, 31), Btw21);
        var feb = Facturatie.Run(Contract, Trajecten, new[] { jan }, D(2026, 2, 28), Btw21);
        return new List<Factuur> { jan, feb };
    }

    [Fact]
    public void The_history_a_run_makes_passes_and_has_the_worked_amounts()
    {
        var h = History();
        Assert.Null(Historiecontrole.Vind("C-7", h));
        Assert.Equal(new[] { (172m, 36.12m), (86m, 18.06m) }, h[0].Regels.Select(r => (r.Bedrag.Euros, r.Btw.Euros)));
        var credit = Assert.Single(h[1].Regels);
        Assert.Equal((-172m, -36.12m, new Regelverwijzing("F-0001", 1)), (credit.Bedrag.Euros, credit.Btw.Euros, credit.Corrigeert!));
    }

    public static TheoryData<string, int, int?, string> Impossible() => new()
    {
        { "negative debit", 0, 0, "invoice F-0001, line 1 is a debit of € -172,00; a debit line charges a positive amount." },
        { "positive credit", 1, 0, "invoice F-0002, line 1 is a credit of € 172,00; a credit line carries a negative amount." },
        { "repeated line number", 0, 1, "invoice F-0001, line 2 is numbered 1; the lines of an invoice are numbered 1, 2, 3, … in order" },
        { "vat off by a cent", 0, 0, "invoice F-0001, line 1: VAT € 36,13 does not match 21 % of € 172,00 (that is € 36,12)." },
        { "vrijgesteld at 21", 0, null, "invoice F-0001: VAT named \"vrijgesteld\" (exempt) with a percentage of 21." },
        { "corrects a missing invoice", 1, 0, "invoice F-0002, line 1 corrects invoice F-0099, which is not an earlier invoice in the history." },
        { "corrects a line of another traject", 1, 0, "invoice F-0002, line 1 (traject T-1, {key}) corrects line 2 of invoice F-0001, which is not a debit of the same traject and key." },
        { "debit that corrects", 0, 1, "invoice F-0001, line 2 is a debit that says it corrects F-0001 line 1; only a credit corrects a line." },
        { "empty number", 1, null, "invoice 2 of the history (dated 2026-02-28) has an empty invoice number." },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void An_impossible_history_is_refused_with_the_invoice_and_line_named_by_the_check_and_by_a_run(string wat, int factuur, int? regel, string message)
    {
        var h = History();
        var jan = h[0];
        var feb = h[1];
        var l1 = jan.Regels[0];
        var c = feb.Regels[0];
        Factuur With(Factuur f, int i, Factuurregel r) => f with { Regels = f.Regels.Select((x, k) => k == i ? r : x).ToValueList() };
        h = wat switch
        {
            "negative debit" => new() { With(jan, 0, l1 with { Bedrag = Bedrag.Van(-172m), Btw = Bedrag.Van(-36.12m) }), feb },
            "positive credit" => new() { jan, With(feb, 0, c with { Bedrag = Bedrag.Van(172m), Btw = Bedrag.Van(36.12m) }) },
            "repeated line number" => new() { With(jan, 1, jan.Regels[1] with { Regelnummer = 1 }), feb },
            "vat off by a cent" => new() { With(jan, 0, l1 with { Btw = Bedrag.Van(36.13m) }), feb },
            "vrijgesteld at 21" => new() { jan with { Btw = new Btw(21m, "vrijgesteld") }, feb },
            "corrects a missing invoice" => new() { jan, With(feb, 0, c with { Corrigeert = new Regelverwijzing("F-0099", 1) }) },
            "corrects a line of another traject" => new() { jan, With(feb, 0, c with { Corrigeert = new Regelverwijzing("F-0001", 2) }) },
            "debit that corrects" => new() { With(jan, 1, jan.Regels[1] with { Corrigeert = new Regelverwijzing("F-0001", 1) }), feb },
            "empty number" => new() { jan, feb with { Nummer = " " } },
            _ => throw new ArgumentOutOfRangeException(nameof(wat)),
        };

        message = message.Replace("{key}", l1.Sleutel, StringComparison.Ordinal);
        var b = Historiecontrole.Vind("C-7", h);
        Assert.NotNull(b);
        Assert.Equal((factuur, regel), (b!.Factuurindex, b.Regelindex));
        Assert.StartsWith(message, b.Regel, StringComparison.Ordinal);

        var run = Assert.Throws<BekostigingException>(() => Facturatie.Run(Contract, Trajecten, h, D(2026, 3, 31), Btw21));
        Assert.Equal(FoutCode.OngeldigeFactuurhistorie, run.Code);
        Assert.StartsWith("[OngeldigeFactuurhistorie] " + message, run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verloren_names_invoices_the_given_history_lacks_or_holds_differently()
    {
        var h = History();
        Assert.Empty(Historiecontrole.Verloren(h, h));
        Assert.Empty(Historiecontrole.Verloren(h, h.Take(1).ToList()));
        Assert.Equal(new[] { "F-0002" }, Historiecontrole.Verloren(h.Take(1).ToList(), h).Select(f => f.Nummer));
        var changed = new List<Factuur> { h[0], h[1] with { Factuurdatum = D(2026, 2, 27) } };
        Assert.Equal(new[] { "F-0002" }, Historiecontrole.Verloren(changed, h).Select(f => f.Nummer));
    }

    [Fact]
    public void A_run_missing_an_invoiced_traject_stops_unless_crediteren_is_stated()
    {
        var h = History();
        var onlyT1 = Trajecten.Take(1).ToList();

        // T-2 has €86.00 invoiced; T-1 is credited to zero, so leaving T-1 out changes nothing and is not reported.
        Assert.Equal(new[] { "T-2" }, Historiecontrole.Ontbrekend(h, onlyT1.Select(t => t.Traject.Id)));
        Assert.Empty(Historiecontrole.Ontbrekend(h, new[] { "T-2" }));
        var e = Assert.Throws<BekostigingException>(() => Facturatie.Run(Contract, onlyT1, h, D(2026, 3, 31), Btw21));
        Assert.Equal(FoutCode.OntbrekendeTrajecten, e.Code);
        Assert.StartsWith("[OntbrekendeTrajecten] 1 trajecten invoiced before are missing from the input of the run on 2026-03-31: T-2.", e.Message, StringComparison.Ordinal);
        Assert.Throws<BekostigingException>(() => Facturatie.Preview(Contract, Array.Empty<TrajectMetGebeurtenissen>(), h, D(2026, 3, 31), Btw21));

        // Credited explicitly: −86.00 (VAT −18.06) for T-2, referring to its debit, F-0001 line 2.
        var f = Facturatie.Run(Contract, onlyT1, h, D(2026, 3, 31), Btw21 with { OntbrekendeTrajecten = OntbrekendeTrajecten.Crediteren });
        var line = Assert.Single(f.Regels);
        Assert.Equal(("T-2", -86m, -18.06m, new Regelverwijzing("F-0001", 2)), (line.TrajectId!, line.Bedrag.Euros, line.Btw.Euros, line.Corrigeert!));
    }

    [Fact]
    public void An_invoice_line_beyond_the_readable_range_is_refused_naming_contract_traject_and_line()
    {
        // €10^12 per hour; 2 hours in January 2026: 2 × 10^12 on the line uren/2026-01, twice what the format reads back.
        var c = Contract with { Producten = ValueList.Of(new Productafspraak("re-integratie", null, Bekostigingsmodellen.Uurtarief(Bedrag.Van(1_000_000_000_000m)), Duur.Maanden(12))) };
        var t = new[] { new TrajectMetGebeurtenissen(c.NieuwTraject("T-1", "C-1", 1, "re-integratie"), new Gebeurtenis[] { new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 1, 10), 2m) }) };
        var e = Assert.Throws<BekostigingException>(() => Facturatie.Run(c, t, Array.Empty<Factuur>(), D(2026, 1, 31), Btw21));
        Assert.Equal(FoutCode.BedragBuitenBereik, e.Code);
        // The amount (2 × 10^12) cannot even be made: Bedrag refuses it where the rule multiplies, and the contract
        // settlement names the contract and the traject.
        Assert.StartsWith("[BedragBuitenBereik] traject T-1: contract C-7: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("T-1", e.TrajectId);
    }

    [Fact]
    public void An_instroomgarantie_product_beyond_the_range_is_a_typed_error_of_the_settlement()
    {
        var c = Contract with { Instroomgarantie = new Instroomgarantie(int.MaxValue, Bedrag.Van(1_000_000_000_000m)) };
        var e = Assert.Throws<BekostigingException>(() => c.Settle(Array.Empty<TrajectMetGebeurtenissen>(), D(2027, 1, 1)));
        Assert.Equal(FoutCode.BedragBuitenBereik, e.Code);
        Assert.Contains("instroomgarantie of contract C-7, contract year 1: 2147483647 ontbrekende aanmeldingen", e.Message, StringComparison.Ordinal);

        // At the bound itself it is fine: 1,000 × €1,000,000,000.00 = €10^12.
        var edge = Contract with { Instroomgarantie = new Instroomgarantie(1000, Bedrag.Van(1_000_000_000m)) };
        Assert.Equal(1_000_000_000_000m, edge.Settle(Array.Empty<TrajectMetGebeurtenissen>(), D(2027, 1, 1)).TotaalContractregels.Euros);
    }

    [Fact]
    public void CheckMeldingen_refuses_a_state_by_report_date_that_cannot_be_settled()
    {
        var t = new TrajectMetGebeurtenissen(Contract.NieuwTraject("T-9", "C-9", 1, "re-integratie"), new Gebeurtenis[]
        {
            new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 1, 10), 2m) { Gemeld = D(2026, 3, 1) }, new Intrekking("I", D(2026, 2, 10), "U1"),
        });
        Contract.Settle(t.Traject, t.Gebeurtenissen, D(2026, 12, 31)); // complete: valid
        var e = Assert.Throws<BekostigingException>(() => Historiecontrole.CheckMeldingen(Contract, t));
        Assert.Equal((FoutCode.OnbekendDoelVanIntrekking, "T-9", "I"), (e.Code, e.TrajectId, e.GebeurtenisId));
        Assert.EndsWith("(with the events reported by 2026-02-10, as an invoice run on that date sees them)", e.Regel, StringComparison.Ordinal);
        Assert.Equal(FoutCode.OnbekendDoelVanIntrekking, Assert.Throws<BekostigingException>(() => Facturatie.Run(Contract, new[] { t }, Array.Empty<Factuur>(), D(2026, 2, 28), Btw21)).Code);
    }
}
