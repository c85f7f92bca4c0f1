using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Tests.Json;

/// <summary>
/// One test per class of bad input, each asserting the message: the file, the JSON path or the line, the traject and
/// event where known, and the rule. Then a bounded, seeded fuzz test over every <see cref="JsonLezer"/> entry point.
/// Bugs found in the reader are reproduced at the end as skipped tests ("Reported_bug_…"); remove the Skip once fixed.
/// </summary>
public class BadInputTests
{
    private const string Traject1 = "{ \"id\": \"T-1\", \"client\": \"C-1\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [] }";

    private readonly ITestOutputHelper _output;

    public BadInputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Malformed_json_names_the_file_and_the_line()
    {
        const string doc = "{ \"contract\": \"ABG-2026\", \"trajecten\": [\n"
            + "  " + Traject1 + ",\n"
            + "  { \"id\": \"T-2\" \"client\": \"C-2\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [] } ] }";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "trajecten.json"));
        Assert.Equal("trajecten.json", ex.Bestand);
        Assert.Equal(3, ex.Regelnummer);
        Assert.Equal("trajecten.json:3: '\"' is invalid after a value. Expected either ',', '}', or ']'.", ex.Message);

        var trailing = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract("{\n  \"id\": \"ABG-2026\",\n}", "abg.json"));
        Assert.Equal(3, trailing.Regelnummer);
        Assert.StartsWith("abg.json:3 $: The JSON object contains a trailing comma", trailing.Message, StringComparison.Ordinal);

        var truncated = Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen("{ \"facturen\": [", "facturen.json"));
        Assert.StartsWith("facturen.json:1", truncated.Message, StringComparison.Ordinal);
        Assert.Null(truncated.TrajectId);
    }

    [Fact]
    public void An_unknown_field_is_an_error_naming_the_field_traject_and_event()
    {
        var doc = Trajecten("""{ "soort": "uren", "id": "U1", "datum": "2026-02-03", "aantal": 2, "bedrag": 172.00 }""");
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        Assert.Equal("$.trajecten[0].gebeurtenissen[1].bedrag", ex.Pad);
        Assert.Equal("T-1", ex.TrajectId);
        Assert.Equal("U1", ex.GebeurtenisId);
        Assert.Equal("t.json:1 $.trajecten[0].gebeurtenissen[1].bedrag (traject T-1, event U1): The JSON property 'bedrag' could not be mapped to any .NET member contained in type 'Bekostiging.Events.Uren'.", ex.Message);

        var contract = Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"]![0]!["btw"] = 21);
        var c = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(contract, "abg.json"));
        Assert.Equal("$.producten[0].model.regels[0].btw", c.Pad);
        Assert.Contains("'btw' could not be mapped to any .NET member contained in type 'Bekostiging.Terms.Eenmalig'", c.Message, StringComparison.Ordinal);

        var document = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("""{ "contract": "ABG-2026", "trajecten": [], "peildatum": "2026-12-31" }""", "t.json"));
        Assert.Equal("t.json $.peildatum: unknown field 'peildatum'; a trajecten document has 'contract' and 'trajecten'.", document.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_path_and_the_expected_type()
    {
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten().Replace("\"profiel\": 1", "\"profiel\": \"1\"", StringComparison.Ordinal), "t.json"));
        Assert.Equal("t.json:1 $.trajecten[0].profiel (traject T-1): The JSON value could not be converted to System.Int32.", ex.Message);

        var date = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["ingangsdatum"] = "01-01-2026"), "abg.json"));
        Assert.Equal("abg.json:1 $.ingangsdatum: The JSON value could not be converted to NodaTime.LocalDate.", date.Message);

        var amount = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["plafond"] = "200000"), "abg.json"));
        Assert.Equal("abg.json:1 $.plafond: an amount is a JSON number of euros with at most two decimals, e.g. 750.00.", amount.Message);

        var enumeration = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["looptijd"]!["eenheid"] = 2), "abg.json"));
        Assert.Equal("abg.json:1 $.looptijd: 'eenheid' of a duration is a string.", enumeration.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var doc = """{ "contract": "ABG-2026", "trajecten": [ { "id": "T-1", "profiel": 1, "product": "re-integratie", "gebeurtenissen": [] } ] }""";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        Assert.Equal("t.json:1 $.trajecten[0] (traject T-1): JSON deserialization for type 'Bekostiging.Json.TrajectInvoer' was missing required properties including: 'client'.", ex.Message);

        var ev = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "soort": "plaatsing", "id": "P", "datum": "2026-04-01", "urenPerWeek": 32 }"""), "t.json"));
        Assert.Equal("$.trajecten[0].gebeurtenissen[1]", ev.Pad);
        Assert.Equal("P", ev.GebeurtenisId);
        Assert.EndsWith("was missing required properties including: 'type'.", ev.Message, StringComparison.Ordinal);

        var noEvents = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("""{ "contract": "C", "trajecten": [ { "id": "T-1", "client": "C-1", "profiel": 1, "product": "p" } ] }""", "t.json"));
        Assert.Equal("t.json $.trajecten[0].gebeurtenissen (traject T-1): a traject has an array 'gebeurtenissen'.", noEvents.Message);

        var discriminator = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "id": "X", "datum": "2026-02-03" }"""), "t.json"));
        Assert.Equal("X", discriminator.GebeurtenisId);
        Assert.Contains("must specify a type discriminator", discriminator.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_where_no_null_is_allowed_is_named()
    {
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "soort": "uitval", "id": "X", "datum": "2026-03-01", "reden": null }"""), "t.json"));
        Assert.Equal("t.json:1 $.trajecten[0].gebeurtenissen[1].reden (traject T-1, event X): The constructor parameter 'Reden' on type 'Bekostiging.Events.Uitval' doesn't allow null values. Consider updating its nullability annotation.", ex.Message);

        var indexatie = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["indexatie"] = null), "abg.json"));
        Assert.Equal("$.indexatie", indexatie.Pad);
        Assert.Contains("doesn't allow setting null values", indexatie.Message, StringComparison.Ordinal);

        var ev = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("null"), "t.json"));
        Assert.Equal("t.json $.trajecten[0].gebeurtenissen[1] (traject T-1): the document is null.", ev.Message);

        Assert.Equal("c.json $: the document is null.", Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract("null", "c.json")).Message);
    }

    [Fact]
    public void Out_of_range_values_are_errors_naming_the_rule()
    {
        // Profiel 9 is read, and refused when the traject is placed under the contract.
        var doc = JsonLezer.Trajecten(Trajecten().Replace("\"profiel\": 1", "\"profiel\": 9", StringComparison.Ordinal), "t.json");
        var profiel = Assert.Throws<JsonInvoerException>(() => JsonLezer.VoorContract(JsonFormaatTests.Abg(), doc.Trajecten, "t.json").ToList());
        Assert.Equal("t.json $.trajecten[0] (traject T-1): [OngeldigeParameter] Profiel = 9: a cliëntprofiel is 1–4.", profiel.Message);
        Assert.Equal(FoutCode.OngeldigeParameter, profiel.Code);

        // 30 hours in one Uren event is read, and refused when the traject is settled.
        var uren = JsonLezer.VoorContract(JsonFormaatTests.Abg(), JsonLezer.Trajecten(Trajecten("""{ "soort": "uren", "id": "U1", "datum": "2026-02-03", "aantal": 30 }""")).Trajecten).Single();
        var hours = Assert.Throws<BekostigingException>(() => JsonFormaatTests.Abg().Settle(uren.Traject, uren.Gebeurtenissen, new LocalDate(2026, 12, 31)));
        Assert.Equal(FoutCode.OngeldigeUren, hours.Code);
        Assert.Equal("T-1", hours.TrajectId);
        Assert.Equal("U1", hours.GebeurtenisId);
        Assert.Equal("[OngeldigeUren] traject T-1, event U1: hours per Uren event lie in (0, 24]; got 30.", hours.Message);

        // An amount with three decimals is refused when read.
        var amount = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Contract().Replace("\"bedrag\":750.00", "\"bedrag\":750.005", StringComparison.Ordinal), "abg.json"));
        Assert.Equal("abg.json:1 $.producten[0].model.regels[0].bedrag: amount 750.005 has more than two decimals; amounts are whole cents.", amount.Message);

        var huge = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Contract().Replace("\"plafond\":200000.00", "\"plafond\":2000000000000000", StringComparison.Ordinal), "abg.json"));
        Assert.Equal("abg.json:1 $.plafond: amount 2000000000000000 is out of range (at most 10^12 euros).", huge.Message);

        // A domain rule broken while reading carries its code.
        var looptijd = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["looptijd"]!["aantal"] = 0), "abg.json"));
        Assert.Equal("abg.json $: [OngeldigeParameter] looptijd = 0 jaar: a contract runs for a positive term.", looptijd.Message);
    }

    [Fact]
    public void An_unknown_soort_is_an_error_and_no_type_name_is_read_from_the_wire()
    {
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "soort": "System.IO.FileInfo", "id": "X", "datum": "2026-02-03" }"""), "t.json"));
        Assert.Equal("t.json:1 $.trajecten[0].gebeurtenissen[1] (traject T-1, event X): Read unrecognized type discriminator id 'System.IO.FileInfo'.", ex.Message);

        var rule = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"]![1]!["soort"] = "bonus"), "abg.json"));
        Assert.StartsWith("abg.json:1 $.producten[0].model.regels[1]", rule.Message, StringComparison.Ordinal);
        Assert.Contains("unrecognized type discriminator id 'bonus'", rule.Message, StringComparison.Ordinal);

        var durability = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"]![1]!["definitie"]!["duurzaamheid"]!["soort"] = "eeuwig"), "abg.json"));
        Assert.Contains("unrecognized type discriminator id 'eeuwig'", durability.Message, StringComparison.Ordinal);

        var typeName = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "$type": "System.IO.FileInfo", "soort": "start", "id": "X", "datum": "2026-02-03" }"""), "t.json"));
        Assert.Equal("X", typeName.GebeurtenisId);
    }

    [Fact]
    public void A_duplicate_traject_id_names_both_places()
    {
        var doc = "{ \"contract\": \"ABG-2026\", \"trajecten\": [ " + Traject1 + ", " + Traject1.Replace("C-1", "C-2", StringComparison.Ordinal) + " ] }";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        Assert.Equal("t.json $.trajecten[1].id (traject T-1): traject id T-1 occurs twice (also at $.trajecten[0]).", ex.Message);

        var lines = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(Traject1 + "\n\n" + Traject1 + "\n"), "t.jsonl").ToList());
        Assert.Equal("t.jsonl:3 $.id (traject T-1): traject id T-1 occurs twice.", lines.Message);
        Assert.Equal(3, lines.Regelnummer);
    }

    [Fact]
    public void An_inconsistent_event_stream_is_read_and_refused_when_settled_naming_traject_and_event()
    {
        var doc = JsonLezer.Trajecten(Trajecten(
            """{ "soort": "plaatsing", "id": "P", "datum": "2026-04-01", "type": "regulierWerk", "urenPerWeek": 32 }""",
            """{ "soort": "plaatsingEinde", "id": "PE", "datum": "2026-05-31", "plaatsingId": "P-404" }"""));
        var c = JsonFormaatTests.Abg();
        var trajecten = JsonLezer.VoorContract(c, doc.Trajecten).ToList();
        var ex = Assert.Throws<BekostigingException>(() => c.Settle(trajecten, new LocalDate(2026, 12, 31)));
        Assert.Equal(FoutCode.OnbekendePlaatsing, ex.Code);
        Assert.Equal("T-1", ex.TrajectId);
        Assert.Equal("PE", ex.GebeurtenisId);
        Assert.Equal("[OnbekendePlaatsing] traject T-1, event PE: plaatsingEinde refers to plaatsing P-404, which the traject does not have.", ex.Message);

        // The same surfaces in an invoice run.
        var run = Assert.Throws<BekostigingException>(() => Facturatie.Run(c, trajecten, Array.Empty<Factuur>(), new LocalDate(2026, 12, 31), new Factuurinstellingen(Btw.Vrijgesteld, Factuurinstellingen.Reeks("F-"))));
        Assert.Equal(("T-1", "PE"), (run.TrajectId, run.GebeurtenisId));
    }

    [Fact]
    public void Nesting_deeper_than_32_is_refused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("{ \"contract\": \"C\", \"trajecten\": " + deep + " }", "t.json"));
        Assert.Equal("t.json:1: The maximum configured depth of 32 has been exceeded. Cannot read next JSON array.", ex.Message);

        var facturen = Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen("{ \"facturen\": " + deep + " }", "f.json"));
        Assert.Equal("f.json:1 $.facturen[0]: The maximum configured depth of 32 has been exceeded. Cannot read next JSON array.", facturen.Message);

        var line = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(Traject1 + "\n" + deep + "\n"), "t.jsonl").ToList());
        Assert.Equal(2, line.Regelnummer);
        Assert.Contains("maximum configured depth of 32", line.Message, StringComparison.Ordinal);

        // 32 levels are fine: the depth is not what fails here.
        var ok = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("{ \"contract\": \"C\", \"trajecten\": " + new string('[', 30) + new string(']', 30) + " }", "t.json"));
        Assert.DoesNotContain("depth", ok.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_input_is_refused_before_it_is_parsed()
    {
        var doc = "{ \"contract\": \"ABG-2026\", \"trajecten\": [ " + Traject1 + ", " + Traject1.Replace("T-1", "T-2", StringComparison.Ordinal) + ", " + Traject1.Replace("T-1", "T-3", StringComparison.Ordinal) + " ] }";
        Assert.Equal("t.json: the file is larger than the limit of 100 bytes.", Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json", new Invoerlimieten(MaximaleBestandsgrootte: 100))).Message);
        Assert.Equal("t.json $.trajecten: 3 trajecten exceed the limit of 2.", Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json", new Invoerlimieten(MaximaalAantalTrajecten: 2))).Message);
        var events = Trajecten("""{ "soort": "uren", "id": "U1", "datum": "2026-02-03", "aantal": 2 }""");
        Assert.Equal("t.json $.trajecten[0].gebeurtenissen (traject T-1): 2 events exceed the limit of 1 per traject.", Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(events, "t.json", new Invoerlimieten(MaximaalAantalGebeurtenissen: 1))).Message);

        var lines = string.Join("\n", Enumerable.Range(1, 3).Select(i => Traject1.Replace("T-1", "T-" + i, StringComparison.Ordinal)));
        var size = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(lines), "t.jsonl", new Invoerlimieten(MaximaleBestandsgrootte: Traject1.Length + 10)).ToList());
        Assert.Equal($"t.jsonl:2: the stream exceeds the limit of {Traject1.Length + 10} bytes.", size.Message);
        var count = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(lines), "t.jsonl", new Invoerlimieten(MaximaalAantalTrajecten: 2)).ToList());
        Assert.Equal("t.jsonl:3: more than 2 trajecten.", count.Message);

        Assert.Equal(512L * 1024 * 1024, Invoerlimieten.Standaard.MaximaleBestandsgrootte);
        Assert.Equal(2_000_000, Invoerlimieten.Standaard.MaximaalAantalTrajecten);
        Assert.Equal(100_000, Invoerlimieten.Standaard.MaximaalAantalGebeurtenissen);
    }

    [Fact]
    public void Json_lines_errors_carry_the_line_number_counting_blank_lines()
    {
        var text = Traject1 + "\n\n   \n{ \"id\": \"T-4\", \"client\": \"C-4\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [ { \"soort\": \"start\", \"id\": \"S\", \"datum\": \"2026-02-30\" } ] }\n";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(text), "t.jsonl").ToList());
        Assert.Equal(4, ex.Regelnummer);
        Assert.Equal("t.jsonl:4 $.gebeurtenissen[0].datum (traject T-4, event S): The JSON value could not be converted to NodaTime.LocalDate.", ex.Message);

        var malformed = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader(Traject1 + "\n" + Traject1.Replace("T-1", "T-2", StringComparison.Ordinal) + "\n{ \"id\": \"T-3\", \n"), "t.jsonl").ToList());
        Assert.Equal(3, malformed.Regelnummer);
        Assert.StartsWith("t.jsonl:3", malformed.Message, StringComparison.Ordinal);

        // Lines before the bad one have been yielded: a stream is read lazily.
        var read = new List<TrajectInvoer>();
        Assert.Throws<JsonInvoerException>(() => read.AddRange(JsonLezer.TrajectenJsonLines(new StringReader(Traject1 + "\n{\n"), "t.jsonl")));
        Assert.Equal("T-1", Assert.Single(read).Id);
    }

    /// <summary>
    /// Random garbage and random mutations of valid documents, fed to every entry point. Every failure must be a
    /// <see cref="JsonInvoerException"/> (never another exception, never a hang) and every success a valid object
    /// (it is written out and read back equal). Seeded, so a failing case is reproduced by its number.
    /// </summary>
    [Fact]
    public async Task Fuzz_every_entry_point_fails_only_with_JsonInvoerException()
    {
        var stopwatch = Stopwatch.StartNew();
        var fuzzer = new Fuzzer(seed: 20260101);
        var task = Task.Run(fuzzer.Run);
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(90))) != task)
        {
            Assert.Fail($"HANG: the reader did not return within 90 s; last case {fuzzer.Current}.");
        }

        await task;

        _output.WriteLine($"{fuzzer.Cases} cases in {stopwatch.Elapsed.TotalSeconds:0.0} s: {fuzzer.Accepted} accepted, {fuzzer.Rejected} rejected with JsonInvoerException.");
        _output.WriteLine("elapsed after each phase: " + string.Join("; ", fuzzer.Timings));
        foreach (var (bug, count) in fuzzer.KnownBugHits.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"known, reported reader bug hit {count} times: {bug}");
        }

        Assert.True(fuzzer.Failures.Count == 0, "BUG in src/Bekostiging.Json (report it, do not weaken this test):" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, fuzzer.Failures.Take(5)));
        Assert.Equal(7 + (7 * Fuzzer.GarbageCases) + (7 * Fuzzer.MutationCases), fuzzer.Cases);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reported reader bugs (src/Bekostiging.Json). Each is a minimal reproduction, skipped so the suite stays green;
    // remove the Skip when the bug is fixed. The fuzz test recognises exactly these and lists their hits.
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Reported_bug_B1_a_null_element_in_a_list_of_objects_is_a_JsonInvoerException()
    {
        var rules = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"] = new JsonArray((JsonNode?)null)), "abg.json"));
        Assert.Equal("$.producten[0].model.regels[0]", rules.Pad);
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Scenario(Mutate(JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Scenario())), n => n["gedragingen"] = new JsonArray((JsonNode?)null))));
    }

    [Fact]
    public void Reported_bug_B2_a_null_element_in_a_list_is_refused_when_read()
    {
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen("""{ "facturen": [ null ] }""", "f.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"] = new JsonArray((JsonNode?)null)), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["opdrachtgever"] = new JsonArray((JsonNode?)null)), "abg.json"));
    }

    [Fact]
    public void Reported_bug_B3_computed_properties_are_not_input()
    {
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["einddatum"] = new JsonArray(1, 2)), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"]![0]!["omschrijving"] = "x"), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten("""{ "soort": "uren", "id": "U1", "datum": "2026-02-03", "aantal": 2, "gemeldOp": "1999-01-01" }"""), "t.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen(Mutate(JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Facturen())), n => n["facturen"]![0]!["totaalDebet"] = -1), "f.json"));
    }

    [Fact]
    public void Reported_bug_B4_both_fields_of_a_duration_are_required()
    {
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["maximaleDoorlooptijd"]!.AsObject().Remove("eenheid")), "abg.json"));
        Assert.Equal("$.producten[0].maximaleDoorlooptijd", ex.Pad);
    }

    [Fact]
    public void Reported_bug_B5_an_enum_value_is_one_name()
        => Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["producten"]![0]!["model"]!["regels"]![0]!["aanleiding"] = "start, afronding"), "abg.json"));

    [Fact]
    public void Reported_bug_B6_a_contract_that_is_read_can_be_written()
    {
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["uitgeoefendeOpties"] = 5), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["uitgeoefendeOpties"] = -1), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Mutate(Contract(), n => n["ingangsdatum"] = "9999-06-01"), "abg.json"));
    }

    [Fact]
    public void Reported_bug_B7_trajecten_errors_carry_the_line_in_the_file()
    {
        var doc = "{ \"contract\": \"ABG-2026\", \"trajecten\": [\n  " + Traject1 + ",\n  { \"id\": \"T-2\", \"client\": \"C-2\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [\n"
            + "    { \"soort\": \"start\", \"id\": \"S\", \"datum\": \"2026-02-02\" },\n    { \"soort\": \"uren\", \"id\": \"U\", \"datum\": \"2026-02-03\", \"aantal\": \"twee\" } ] } ] }";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        Assert.Equal(5, ex.Regelnummer);
        Assert.StartsWith("t.json:5 $.trajecten[1].gebeurtenissen[1].aantal (traject T-2, event U): ", ex.Message, StringComparison.Ordinal);

        // An event spread over lines: the line of the bad value, not of the event's first line.
        var spread = doc.Replace("\"aantal\": \"twee\"", "\n      \"aantal\":\n        \"twee\"", StringComparison.Ordinal);
        Assert.Equal(7, Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(spread, "t.json")).Regelnummer);
    }

    [Fact]
    public void Trajecten_errors_in_a_traject_field_carry_the_line_in_the_file()
    {
        const string doc = "{\n  \"contract\": \"ABG-2026\",\n  \"trajecten\": [\n    " + Traject1 + ",\n"
            + "    {\n      \"id\": \"T-2\",\n      \"client\": \"C-2\",\n      \"product\": \"re-integratie\",\n"
            + "      \"gebeurtenissen\": [\n        { \"soort\": \"start\", \"id\": \"S\", \"datum\": \"2026-02-02\" }\n      ],\n"
            + "      \"profiel\":\n        \"twee\"\n    }\n  ]\n}";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc, "t.json"));
        Assert.Equal(("$.trajecten[1].profiel", 13L), (ex.Pad, ex.Regelnummer!.Value));
        Assert.StartsWith("t.json:13 $.trajecten[1].profiel (traject T-2): ", ex.Message, StringComparison.Ordinal);

        // A field the traject does not have, on the line where its name stands.
        var unknown = doc.Replace("\"client\": \"C-2\",", "\"client\": \"C-2\", \"naam\": \"x\",", StringComparison.Ordinal).Replace("\"twee\"", "2", StringComparison.Ordinal);
        var u = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(unknown, "t.json"));
        Assert.Equal(("$.trajecten[1].naam", 7L), (u.Pad, u.Regelnummer!.Value));

        // The first traject is unaffected by the fix: on line 4 of the file.
        var first = doc.Replace("\"profiel\": 1,", "\"profiel\": \"een\",", StringComparison.Ordinal).Replace("\"twee\"", "2", StringComparison.Ordinal);
        var f = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(first, "t.json"));
        Assert.Equal(("$.trajecten[0].profiel", 4L), (f.Pad, f.Regelnummer!.Value));
    }

    [Fact]
    public void Reported_bug_B8_invalid_unicode_is_a_JsonInvoerException()
    {
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("{\"contract\":\"\\uD800\",\"trajecten\":[]}", "t.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader("{\"id\":\"\\uD800\",\"gebeurtenissen\":[]}"), "t.jsonl").ToList());
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten("{\"contract\":\"\uD800\",\"trajecten\":[]}", "t.json"));
    }

    [Fact]
    public void Reported_bug_B9_a_property_given_twice_is_an_error()
    {
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(Contract().Replace("\"id\":\"ABG-2026\"", "\"id\":\"ABG-2026\",\"id\":\"X\"", StringComparison.Ordinal), "abg.json"));
        Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(Trajecten().Replace("\"gebeurtenissen\": [", "\"gebeurtenissen\": [], \"gebeurtenissen\": [", StringComparison.Ordinal), "t.json"));
    }

    internal static string Contract() => JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonFormaatTests.Abg()));

    internal static string Mutate(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }

    /// <summary>A trajecten document with one traject T-1 (profiel 1, re-integratie): a Start on 2026-02-02, then the given events.</summary>
    private static string Trajecten(params string[] events)
        => "{ \"contract\": \"ABG-2026\", \"trajecten\": [ { \"id\": \"T-1\", \"client\": \"C-1\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [ { \"soort\": \"start\", \"id\": \"S\", \"datum\": \"2026-02-02\" }"
            + string.Concat(events.Select(e => ", " + e)) + " ] } ] }";

    /// <summary>The seeded fuzzer: cases are numbered; a case is a (mutated) text fed to one entry point.</summary>
    private sealed class Fuzzer
    {
        public const int GarbageCases = 300;
        public const int MutationCases = 700;

        private static readonly string[] Pool = { "null", "0", "-1", "1.005", "1e400", "-0", "\"\"", "\"x\"", "[]", "{}", "[null]", "2147483648", "true", "\"2026-02-30\"", "\"9999-12-31\"", "\"\\uD800\"", "\"regulierWerk, opleiding\"", "1E+2", "\"soort\"" };
        private static readonly string Alphabet = "{}[]\":,.-+eE0123456789 \n\t\\/abcdefghijklmnopqrstuvwxyzäé€\u0000\u001f\uFEFF";
        private static readonly Regex NullElement = new(@"[\[,]\s*null\s*[,\]]", RegexOptions.Compiled);
        private static readonly Regex Scalar = new("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null", RegexOptions.Compiled);

        private readonly int _seed;
        private Random _random;
        private readonly Raamovereenkomst _contract = JsonVoorbeelden.Contract();
        private readonly (string Name, string Text, Func<string, object> Read)[] _targets;
        private readonly (string Name, Func<string, object> Read)[] _entryPoints;

        public Fuzzer(int seed)
        {
            _seed = seed;
            _random = new Random(seed);
            var trajecten = JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Trajecten()));
            _entryPoints = new (string, Func<string, object>)[]
            {
                ("Contract", j => Check(JsonLezer.Contract(j, "f.json"), x => JsonLezer.Contract(JsonVoorbeelden.Strip(JsonSchrijver.Naar(x))))),
                ("Trajecten", j => ReadTrajecten(j)),
                ("TrajectenJsonLines", j => ReadLines(j)),
                ("Facturen", j => Check(new FacturenDocument(JsonLezer.Facturen(j, "f.json").ToValueList()), x => new FacturenDocument(JsonLezer.Facturen(JsonVoorbeelden.Strip(JsonSchrijver.Naar(x))).ToValueList()))),
                ("Scenario", j => Check(JsonLezer.Scenario(j, "f.json"), x => JsonLezer.Scenario(JsonVoorbeelden.Strip(JsonSchrijver.Naar(x))))),
                ("Document<TrajectInvoer>", j => JsonLezer.Document<TrajectInvoer>(j, "f.json")),
                ("Document<Gebeurtenis>", j => JsonLezer.Document<Gebeurtenis>(j, "f.json")),
            };
            _targets = new (string, string, Func<string, object>)[]
            {
                ("contract (every rule)", JsonVoorbeelden.Strip(JsonSchrijver.Naar(_contract)), _entryPoints[0].Read),
                ("contract (ABG, indented)", JsonNode.Parse(Contract())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), _entryPoints[0].Read),
                ("trajecten", trajecten, _entryPoints[1].Read),
                ("trajecten.jsonl", JsonVoorbeelden.JsonLines(), _entryPoints[2].Read),
                ("facturen", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Facturen())), _entryPoints[3].Read),
                ("scenario", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Scenario())), _entryPoints[4].Read),
                ("event", JsonVoorbeelden.Strip(JsonSchrijver.NaarRegel<Gebeurtenis>(new Plaatsing("P", new LocalDate(2026, 4, 1), Uitstroomtype.RegulierWerk, 32m, 12, "P-1") { Volgnummer = 2 })), _entryPoints[6].Read),
            };
        }

        public int Cases { get; private set; }

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public string Current { get; private set; } = string.Empty;

        public List<string> Failures { get; } = new();

        public Dictionary<string, int> KnownBugHits { get; } = new(StringComparer.Ordinal);

        public List<string> Timings { get; } = new();

        public void Run()
        {
            var clock = Stopwatch.StartNew();

            // The unmutated documents are accepted.
            foreach (var (name, text, read) in _targets)
            {
                Feed(name + " (as is)", "as is", text, read, mustAccept: true);
            }

            // Random garbage, to every entry point. Each phase has its own seed, so a case is reproduced by its phase and number.
            _random = new Random(_seed);
            for (var i = 0; i < GarbageCases; i++)
            {
                var garbage = Garbage();
                foreach (var (name, read) in _entryPoints)
                {
                    Feed($"garbage #{i} → {name}", "garbage", garbage, read);
                }
            }

            Timings.Add($"garbage: {clock.Elapsed.TotalSeconds:0.00} s");

            // Random mutations of every valid document, each to its own entry point.
            for (var k = 0; k < _targets.Length; k++)
            {
                var (name, text, read) = _targets[k];
                _random = new Random(_seed + k + 1);
                for (var i = 0; i < MutationCases; i++)
                {
                    var (mutated, how) = Mutations(text);
                    Feed($"{name} mutation #{i}", how, mutated, read);
                }

                Timings.Add($"{name}: {clock.Elapsed.TotalSeconds:0.00} s");
            }
        }

        private void Feed(string label, string how, string input, Func<string, object> read, bool mustAccept = false)
        {
            Cases++;
            Current = $"{label} ({how}): {Shorten(input)}";
            try
            {
                read(input);
                Accepted++;
            }
            catch (JsonInvoerException e) when (!mustAccept)
            {
                Rejected++;
                if (string.IsNullOrEmpty(e.Bestand) || string.IsNullOrEmpty(e.Regel) || !e.Message.StartsWith(e.Bestand, StringComparison.Ordinal))
                {
                    Failures.Add($"{label} ({how}): a JsonInvoerException without file or rule: {e.Message}{Environment.NewLine}input: {Shorten(input)}");
                }
            }
            catch (Exception e)
            {
                if (!mustAccept && KnownBug(input, e) is { } bug)
                {
                    KnownBugHits[bug] = KnownBugHits.GetValueOrDefault(bug) + 1;
                    return;
                }

                Failures.Add($"{label} ({how}): {e.GetType().FullName}: {e.Message}{Environment.NewLine}input: {Shorten(input)}{Environment.NewLine}{e.StackTrace}");
            }
        }

        private object ReadTrajecten(string json)
        {
            var doc = JsonLezer.Trajecten(json, "f.json");
            Check(doc, x => JsonLezer.Trajecten(JsonVoorbeelden.Strip(JsonSchrijver.Naar(x))));
            return JsonLezer.VoorContract(_contract, doc.Trajecten, "f.json").ToList();
        }

        private object ReadLines(string text)
        {
            var list = JsonLezer.TrajectenJsonLines(new StringReader(text), "f.jsonl").ToList();
            foreach (var t in list)
            {
                Check(t, x => JsonLezer.TrajectenJsonLines(new StringReader(JsonVoorbeelden.Strip(JsonSchrijver.NaarRegel(x)))).Single());
            }

            return JsonLezer.VoorContract(_contract, list, "f.jsonl").ToList();
        }

        /// <summary>A value that was read is valid: it is written out with its computed properties, and reads back equal.</summary>
        private static T Check<T>(T value, Func<T, T> roundTrip)
        {
            if (value is null)
            {
                throw new InvalidOperationException("INVALID SUCCESS: the reader returned null.");
            }

            T again;
            try
            {
                again = roundTrip(value);
            }
            catch (JsonInvoerException e)
            {
                throw new InvalidOperationException("INVALID SUCCESS: the value read, once written, is refused: " + e.Message, e);
            }

            if (!EqualityComparer<T>.Default.Equals(value, again))
            {
                throw new InvalidOperationException("INVALID SUCCESS: the value read does not read back equal after writing:" + Environment.NewLine + JsonSchrijver.Naar(value));
            }

            return value;
        }

        /// <summary>Recognises the reported bugs (see the Reported_bug tests) by their input and exception; anything else is new.</summary>
        private static string? KnownBug(string input, Exception e)
        {
            if (e is InvalidOperationException or ArgumentException && (Regex.IsMatch(input, @"\\u[dD][89abAB]") || input.Any(char.IsSurrogate)))
            {
                return "B8 invalid unicode (lone surrogate)";
            }

            // The reader may hit a null element before a syntax error later in the text, so look at the text itself.
            var nullElement = NullElement.IsMatch(input);
            if (e is NullReferenceException && nullElement)
            {
                return "B1/B2 null element in a list";
            }

            var nodes = Parse(input).SelectMany(All).ToList();

            if (e is IndexOutOfRangeException or ArgumentOutOfRangeException && nodes.OfType<JsonObject>().Any(o => OutOfCalendar(o)))
            {
                return "B6 contract read whose einddatum cannot be computed";
            }

            if (e is InvalidOperationException && e.Message.StartsWith("INVALID SUCCESS", StringComparison.Ordinal) && nullElement)
            {
                return "B2 null element in a list read as a null item";
            }

            return null;
        }

        /// <summary>The JSON trees in a text: the whole text, or else each line that parses (JSON Lines).</summary>
        private static List<JsonNode> Parse(string text)
        {
            if (TryParse(text) is { } whole)
            {
                return new List<JsonNode> { whole };
            }

            return text.Split('\n').Select(TryParse).OfType<JsonNode>().ToList();
        }

        private static JsonNode? TryParse(string json)
        {
            try
            {
                // Duplicate keys surface only when an object is enumerated: walk the whole tree here.
                var node = JsonNode.Parse(json);
                _ = node is null ? 0 : All(node).Count();
                _ = node?.ToJsonString();
                return node;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        private static bool OutOfCalendar(JsonObject o)
        {
            if (o.TryGetPropertyValue("uitgeoefendeOpties", out var u) && u is JsonValue uv && uv.TryGetValue<int>(out var n))
            {
                var options = o.TryGetPropertyValue("verlengingsopties", out var v) && v is JsonArray a ? a.Count : 0;
                if (n < 0 || n > options)
                {
                    return true;
                }
            }

            foreach (var (_, value) in o)
            {
                if (value is JsonValue jv && jv.TryGetValue<string>(out var s) && s.Length >= 4 && int.TryParse(s.AsSpan(0, 4), out var year) && year >= 9000 && s.Length == 10)
                {
                    return true;
                }

                if (value is JsonObject duur && duur.TryGetPropertyValue("aantal", out var aantal) && aantal is JsonValue av && av.TryGetValue<int>(out var count) && count > 1000)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<JsonNode> All(JsonNode node)
        {
            yield return node;
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject o => o.Select(kv => kv.Value),
                JsonArray a => a,
                _ => Array.Empty<JsonNode?>(),
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                foreach (var n in All(child))
                {
                    yield return n;
                }
            }
        }

        private string Garbage()
        {
            var sb = new StringBuilder();
            var length = _random.Next(0, 80);
            for (var i = 0; i < length; i++)
            {
                switch (_random.Next(4))
                {
                    case 0:
                        sb.Append(Pool[_random.Next(Pool.Length)]);
                        break;
                    case 1:
                        sb.Append((char)_random.Next(0, 0x10000));
                        break;
                    default:
                        sb.Append(Alphabet[_random.Next(Alphabet.Length)]);
                        break;
                }
            }

            return sb.ToString();
        }

        private (string Text, string How) Mutations(string text)
        {
            var steps = _random.Next(1, 4);
            var how = new List<string>();
            for (var i = 0; i < steps && text.Length > 0; i++)
            {
                (text, var step) = Mutate(text);
                how.Add(step);
            }

            return (text, string.Join(", ", how));
        }

        private (string Text, string How) Mutate(string text)
        {
            var at = _random.Next(text.Length);
            switch (_random.Next(9))
            {
                case 0:
                    var n = _random.Next(1, 4);
                    return (text.Remove(at, Math.Min(n, text.Length - at)), $"delete {n} at {at}");
                case 1:
                    var c = Alphabet[_random.Next(Alphabet.Length)];
                    return (text.Insert(at, c.ToString()), $"insert U+{(int)c:X4} at {at}");
                case 2:
                    var r = Alphabet[_random.Next(Alphabet.Length)];
                    return (text.Remove(at, 1).Insert(at, r.ToString()), $"replace at {at} by U+{(int)r:X4}");
                case 3:
                    return (text.Substring(0, at), $"truncate at {at}");
                case 4:
                {
                    var scalars = Scalar.Matches(text);
                    if (scalars.Count < 2)
                    {
                        return (text, "no swap");
                    }

                    var a = scalars[_random.Next(scalars.Count)];
                    var b = scalars[_random.Next(scalars.Count)];
                    if (a.Index > b.Index)
                    {
                        (a, b) = (b, a);
                    }

                    if (a.Index == b.Index || a.Index + a.Length > b.Index)
                    {
                        return (text, "no swap");
                    }

                    var swapped = text.Substring(0, a.Index) + b.Value + text.Substring(a.Index + a.Length, b.Index - a.Index - a.Length) + a.Value + text.Substring(b.Index + b.Length);
                    return (swapped, $"swap {Shorten(a.Value, 20)} and {Shorten(b.Value, 20)}");
                }

                case 5:
                case 6:
                {
                    var scalars = Scalar.Matches(text);
                    if (scalars.Count == 0)
                    {
                        return (text, "no value");
                    }

                    var m = scalars[_random.Next(scalars.Count)];
                    var v = Pool[_random.Next(Pool.Length)];
                    return (text.Substring(0, m.Index) + v + text.Substring(m.Index + m.Length), $"value {Shorten(m.Value, 20)} → {v}");
                }

                case 7:
                    return Structural(text);
                default:
                    var len = _random.Next(1, 40);
                    var from = _random.Next(text.Length);
                    var piece = text.Substring(from, Math.Min(len, text.Length - from));
                    return (text.Insert(at, piece), $"duplicate {Shorten(piece, 20)} at {at}");
            }
        }

        /// <summary>A mutation of the tree: a node set to null, removed, or replaced by an empty object or array.</summary>
        private (string Text, string How) Structural(string text)
        {
            var lines = text.Split('\n');
            var index = -1;
            var root = TryParse(text);
            if (root is null && lines.Length > 1)
            {
                index = _random.Next(lines.Length);
                root = TryParse(lines[index]);
            }

            if (root is null)
            {
                return (text, "no structural change");
            }

            var nodes = All(root).Where(n => n.Parent is not null).ToList();
            if (nodes.Count == 0)
            {
                return (text, "no structural change");
            }

            var node = nodes[_random.Next(nodes.Count)];
            var path = node.GetPath();
            var kind = _random.Next(4);
            switch (node.Parent)
            {
                case JsonObject o:
                    var name = o.First(kv => ReferenceEquals(kv.Value, node)).Key;
                    if (kind == 0)
                    {
                        o.Remove(name);
                    }
                    else
                    {
                        o[name] = kind == 1 ? null : kind == 2 ? new JsonObject() : new JsonArray();
                    }

                    break;
                case JsonArray a:
                    var i = a.IndexOf(node);
                    if (kind == 0)
                    {
                        a.RemoveAt(i);
                    }
                    else
                    {
                        a[i] = kind == 1 ? null : kind == 2 ? new JsonObject() : new JsonArray();
                    }

                    break;
            }

            var changed = root.ToJsonString();
            var how = $"{(kind == 0 ? "remove" : kind == 1 ? "null" : kind == 2 ? "{}" : "[]")} {path}";
            if (index < 0)
            {
                return (changed, how);
            }

            lines[index] = changed;
            return (string.Join("\n", lines), $"line {index + 1}: {how}");
        }

        private static string Shorten(string text, int max = 2000)
            => text.Length <= max ? text : text.Substring(0, max) + $"… ({text.Length} chars)";
    }
}
