using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

public class ZzTmpDump
{
    [Fact]
    public void Dump()
    {
        var def = Resultaatdefinitie.Standaard.MetMinimumContract(6).MetWachttijd(Duur.Maanden(2)).MetDuurzaamheid(Duurzaamheid.Cumulatief(26, 36));
        var model = new Bekostigingsmodel("Alles", ValueList.Of<Betaalregel>(
            new Eenmalig("start", Aanleiding.Start, Bedrag.Van(100m)),
            new Eenmalig("intake", Aanleiding.Mijlpaal, Bedrag.Van(50m), "intake"),
            new PerEenheid("uren", Bedrag.Van(86m), 40m),
            new PerModule("modules", ValueList.Of(new ModulePrijs("M1", Bedrag.Van(10m))), 3),
            new PerPeriode("arr", Bedrag.Van(425m)),
            new Termijnen("tp", Bedrag.Van(2500m), 12, Duur.Maanden(1), true),
            new BijResultaat("bonus", def, ValueList.Of(new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1000m)))),
            new Trap("trap", Resultaatdefinitie.Standaard.MetDuurzaamheid(Duurzaamheid.Geen), ValueList.Of(new Trapstap(Duur.Maanden(3), Bedrag.Van(300m)))),
            new PerTrede("trede", Bedrag.Van(150m)),
            new Verlengingstarief("verl", Bedrag.Van(100m))), Bedrag.Van(9000m), Duur.Jaren(2));
        var c = JsonFormaatTests.Abg() with { Producten = ValueList.Of(new Productafspraak("alles", 2, model, Duur.Maanden(12))) };
        System.IO.File.WriteAllText("/tmp/dump/contract.json", JsonSchrijver.Naar(c));
        System.IO.File.WriteAllText("/tmp/dump/abg.json", JsonSchrijver.Naar(JsonFormaatTests.Abg()));
        var d = new LocalDate(2026, 2, 2);
        var ev = ValueList.Of<Gebeurtenis>(new Aanmelding("A", d), new Reclame("R", d), new Start("S", d) { Volgnummer = 1, Gemeld = d }, new Mijlpaal("M", d, "intake"), new Uren("U", d, 2.5m),
            new Module("Mo", d, "M1"), new Trede("T", d, 3), new Plaatsing("P", d, Uitstroomtype.RegulierWerk, 32m, 12, "P1"), new PlaatsingEinde("PE", d, "P1"),
            new Verlenging("V", d, Duur.Maanden(3)), new Uitval("X", d, "verhuisd"), new Afronding("AF", d), new Intrekking("I", d, "U"));
        var td = new TrajectenDocument("ABG-2026", ValueList.Of(new TrajectInvoer("T-1", "C-1", 2, "alles", ev, "wijkcoach-3", 2)));
        System.IO.File.WriteAllText("/tmp/dump/trajecten.json", JsonSchrijver.Naar(td));
        var f = new Factuur("F-1", "ABG-2026", d, new DateInterval(d, d), Btw.Vrijgesteld,
            ValueList.Of(new Factuurregel(1, "T-1", "C-1", null, "start", Regelsoort.Debet, Bedrag.Van(100m), Bedrag.Nul, d, "start", null),
                         new Factuurregel(2, "T-1", "C-1", "x", "start", Regelsoort.Credit, Bedrag.Van(-100m), Bedrag.Nul, d, "start", new Regelverwijzing("F-0", 1))),
            ValueList.Of(new Ingehouden("T-1", "start", 2026, Bedrag.Van(5m))), false);
        System.IO.File.WriteAllText("/tmp/dump/facturen.json", JsonSchrijver.Naar(new FacturenDocument(ValueList.Of(f))));
        var s = new Scenario("S", JsonFormaatTests.Abg(), ValueList.Of(10, 10, 10, 10),
            ValueList.Of(Enumerable.Range(1, 4).Select(p => new Gedrag(p, 0.1m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 1m)), 0.02m, 0.05m, 4m, 0.1m)).ToArray()),
            ValueList.Of(new TeVergelijkenModel("A", model, Duur.Maanden(12))), 12, 36, Bedrag.Van(100000m), Bedrag.Van(60m), 10, 42UL);
        System.IO.File.WriteAllText("/tmp/dump/scenario.json", JsonSchrijver.Naar(s));
    }
}
