using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bekostiging.Json;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// <see cref="JsonSchemaUitleg"/>: what the shipped schemas say about the place of an error. The expected descriptions
/// are copied from the schema files by hand.
/// </summary>
public class JsonSchemaUitlegTests
{
    private const string Datumpatroon = "pattern ^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

    [Fact]
    public void A_reference_to_another_schema_file_is_followed_and_named()
    {
        // The contract's looptijd is a duration, defined once in common.schema.json: the answer is found there and
        // the place names that file. A scenario's contract is the contract schema itself, and its rules are found there.
        var eenheid = JsonSchemaUitleg.Zoek("contract", "$.looptijd.eenheid")!;
        Assert.Contains("one of dagen, weken, maanden, jaren", eenheid.Verwacht);
        Assert.EndsWith("\n  (common.schema.json#/$defs/duur/properties/eenheid)", eenheid.ToString(), StringComparison.Ordinal);

        var ingang = JsonSchemaUitleg.Zoek("scenario", "$.contract.ingangsdatum")!;
        Assert.Equal("contract.schema.json#/properties/ingangsdatum", ingang.Schemapad);
        Assert.Contains(Datumpatroon, ingang.Verwacht);

        var plafon = JsonSchemaUitleg.Zoek("scenario", "$.contract.plafon")!;
        Assert.Equal("plafond", plafon.Suggestie);
        Assert.Equal("Contract (raamovereenkomst)", plafon.Titel);
    }

    [Fact]
    public void A_nested_property_is_explained_by_its_definition()
    {
        var u = JsonSchemaUitleg.Zoek("contract", "$.looptijd.eenheid")!;
        Assert.Equal("common.schema.json#/$defs/duur/properties/eenheid", u.Schemapad);
        Assert.StartsWith("The unit: dagen (calendar days), weken (weeks of 7 days)", u.Omschrijving, StringComparison.Ordinal);
        Assert.Equal(new[] { "one of dagen, weken, maanden, jaren" }, u.Verwacht);
        Assert.Null(u.OnbekendVeld);
        Assert.Empty(u.ToegestaneVelden);
    }

    [Fact]
    public void A_reference_adds_the_description_and_the_form_of_its_definition()
    {
        var u = JsonSchemaUitleg.Zoek("contract", "$.ingangsdatum")!;
        Assert.Equal("The contract's first day. A calendar date written yyyy-MM-dd, e.g. 2026-03-10 (no time, no time zone).", u.Omschrijving);
        Assert.Equal("Datum", u.Titel);
        Assert.Equal(new[] { "string", Datumpatroon }, u.Verwacht);

        var plafond = JsonSchemaUitleg.Zoek("contract", "$.plafond")!;
        Assert.StartsWith("The most that may be invoiced per calendar year", plafond.Omschrijving, StringComparison.Ordinal);
        Assert.Equal(new[] { "number (minimum 0; maximum 1000000000000; a multiple of 0.01) or null" }, plafond.Verwacht);
        Assert.Equal(
            "Schema: The most that may be invoiced per calendar year (not indexed), or null (or left out) for no plafond.\n"
            + "  expected: number (minimum 0; maximum 1000000000000; a multiple of 0.01) or null\n"
            + "  (contract.schema.json#/properties/plafond)",
            plafond.ToString());
    }

    [Fact]
    public void An_array_item_is_explained_by_the_items_schema()
    {
        var gemeente = JsonSchemaUitleg.Zoek("contract", "$.opdrachtgever[2]")!;
        Assert.Equal("#/properties/opdrachtgever/items", gemeente.Schemapad);
        Assert.Equal("The name of one municipality that buys under the contract.", gemeente.Omschrijving);
        Assert.Equal(new[] { "string" }, gemeente.Verwacht);

        var traject = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[7]")!;
        Assert.Equal("Traject", traject.Titel);
        Assert.Contains("required fields: id, client, profiel, product, gebeurtenissen", traject.Verwacht);

        var profiel = JsonSchemaUitleg.Zoek("scenario", "$.aantalPerProfiel[3]")!;
        Assert.Equal(new[] { "integer", "minimum 0" }, profiel.Verwacht);
    }

