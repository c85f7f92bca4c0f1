using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using Xunit;

namespace Bekostiging.Tests.Invoicing;

/// <summary>A lowered amount is credited on a creditnota: its own document and number, naming the invoice it corrects.</summary>
public partial class FacturatieTests
{
    [Fact]
    public void Example_13_with_a_new_traject_in_november_issues_a_factuur_and_a_separate_creditnota_from_one_series()
    {
        var c = Contract();
        var t13 = c.NieuwTraject("T-13", "C-0013", 2, "re-integratie");
        var t14 = c.NieuwTraject("T-14", "C-0014", 2, "re-integratie");
        var trajecten = new[]
        {
            new TrajectMetGebeurtenissen(t13, new List<Gebeurtenis>
            {
                new Aanmelding("A", D(2026, 2, 20)),
                new Start("S", D(2026, 3, 2)),
                new Plaatsing("P", D(2026, 5, 4), Uitstroomtype.RegulierWerk, 32m, 12),
                new PlaatsingEinde("PE", D(2026, 6, 30), "P") { Gemeld = D(2026, 11, 3) },
            }),
            new TrajectMetGebeurtenissen(t14, new List<Gebeurtenis> { new Aanmelding("A", D(2026, 11, 2)), new Start("S", D(2026, 11, 9)) }),
        };

        var documenten = new List<Factuur>();
        for (var t = D(2026, 1, 31); t <= D(2026, 12, 31); t = Kalender.EindeMaand(t.PlusDays(1)))
        {
            documenten.AddRange(Facturatie.Documenten(c, trajecten, documenten, t, Instellingen));
        }

        // March: T-13 start part 50 % × €4,000 = €2,000 (F-0001). July: T-13 result part €2,000, due 2026-07-04 (F-0002).
        // November: T-14's start part €2,000 is charged on factuur F-0003; the late PlaatsingEinde takes away T-13's
        // result (the plaatsing lasted under two months), so creditnota F-0004 credits −€2,000 and names F-0002.
        Assert.Equal(new[] { "F-0001", "F-0002", "F-0003", "F-0004" }, documenten.Select(d => d.Nummer));
        Assert.Equal(new[] { Documentsoort.Factuur, Documentsoort.Factuur, Documentsoort.Factuur, Documentsoort.Creditnota }, documenten.Select(d => d.Soort));
        var factuur = documenten[2];
        var creditnota = documenten[3];
        Assert.Equal(D(2026, 11, 30), factuur.Factuurdatum);
        Assert.Equal(D(2026, 11, 30), creditnota.Factuurdatum);
        var debet = Assert.Single(factuur.Regels);
        Assert.Equal(("T-14", Regelsoort.Debet, Bedrag.Van(2000m), 1), (debet.TrajectId, debet.Soort, debet.Bedrag, debet.Regelnummer));
        Assert.Null(factuur.Corrigeert);

        Assert.Equal("F-0002", creditnota.Corrigeert);
        var credit = Assert.Single(creditnota.Regels);
        Assert.Equal(("T-13", "resultaat", Regelsoort.Credit, Bedrag.Van(-2000m), 1), (credit.TrajectId, credit.Sleutel, credit.Soort, credit.Bedrag, credit.Regelnummer));
        Assert.Equal(new Regelverwijzing("F-0002", 1), credit.Corrigeert);
        Assert.Equal(D(2026, 7, 4), credit.Vervaldatum); // a vanished line keeps the due date of the debit it corrects
        Assert.Equal("credit: resultaat is niet meer verschuldigd", credit.Omschrijving);
        Assert.Equal(Bedrag.Van(-2000m), creditnota.TotaalExclusiefBtw);

        // 2,000 + 2,000 + 2,000 − 2,000 = 4,000: T-14's start part and T-13's start part remain.
        Assert.Equal(Bedrag.Van(4000m), documenten.Aggregate(Bedrag.Nul, (s, d) => s + d.TotaalExclusiefBtw));
    }

    [Fact]
    public void A_dry_run_of_documents_is_numbered_as_concepts_and_does_not_ask_the_numbering()
    {
        var c = Contract();
        var t13 = c.NieuwTraject("T-13", "C-0013", 2, "re-integratie");
        var trajecten = new[] { new TrajectMetGebeurtenissen(t13, new List<Gebeurtenis> { new Aanmelding("A", D(2026, 2, 20)), new Start("S", D(2026, 3, 2)) }) };
        var gevraagd = 0;
        var tellend = new Factuurinstellingen(Btw.Vrijgesteld, n => { gevraagd++; return $"F-{n:0000}"; });
        var concept = Assert.Single(Facturatie.PreviewDocumenten(c, trajecten, new List<Factuur>(), D(2026, 3, 31), tellend));
        Assert.Equal(("CONCEPT", true, 0), (concept.Nummer, concept.IsConcept, gevraagd));
        var echt = Assert.Single(Facturatie.Documenten(c, trajecten, new List<Factuur>(), D(2026, 3, 31), tellend));
        Assert.Equal(("F-0001", false, 1), (echt.Nummer, echt.IsConcept, gevraagd)); // asked once, for the number issued
        Assert.Equal(concept.Regels, echt.Regels);
    }

    [Fact]
    public void Withdrawn_hours_are_credited_on_a_creditnota_naming_the_january_invoice()
    {
        // Uurtarief €86: 2 hours in January (2 × €86 = €172.00, F-0001); withdrawn in February: creditnota F-0002.
        var c = Contract(Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m), 40m));
        var t = c.NieuwTraject("T-1", "C-0001", 2, "re-integratie");
        var uren = new List<Gebeurtenis> { new Start("S", D(2026, 1, 5)), new Uren("U1", D(2026, 1, 10), 2m) };
        var jan = Assert.Single(Facturatie.Documenten(c, new[] { new TrajectMetGebeurtenissen(t, uren) }, new List<Factuur>(), D(2026, 1, 31), Instellingen));
        var intrekking = uren.Append(new Intrekking("I", D(2026, 2, 3), "U1")).ToList();
        var feb = Assert.Single(Facturatie.Documenten(c, new[] { new TrajectMetGebeurtenissen(t, intrekking) }, new[] { jan }, D(2026, 2, 28), Instellingen));
        Assert.Equal((Documentsoort.Creditnota, "F-0002", "F-0001"), (feb.Soort, feb.Nummer, feb.Corrigeert));
        Assert.Equal(Bedrag.Van(-172m), Assert.Single(feb.Regels).Bedrag); // 2 × €86 = €172 credited
    }
}
