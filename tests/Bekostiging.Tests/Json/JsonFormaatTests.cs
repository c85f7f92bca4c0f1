using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Json;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

public class JsonFormaatTests
{
    internal static Raamovereenkomst Abg()
    {
        var model = Bekostigingsmodellen.StarttariefPlusBonus(
            Bedrag.Van(750m), Resultaatdefinitie.Standaard.MetMinimumUren(12m).MetMaximaleOnderbreking(14),
            new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)),
            new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)),
            new Bonusklasse(Uitstroomtype.GesubsidieerdWerk, 12m, null, Bedrag.Van(750m)));
        return new Raamovereenkomst("ABG-2026", ValueList.Of("Gemeente A", "Gemeente B", "Gemeente G"), "Aanbieder X", new LocalDate(2026, 1, 1), Duur.Jaren(2),
                ValueList.Of(
                    new Productafspraak("re-integratie", null, model, Duur.Maanden(12)),
                    new Productafspraak("re-integratie", 4, Bekostigingsmodellen.Arrangement(Bedrag.Van(425m)).Plus(new Verlengingstarief("verlenging", Bedrag.Van(100m))), Duur.Maanden(24))))
            .MetOpties(Duur.Jaren(1), Duur.Jaren(1))
            with
            {
                Indexatie = Indexatie.PerContractjaar((2, 4.96m), (3, 3.10m)),
                Plafond = Bedrag.Van(200000m),
                Instroomgarantie = new Instroomgarantie(40, Bedrag.Van(250m)),
                Begrippen = Begrippen.Standaard with { Reclametermijn = Duur.Weken(8) },
            };
    }

    [Fact]
    public void A_contract_round_trips_through_the_input_format()
    {
        var c = Abg();
        var json = JsonSchrijver.Naar(c);
        Assert.Contains("\"soort\": \"eenmalig\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"ingangsdatum\": \"2026-01-01\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"bedrag\": 750.00", json, System.StringComparison.Ordinal);
        // Reading back with the strict input options: computed properties (einddatum, …) are not input; strip them by re-serialising as input.
        var back = JsonSchrijver.Van<Raamovereenkomst>(json);
        Assert.Equal(c, back);
    }

    [Fact]
    public void Amounts_with_more_than_two_decimals_are_rejected_with_path()
    {
        var json = JsonSchrijver.Naar(Abg()).Replace("\"bedrag\": 750.00", "\"bedrag\": 750.005", System.StringComparison.Ordinal);
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(StripComputed(json), "abg.json"));
        Assert.Equal("abg.json", ex.Bestand);
        Assert.Contains("$.producten[0].model.regels[0].bedrag", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("more than two decimals", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Trajecten_document_errors_name_the_traject_event_and_path()
    {
        const string doc = """
            { "contract": "ABG-2026", "trajecten": [
              { "id": "T-1", "client": "C-0001", "profiel": 2, "product": "re-integratie", "gebeurtenissen": [
                { "soort": "start", "id": "S", "datum": "2026-02-02" },
                { "soort": "uren", "id": "U1", "datum": "2026-02-03", "aantal": "twee" } ] } ] }
            """;
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        System.Console.WriteLine("DBG1 " + ex.Message);
        Assert.Equal("$.trajecten[0].gebeurtenissen[1].aantal", ex.Pad);
        Assert.Equal("T-1", ex.TrajectId);
        Assert.Equal("U1", ex.GebeurtenisId);
    }

    [Fact]
    public void Unknown_fields_and_unknown_kinds_are_rejected()
    {
        const string unknownField = """{ "contract": "C", "trajecten": [ { "id": "T-1", "client": "C-1", "profiel": 1, "product": "p", "naam": "Jan", "gebeurtenissen": [] } ] }""";
        Assert.Contains("naam", Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(unknownField)).Message, System.StringComparison.Ordinal);
        const string unknownKind = """{ "contract": "C", "trajecten": [ { "id": "T-1", "client": "C-1", "profiel": 1, "product": "p", "gebeurtenissen": [ { "soort": "System.IO.File", "id": "X", "datum": "2026-01-01" } ] } ] }""";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(unknownKind));
        Assert.Equal("$.trajecten[0].gebeurtenissen[0]", ex.Pad?.Split('.').Length > 0 ? ex.Pad![..ex.Pad.IndexOf(']', ex.Pad.IndexOf("gebeurtenissen", System.StringComparison.Ordinal)) ] + "]" : ex.Pad);
    }

    [Fact]
    public void Json_lines_errors_name_the_line()
    {
        var lines = "{\"id\":\"T-1\",\"client\":\"C-1\",\"profiel\":1,\"product\":\"re-integratie\",\"gebeurtenissen\":[]}\n\n{\"id\":\"T-2\",\"client\":\"C-2\",\"profiel\":9,\"product\":\"re-integratie\",\"gebeurtenissen\":[]}\n";
        var read = JsonLezer.TrajectenJsonLines(new System.IO.StringReader(lines), "t.jsonl").ToList;
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.VoorContract(Abg(), read(), "t.jsonl").ToList());
        System.Console.WriteLine("DBG2 " + ex.Message);
        Assert.Equal("T-2", ex.TrajectId);
        Assert.Contains("profiel", ex.Message, System.StringComparison.OrdinalIgnoreCase);
        var broken = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new System.IO.StringReader("{\"id\":\"T-1\"\n"), "b.jsonl").ToList());
        Assert.Equal(1, broken.Regelnummer);
    }

    [Fact]
    public void A_settlement_round_trips_through_the_output_format()
    {
        var c = Abg();
        var t = c.NieuwTraject("T-1", "C-0001", 2, "re-integratie");
        var a = c.Settle(t, new Gebeurtenis[] { new Aanmelding("A", new LocalDate(2026, 1, 5)), new Start("S", new LocalDate(2026, 1, 12)), new Plaatsing("P", new LocalDate(2026, 4, 1), Uitstroomtype.RegulierWerk, 36m) }, new LocalDate(2026, 9, 30));
        var json = JsonSchrijver.Naar(a);
        Assert.Contains("\"totaalVerschuldigd\": 750.00", json, System.StringComparison.Ordinal);
        Assert.Equal(a, JsonSchrijver.Van<Afrekening>(json));
    }

    [Fact]
    public void Schemas_are_shipped_for_every_input_document()
    {
        foreach (var naam in new[] { "contract", "trajecten", "traject", "facturen", "scenario" })
        {
            using var doc = System.Text.Json.JsonDocument.Parse(JsonSchrijver.Schema(naam));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        }
    }

    /// <summary>The output format writes computed properties (einddatum, omschrijving, …); the strict input format does not accept them.</summary>
    internal static string StripComputed(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var name in new[] { "einddatum", "initieleEinddatum", "optiesOver", "deadlineVolgendeOptie", "context", "opzegtermijn", "omschrijving", "resultaat" })
                {
                    if (o.ContainsKey(name) && !(name == "omschrijving" && o.ContainsKey("percentage")))
                    {
                        o.Remove(name);
                    }
                }

                foreach (var kv in o.ToList())
                {
                    Strip(kv.Value);
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }
}