    [Fact]
    public void The_soort_in_the_document_chooses_the_kind_of_event_or_rule()
    {
        using var doc = JsonDocument.Parse(JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Trajecten())));
        var root = doc.RootElement;
        Assert.Equal("uren", root.GetProperty("trajecten")[0].GetProperty("gebeurtenissen")[3].GetProperty("soort").GetString());

        var aantal = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3].aantal", root)!;
        Assert.Equal("traject.schema.json#/$defs/gebeurtenis/oneOf/4/properties/aantal", aantal.Schemapad);
        Assert.Equal("The hours, more than 0 and at most 24 (and at most 24 per day per traject in total).", aantal.Omschrijving);
        Assert.Equal(new[] { "number", "more than 0", "maximum 24" }, aantal.Verwacht);

        // Without the document the field is still found, and the answer says which kind has it.
        var zonder = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3].aantal")!;
        Assert.Equal(aantal.Omschrijving, zonder.Omschrijving);
        Assert.Contains("a field of soort uren", zonder.Verwacht);

        // The date of a start event is described as the start's date, not as any event's.
        Assert.Equal("The start date. A calendar date written yyyy-MM-dd, e.g. 2026-03-10 (no time, no time zone).", JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[1].datum", root)!.Omschrijving);
        Assert.StartsWith("The event's date; what it means depends on the kind.", JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[1].datum")!.Omschrijving, StringComparison.Ordinal);

        // The event itself: its kind and that kind's required fields.
        var uren = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3]", root)!;
        Assert.Equal(new[] { "object", "soort uren (Uren)", "required fields: soort, id, datum, aantal" }, uren.Verwacht);

        // A kind the schema does not know: the kinds it does know.
        var onbekend = JsonSchemaUitleg.Zoek("traject", "$.gebeurtenissen[0]", JsonDocument.Parse("""{ "gebeurtenissen": [ { "soort": "begin" } ] }""").RootElement)!;
        Assert.Contains("soort one of aanmelding, reclame, start, mijlpaal, uren, module, trede, plaatsing, plaatsingEinde, verlenging, uitval, afronding, intrekking", onbekend.Verwacht);

        // The same for payment rules: the second rule of the first product is a bijResultaat.
        using var contract = JsonDocument.Parse(BadInputTests.Contract());
        var regel = JsonSchemaUitleg.Zoek("contract", "$.producten[0].model.regels[1]", contract.RootElement)!;
        Assert.Contains("soort bijResultaat (Bij resultaat (resultaatbonus))", regel.Verwacht);
        Assert.Contains("required fields: soort, code, definitie, klassen", regel.Verwacht);
    }

    [Fact]
    public void An_unknown_property_lists_the_allowed_ones_and_the_closest()
    {
        var u = JsonSchemaUitleg.Zoek("contract", "$.plafon")!;
        Assert.Equal("plafon", u.OnbekendVeld);
        Assert.Equal("plafond", u.Suggestie);
        Assert.Equal("Contract (raamovereenkomst)", u.Titel);
        Assert.Equal(new[] { "id", "opdrachtgever", "opdrachtnemer", "ingangsdatum", "looptijd", "producten", "verlengingsopties", "uitgeoefendeOpties", "indexatie", "plafond", "instroomgarantie", "begrippen" }, u.ToegestaneVelden);
        Assert.StartsWith("Schema: 'plafon' is not a field of Contract (raamovereenkomst); did you mean 'plafond'?\n  allowed fields: id, opdrachtgever,", u.ToString(), StringComparison.Ordinal);

        // In an event of a known kind: the fields of that kind.
        using var doc = JsonDocument.Parse(JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Trajecten())));
        var bedrag = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3].bedrag", doc.RootElement)!;
        Assert.Equal("Uren", bedrag.Titel);
        Assert.Equal("traject.schema.json#/$defs/gebeurtenis/oneOf/4", bedrag.Schemapad);
        Assert.Equal(new[] { "soort", "id", "datum", "aantal", "volgnummer", "gemeld" }, bedrag.ToegestaneVelden);
        Assert.Null(bedrag.Suggestie);

        // Kind unknown: the fields of any kind.
        var zonder = JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3].bedrag")!;
        Assert.Contains("urenPerWeek", zonder.ToegestaneVelden);
        Assert.Contains("mijlpaalSoort", zonder.ToegestaneVelden);

        Assert.Equal("gebeurtenissen", JsonSchemaUitleg.Zoek("traject", "$.Gebeurtenissen")!.Suggestie);
        Assert.Equal("naam", JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].naam")!.OnbekendVeld);
    }

    [Theory]
    [InlineData("contract", "$.plafond.x")]
    [InlineData("contract", "$.opdrachtgever[0].naam")]
    [InlineData("contract", "$.id[0]")]
    [InlineData("contract", "$[0]")]
    [InlineData("contract", "")]
    [InlineData("contract", "plafond")]
    [InlineData("contract", "$..plafond")]
    [InlineData("contract", "$.producten[x]")]
    [InlineData("contract", "$.producten[99999999999]")]
    [InlineData("contract", "$.producten[")]
    [InlineData("contract", "$['plafond")]
    [InlineData("facturen", "$.facturen[0].regels[0].bedrag.waarde")]
    public void A_path_the_schema_does_not_describe_gives_nothing(string schema, string pad)
        => Assert.Null(JsonSchemaUitleg.Zoek(schema, pad));

    [Fact]
    public void Bracketed_names_and_odd_documents_are_handled()
    {
        Assert.Equal("#/properties/plafond", JsonSchemaUitleg.Zoek("contract", "$['plafond']")!.Schemapad);
        Assert.Equal("common.schema.json#/$defs/duur/properties/aantal", JsonSchemaUitleg.Zoek("contract", "$[\"looptijd\"].aantal")!.Schemapad);

        // A document of another shape than the schema's: the answer falls back to what the schema alone says.
        using var odd = JsonDocument.Parse("""{ "trajecten": { "a": 1 }, "x": [ null ] }""");
        Assert.NotNull(JsonSchemaUitleg.Zoek("trajecten", "$.trajecten[0].gebeurtenissen[3].aantal", odd.RootElement));
        Assert.Throws<ArgumentException>(() => JsonSchemaUitleg.Zoek("contrakt", "$"));
    }

    [Fact]
    public void A_reader_error_names_its_schema_and_is_explained_from_it()
    {
        var json = BadInputTests.Mutate(BadInputTests.Contract(), n => n["plafond"] = "veel");
        var e = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(json, "abg.json"));
        Assert.Equal("contract", e.Schema);
        Assert.Equal("$.plafond", e.Pad);
        Assert.StartsWith("The most that may be invoiced per calendar year", JsonSchemaUitleg.Voor(e, json)!.Omschrijving, StringComparison.Ordinal);
        Assert.StartsWith("The most that may be invoiced per calendar year", JsonSchemaUitleg.Voor(e)!.Omschrijving, StringComparison.Ordinal);
        Assert.StartsWith("The most that may be invoiced per calendar year", JsonSchemaUitleg.Voor(e, "{ not json")!.Omschrijving, StringComparison.Ordinal);

        // JSON Lines: the line of the error gives the kind of the event.
        var lines = JsonVoorbeelden.JsonLines();
        var kapot = lines.Replace("\"aantal\":2.5", "\"aantal\":\"twee\"", StringComparison.Ordinal);
        Assert.NotEqual(lines, kapot);
        var regel = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(kapot), "t.jsonl").ToList());
        Assert.Equal(("traject", "$.gebeurtenissen[3].aantal", 1L), (regel.Schema, regel.Pad, regel.Regelnummer!.Value));
        var uitleg = JsonSchemaUitleg.Voor(regel, kapot)!;
        Assert.Equal("#/$defs/gebeurtenis/oneOf/4/properties/aantal", uitleg.Schemapad);
        Assert.DoesNotContain("a field of soort uren", uitleg.Verwacht);
        Assert.Equal(uitleg, JsonSchemaUitleg.Voor(regel, kapot.Split('\n')[0]));

        // Every reader labels its errors.
        Assert.Equal("trajecten", Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("""{ "contract": "C", "trajecten": [ { "id": 1 } ] }""")).Schema);
        Assert.Equal("facturen", Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen("""{ "facturen": 1 }""")).Schema);
        Assert.Equal("scenario", Assert.Throws<JsonInvoerException>(() => JsonLezer.Scenario("""{ "naam": 1 }""")).Schema);
        Assert.Equal("traject", Assert.Throws<JsonInvoerException>(() => JsonLezer.Document<TrajectInvoer>("""{ "id": 1 }""", "t.json")).Schema);
        Assert.Null(Assert.Throws<JsonInvoerException>(() => JsonLezer.Document<Bekostiging.Events.Gebeurtenis>("""{ "soort": 1 }""", "e.json")).Schema);
        Assert.Null(JsonSchemaUitleg.Voor(new JsonInvoerException("x.json", "$.id", null, "rule")));
    }

    /// <summary>Every value in the sample documents, looked up by its path with the document: a description, never "unknown".</summary>
    [Fact]
    public void Every_place_in_the_sample_documents_has_a_description()
    {
        var documents = new (string Schema, string Json)[]
        {
            ("contract", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Contract()))),
            ("trajecten", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Trajecten()))),
            ("traject", JsonVoorbeelden.JsonLines().Split('\n')[0]),
            ("facturen", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Facturen()))),
            ("scenario", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Scenario()))),
        };
        var missing = new List<string>();
        var count = 0;
        foreach (var (schema, json) in documents)
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var pad in Paden(JsonNode.Parse(json), "$"))
            {
                count++;
                var u = JsonSchemaUitleg.Zoek(schema, pad, doc.RootElement);
                if (u is null || u.OnbekendVeld is not null || string.IsNullOrWhiteSpace(u.Omschrijving))
                {
                    missing.Add($"{schema} {pad}: {u?.ToString() ?? "nothing"}");
                }
            }
        }

        Assert.True(count > 500, $"only {count} places");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static IEnumerable<string> Paden(JsonNode? node, string pad)
    {
        yield return pad;
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o)
                {
                    foreach (var p in Paden(kv.Value, pad + "." + kv.Key))
                    {
                        yield return p;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var p in Paden(a[i], $"{pad}[{i}]"))
                    {
                        yield return p;
                    }
                }

                break;
        }
    }
}
