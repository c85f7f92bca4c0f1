using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// The shipped JSON Schemas (src/Bekostiging.Json/Schemas, copied to docs/schemas by the build; shared definitions in
/// common.schema.json, referred to across files) checked against real documents:
/// sample objects written with <see cref="JsonSchrijver.Naar{T}"/>, computed properties stripped, must conform; and
/// the schemas' required and nullable properties must agree with what the strict reader accepts.
/// </summary>
public class SchemaTests
{
    public static readonly string[] Namen = { "contract", "trajecten", "traject", "facturen", "scenario" };

    /// <summary>Every shipped schema file: the documents' schemas and the definitions they share.</summary>
    public static readonly string[] Bestanden = Namen.Append("common").ToArray();

    [Fact]
    public void Every_schema_is_draft_2020_12_with_id_title_and_a_description_on_every_property()
    {
        var problems = new List<string>();
        foreach (var naam in Bestanden)
        {
            using var doc = JsonDocument.Parse(JsonSchrijver.Schema(naam));
            var root = doc.RootElement;
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
            Assert.Equal(IdBasis + naam + ".schema.json", root.GetProperty("$id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()));
            Describe(root, naam + ":#", problems);
            if (root.TryGetProperty("$defs", out var defs))
            {
                foreach (var def in defs.EnumerateObject())
                {
                    if (!def.Value.TryGetProperty("title", out _) || !def.Value.TryGetProperty("description", out _))
                    {
                        problems.Add($"{naam}:#/$defs/{def.Name} has no title or description");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Where the schemas are published; a relative $ref such as common.schema.json resolves against it.</summary>
    private const string IdBasis = "https://raw.githubusercontent.com/bekostiging/bekostiging/main/docs/schemas/";

    [Fact]
    public void The_schemas_in_docs_are_the_build_copies_of_the_shipped_ones_byte_for_byte()
    {
        // docs/schemas is not edited by hand: the Json project's build copies src/Bekostiging.Json/Schemas there
        // (target CopySchemasToDocs). The same files, the same bytes, nothing more; and what is embedded is the source.
        var root = JsonVoorbeelden.RepoRoot();
        var bron = Path.Combine(root, "src", "Bekostiging.Json", "Schemas");
        var docs = Path.Combine(root, "docs", "schemas");
        static string[] Inhoud(string map) => Directory.GetFiles(map).Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(Bestanden.Select(n => n + ".schema.json").OrderBy(n => n, StringComparer.Ordinal), Inhoud(bron));
        Assert.Equal(Inhoud(bron), Inhoud(docs));
        foreach (var naam in Bestanden)
        {
            var src = File.ReadAllBytes(Path.Combine(bron, naam + ".schema.json"));
            Assert.True(src.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(docs, naam + ".schema.json"))), $"docs/schemas/{naam}.schema.json differs from src/Bekostiging.Json/Schemas/{naam}.schema.json; build the Json project to copy it.");
            Assert.Equal(File.ReadAllText(Path.Combine(bron, naam + ".schema.json")), JsonSchrijver.Schema(naam));
        }
    }

    [Fact]
    public void The_discriminator_and_enum_values_in_the_schemas_are_those_of_the_library()
    {
        using var contract = JsonDocument.Parse(JsonSchrijver.Schema("contract"));
        using var traject = JsonDocument.Parse(JsonSchrijver.Schema("traject"));
        using var facturen = JsonDocument.Parse(JsonSchrijver.Schema("facturen"));
        using var common = JsonDocument.Parse(JsonSchrijver.Schema("common"));
        var defs = contract.RootElement.GetProperty("$defs");
        var gedeeld = common.RootElement.GetProperty("$defs");
        Assert.Equal(JsonFormaat.RegelSoorten.Values.OrderBy(v => v, StringComparer.Ordinal), Consts(defs.GetProperty("betaalregel")));
        Assert.Equal(new[] { "aaneengesloten", "cumulatief", "geen", "volgensBegrippen" }, Consts(defs.GetProperty("duurzaamheid")));
        Assert.Equal(JsonFormaat.GebeurtenisSoorten.Values.OrderBy(v => v, StringComparer.Ordinal), Consts(traject.RootElement.GetProperty("$defs").GetProperty("gebeurtenis")));
        Assert.Equal(EnumNames<Uitstroomtype>(), EnumValues(gedeeld.GetProperty("uitstroomtype")));
        Assert.Equal(EnumNames<DuurEenheid>(), EnumValues(gedeeld.GetProperty("duur").GetProperty("properties").GetProperty("eenheid")));
        Assert.Equal(EnumNames<IndexatieMoment>(), EnumValues(defs.GetProperty("indexatie").GetProperty("properties").GetProperty("moment")));
        var eenmalig = defs.GetProperty("betaalregel").GetProperty("oneOf").EnumerateArray().Single(b => b.GetProperty("properties").GetProperty("soort").GetProperty("const").GetString() == "eenmalig");
        Assert.Equal(EnumNames<Aanleiding>(), EnumValues(eenmalig.GetProperty("properties").GetProperty("aanleiding")));
        Assert.Equal(EnumNames<Regelsoort>(), EnumValues(facturen.RootElement.GetProperty("$defs").GetProperty("factuurregel").GetProperty("properties").GetProperty("soort")));
    }

    [Fact]
    public void A_contract_with_every_rule_kind_conforms_to_the_contract_schema()
    {
        var json = JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Contract()));
        foreach (var soort in JsonFormaat.RegelSoorten.Values.Concat(new[] { "geen", "aaneengesloten", "cumulatief", "volgensBegrippen" }))
        {
            Assert.Contains($"\"soort\":\"{soort}\"", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"proRataBijUitval\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"deelmaxima\":[{\"bedrag\":4000", json, StringComparison.Ordinal);

        AssertConforms("contract", json);
        Assert.Equal(JsonVoorbeelden.Contract(), JsonLezer.Contract(json));
        AssertConforms("contract", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonFormaatTests.Abg())));
    }

    [Fact]
    public void A_trajecten_document_with_every_event_kind_conforms_to_the_trajecten_schema()
    {
        var document = JsonVoorbeelden.Trajecten();
        var json = JsonVoorbeelden.Strip(JsonSchrijver.Naar(document));
        foreach (var soort in JsonFormaat.GebeurtenisSoorten.Values)
        {
            Assert.Contains($"\"soort\":\"{soort}\"", json, StringComparison.Ordinal);
        }

        AssertConforms("trajecten", json);
        Assert.Equal(document, JsonLezer.Trajecten(json));
    }

    [Fact]
    public void Every_json_lines_traject_conforms_to_the_traject_schema()
    {
        var lines = JsonVoorbeelden.JsonLines();
        foreach (var line in lines.Split('\n').Where(l => l.Length > 0))
        {
            AssertConforms("traject", line);
        }

        Assert.Equal(JsonVoorbeelden.Trajecten().Trajecten, JsonLezer.TrajectenJsonLines(new StringReader(lines)).ToList());
    }

    [Fact]
    public void A_facturen_document_conforms_to_the_facturen_schema()
    {
        var document = JsonVoorbeelden.Facturen();
        var json = JsonVoorbeelden.Strip(JsonSchrijver.Naar(document));
        AssertConforms("facturen", json);
        Assert.Equal(document.Facturen, JsonLezer.Facturen(json));

        // An invoice as a real run writes it.
        var c = JsonFormaatTests.Abg();
        var trajecten = JsonLezer.VoorContract(c, JsonVoorbeelden.Trajecten().Trajecten.Where(t => t.Product == "re-integratie")).ToList();
        var run = Facturatie.Run(c, trajecten, Array.Empty<Factuur>(), new LocalDate(2026, 12, 31), new Factuurinstellingen(Btw.Tarief(21m), Factuurinstellingen.Reeks("ABG-2026-")));
        Assert.NotEmpty(run.Regels);
        AssertConforms("facturen", JsonVoorbeelden.Strip(JsonSchrijver.Naar(new FacturenDocument(ValueList.Of(run)))));
    }

    [Fact]
    public void A_scenario_conforms_to_the_scenario_schema()
    {
        var scenario = JsonVoorbeelden.Scenario();
        var json = JsonVoorbeelden.Strip(JsonSchrijver.Naar(scenario));
        AssertConforms("scenario", json);
        Assert.Equal(scenario, JsonLezer.Scenario(json));
    }

    [Fact]
    public void The_checker_rejects_documents_that_break_the_schema()
    {
        var valid = JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Contract()));
        var checker = new SchemaChecker(JsonSchrijver.Schema("contract"));
        Assert.Empty(checker.Check(valid));

        (string Label, Action<JsonNode> Change, string Expected)[] cases =
        {
            ("unknown property", n => n["naam"] = "Jan", "$: property 'naam' is not allowed"),
            ("computed property", n => n["einddatum"] = "2027-12-31", "$: property 'einddatum' is not allowed"),
            ("missing required", n => n.AsObject().Remove("opdrachtnemer"), "$: required property 'opdrachtnemer' is missing"),
            ("unknown soort", n => Regel(n, 0)["soort"] = "System.IO.File", "$.producten[2].model.regels[0].soort: 'System.IO.File' is not one of"),
            ("unknown field in a rule", n => Regel(n, 2)["uren"] = 3, "$.producten[2].model.regels[2]: property 'uren' is not allowed"),
            ("wrong type", n => n["looptijd"] = "2 jaar", "$.looptijd: expected object"),
            ("three decimals", n => n["plafond"] = 0.005m, "$.plafond: 0.005 is not a multiple of 0.01"),
            ("bad date", n => n["ingangsdatum"] = "1-1-2026", "$.ingangsdatum: '1-1-2026' does not match"),
            ("unknown enum value", n => n["looptijd"]!["eenheid"] = "eeuwen", "$.looptijd.eenheid: \"eeuwen\" is not one of"),
            ("mijlpaal without kind", n => Regel(n, 1).AsObject().Remove("mijlpaal"), "$.producten[2].model.regels[1]: required property 'mijlpaal' is missing"),
        };
        foreach (var (label, change, expected) in cases)
        {
            var node = JsonNode.Parse(valid)!;
            change(node);
            var errors = checker.Check(node.ToJsonString());
            Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), $"{label}: expected an error starting with \"{expected}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        static JsonNode Regel(JsonNode n, int i) => n["producten"]![2]!["model"]!["regels"]![i]!;
    }

    /// <summary>
    /// For every property of every object in the sample documents: leaving it out, and setting it to null, is accepted
    /// by the schema exactly when the strict reader accepts it. This keeps "required" and the nullable types honest.
    /// </summary>
    [Fact]
    public void Required_and_nullable_properties_in_the_schemas_agree_with_the_reader()
    {
        var mismatches = new List<string>();
        // Definitions shared between schemas are identical (see the test below), so each is compared with the reader once.
        // One agreement per product and profiel is a rule across the items of a list, which the schema does not express:
        // without its profiel the second agreement for re-integratie repeats the first, and the reader refuses that.
        Compare("contract", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Contract())), j => JsonLezer.Contract(j), mismatches, path => path != "$.producten[1]");
        Compare("traject", JsonVoorbeelden.JsonLines().Split('\n')[0], j => JsonLezer.TrajectenJsonLines(new StringReader(j)).ToList(), mismatches, _ => true);
        Compare("trajecten", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Trajecten())), j => JsonLezer.Trajecten(j), mismatches, path => path == "$");
        Compare("facturen", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Facturen())), j => JsonLezer.Facturen(j), mismatches, _ => true);
        Compare("scenario", JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Scenario())), j => JsonLezer.Scenario(j), mismatches, path => !path.StartsWith("$.contract", StringComparison.Ordinal) && !Regex.IsMatch(path, @"^\$\.modellen\[\d+\]\.model"));
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    internal static void AssertConforms(string schema, string json)
    {
        var errors = new SchemaChecker(JsonSchrijver.Schema(schema)).Check(json);
        Assert.True(errors.Count == 0, $"not valid against {schema}.schema.json:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void Every_definition_lives_in_one_schema_file_and_every_reference_resolves()
    {
        var thuis = new Dictionary<string, string>(StringComparer.Ordinal);
        var problemen = new List<string>();
        var documenten = Bestanden.ToDictionary(n => n + ".schema.json", n => JsonNode.Parse(JsonSchrijver.Schema(n))!, StringComparer.Ordinal);
        foreach (var (bestand, root) in documenten)
        {
            foreach (var def in root["$defs"]?.AsObject() ?? new JsonObject())
            {
                if (thuis.TryGetValue(def.Key, out var eerder))
                {
                    problemen.Add($"$defs/{def.Key} is defined in {eerder} and again in {bestand}; define it once and refer to it");
                }
                else
                {
                    thuis[def.Key] = bestand;
                }
            }
        }

        foreach (var (bestand, root) in documenten)
        {
            foreach (var reference in Referenties(root))
            {
                // Relative to the file's $id, as a validator resolves it: a shipped file, and a pointer that exists there.
                var hekje = reference.IndexOf('#');
                var doel = hekje < 0 ? reference : reference.Substring(0, hekje);
                var fragment = hekje < 0 ? string.Empty : reference.Substring(hekje + 1);
                var doelBestand = doel.Length == 0 ? bestand : doel;
                if (!documenten.TryGetValue(doelBestand, out var node) || new Uri(new Uri(IdBasis + bestand), doel).ToString() != IdBasis + doelBestand)
                {
                    problemen.Add($"{bestand}: $ref {reference} names no shipped schema");
                    continue;
                }

                foreach (var deel in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    node = node?[deel];
                }

                if (node is not JsonObject)
                {
                    problemen.Add($"{bestand}: $ref {reference} leads nowhere");
                }
            }
        }

        foreach (var naam in new[] { "bekostigingsmodel", "betaalregel", "duurzaamheid", "duur", "bedrag", "datum", "gebeurtenis", "factuur", "gedrag" })
        {
            Assert.True(thuis.ContainsKey(naam), "no $defs/" + naam);
        }

        Assert.True(problemen.Count == 0, string.Join(Environment.NewLine, problemen));
        Assert.Equal("common.schema.json", thuis["datum"]);

        static IEnumerable<string> Referenties(JsonNode? node) => node switch
        {
            JsonObject o => o.SelectMany(kv => kv.Key == "$ref" && kv.Value is JsonValue v ? new[] { v.GetValue<string>() } : Referenties(kv.Value)),
            JsonArray a => a.SelectMany(Referenties),
            _ => Enumerable.Empty<string>(),
        };
    }

    private static void Compare(string schema, string json, Func<string, object> read, List<string> mismatches, Func<string, bool> include)
    {
        var checker = new SchemaChecker(JsonSchrijver.Schema(schema));
        Assert.Empty(checker.Check(json));
        read(json);
        foreach (var (path, name) in Properties(JsonNode.Parse(json)!, "$").Where(p => include(p.Path)))
        {
            foreach (var remove in new[] { true, false })
            {
                var node = JsonNode.Parse(json)!;
                var parent = Find(node, path).AsObject();
                if (remove)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = null;
                }

                var text = node.ToJsonString();
                var schemaAccepts = checker.Check(text).Count == 0;
                string readerSays;
                try
                {
                    read(text);
                    readerSays = "accepts";
                }
                catch (JsonInvoerException e)
                {
                    readerSays = "rejects (" + e.Message + ")";
                }

                // Reported bug B4 (BadInputTests.Reported_bug_B4_…): the reader does not require the fields of a duration.
                var durationField = remove && readerSays == "accepts" && name is "aantal" or "eenheid" && Find(JsonNode.Parse(json)!, path).AsObject().Select(kv => kv.Key).All(k => k is "aantal" or "eenheid");
                if (schemaAccepts != (readerSays == "accepts") && !durationField)
                {
                    mismatches.Add($"{schema}: {(remove ? "leaving out" : "null for")} {path}.{name}: the schema {(schemaAccepts ? "accepts" : "rejects")}, the reader {readerSays}");
                }
            }
        }
    }

    private static IEnumerable<(string Path, string Name)> Properties(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o)
                {
                    yield return (path, kv.Key);
                    if (kv.Value is not null)
                    {
                        foreach (var p in Properties(kv.Value, path + "." + kv.Key))
                        {
                            yield return p;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        foreach (var p in Properties(item, $"{path}[{i}]"))
                        {
                            yield return p;
                        }
                    }
                }

                break;
        }
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (Match m in Regex.Matches(path, @"\.([^.\[]+)|\[(\d+)\]"))
        {
            node = m.Groups[1].Success ? node[m.Groups[1].Value]! : node[int.Parse(m.Groups[2].Value)]!;
        }

        return node;
    }

    private static void Describe(JsonElement schema, string path, List<string> problems)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var p in schema.EnumerateObject())
        {
            // if/then/else restate properties only to select a branch; the property is described where it is declared.
            if (p.Name is "if" or "then" or "else")
            {
                continue;
            }

            if (p.Name == "properties")
            {
                foreach (var prop in p.Value.EnumerateObject())
                {
                    if (!prop.Value.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
                    {
                        problems.Add($"{path}/properties/{prop.Name} has no description");
                    }

                    Describe(prop.Value, $"{path}/properties/{prop.Name}", problems);
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var r in required.EnumerateArray())
                    {
                        if (!p.Value.TryGetProperty(r.GetString()!, out _))
                        {
                            problems.Add($"{path} requires '{r.GetString()}', which it does not declare");
                        }
                    }
                }
            }
            else if (p.Value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in p.Value.EnumerateArray())
                {
                    Describe(item, $"{path}/{p.Name}/{i++}", problems);
                }
            }
            else
            {
                Describe(p.Value, $"{path}/{p.Name}", problems);
            }
        }
    }

    private static string[] Consts(JsonElement oneOfSchema)
        => oneOfSchema.GetProperty("oneOf").EnumerateArray().Select(b => b.GetProperty("properties").GetProperty("soort").GetProperty("const").GetString()!).OrderBy(v => v, StringComparer.Ordinal).ToArray();

    private static string[] EnumValues(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static string[] EnumNames<T>()
        where T : struct, Enum
        => System.Enum.GetNames<T>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToArray();
}

/// <summary>
/// A small structural JSON Schema checker for the keywords the shipped schemas use: $ref (local, or to another
/// shipped schema by its relative name, e.g. common.schema.json#/$defs/datum: all shipped schemas are registered), type, const, enum,
/// required, properties, additionalProperties: false, items, minItems/maxItems, minLength, pattern,
/// minimum/maximum/exclusiveMinimum, multipleOf (in decimal, so 0.29 is a multiple of 0.01), anyOf, oneOf (a
/// "soort" discriminator picks the branch), if/then/else. Not a general validator.
/// </summary>
internal sealed class SchemaChecker
{
    /// <summary>The shipped schemas by file name, as a relative $ref names them (see <see cref="SchemaTests.Bestanden"/>).</summary>
    private static readonly Dictionary<string, JsonElement> Geregistreerd = SchemaTests.Bestanden.ToDictionary(
        n => n + ".schema.json",
        n =>
        {
            using var doc = JsonDocument.Parse(JsonSchrijver.Schema(n));
            return doc.RootElement.Clone();
        },
        StringComparer.Ordinal);

    private readonly JsonElement _root;
    private readonly string _bestand;

    public SchemaChecker(string schema)
    {
        using var doc = JsonDocument.Parse(schema);
        _root = doc.RootElement.Clone();
        var id = _root.TryGetProperty("$id", out var i) ? i.GetString()! : string.Empty;
        _bestand = id.Substring(id.LastIndexOf('/') + 1);
    }

    public List<string> Check(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var errors = new List<string>();
        Validate(_root, doc.RootElement, "$", errors, _bestand);
        return errors;
    }

    private void Validate(JsonElement s, JsonElement x, string path, List<string> errors, string bestand)
    {
        if (s.TryGetProperty("$ref", out var r))
        {
            var (doel, doelBestand) = Resolve(r.GetString()!, bestand);
            Validate(doel, x, path, errors, doelBestand);
        }

        if (s.TryGetProperty("type", out var type) && !TypeMatches(type, x))
        {
            errors.Add($"{path}: expected {(type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray()) : type.GetString())}, got {x.ValueKind}");
            return;
        }

        if (s.TryGetProperty("const", out var c) && !JsonElement.DeepEquals(c, x))
        {
            errors.Add($"{path}: {x.GetRawText()} is not {c.GetRawText()}");
        }

        if (s.TryGetProperty("enum", out var e) && !e.EnumerateArray().Any(v => JsonElement.DeepEquals(v, x)))
        {
            errors.Add($"{path}: {x.GetRawText()} is not one of {e.GetRawText()}");
        }

        switch (x.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(s, x, path, errors, bestand);
                break;
            case JsonValueKind.Array:
                CheckArray(s, x, path, errors, bestand);
                break;
            case JsonValueKind.String:
                CheckString(s, x, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(s, x, path, errors);
                break;
        }

        if (s.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = anyOf.EnumerateArray().Select(b => Errors(b, x, path, bestand)).ToList();
            if (branches.All(b => b.Count > 0))
            {
                errors.AddRange(branches.OrderBy(b => b.Count).First());
            }
        }

        if (s.TryGetProperty("oneOf", out var oneOf))
        {
            CheckOneOf(oneOf, x, path, errors, bestand);
        }

        if (s.TryGetProperty("if", out var @if))
        {
            var branch = Errors(@if, x, path, bestand).Count == 0 ? "then" : "else";
            if (s.TryGetProperty(branch, out var then))
            {
                Validate(then, x, path, errors, bestand);
            }
        }
    }

    private void CheckObject(JsonElement s, JsonElement x, string path, List<string> errors, string bestand)
    {
        if (s.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!x.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        var hasProperties = s.TryGetProperty("properties", out var properties);
        var closed = s.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var p in x.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(p.Name, out var ps))
            {
                Validate(ps, p.Value, path + "." + p.Name, errors, bestand);
            }
            else if (closed)
            {
                errors.Add($"{path}: property '{p.Name}' is not allowed (additionalProperties is false)");
            }
        }
    }

    private void CheckArray(JsonElement s, JsonElement x, string path, List<string> errors, string bestand)
    {
        var count = x.GetArrayLength();
        if (s.TryGetProperty("minItems", out var min) && count < min.GetInt32())
        {
            errors.Add($"{path}: {count} items, at least {min.GetInt32()} expected");
        }

        if (s.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
        {
            errors.Add($"{path}: {count} items, at most {max.GetInt32()} expected");
        }

        if (s.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in x.EnumerateArray())
            {
                Validate(items, item, $"{path}[{i++}]", errors, bestand);
            }
        }
    }

    private static void CheckString(JsonElement s, JsonElement x, string path, List<string> errors)
    {
        var text = x.GetString()!;
        if (s.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            errors.Add($"{path}: '{text}' is shorter than {min.GetInt32()}");
        }

        if (s.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
        }
    }

    private static void CheckNumber(JsonElement s, JsonElement x, string path, List<string> errors)
    {
        if (!x.TryGetDecimal(out var value))
        {
            errors.Add($"{path}: {x.GetRawText()} is out of range");
            return;
        }

        if (s.TryGetProperty("minimum", out var min) && value < min.GetDecimal())
        {
            errors.Add($"{path}: {value} is less than {min.GetDecimal()}");
        }

        if (s.TryGetProperty("maximum", out var max) && value > max.GetDecimal())
        {
            errors.Add($"{path}: {value} is more than {max.GetDecimal()}");
        }

        if (s.TryGetProperty("exclusiveMinimum", out var xmin) && value <= xmin.GetDecimal())
        {
            errors.Add($"{path}: {value} is not more than {xmin.GetDecimal()}");
        }

        if (s.TryGetProperty("multipleOf", out var step) && value % step.GetDecimal() != 0m)
        {
            errors.Add($"{path}: {x.GetRawText()} is not a multiple of {step.GetDecimal()}");
        }
    }

    private void CheckOneOf(JsonElement oneOf, JsonElement x, string path, List<string> errors, string bestand)
    {
        var branches = oneOf.EnumerateArray().ToList();
        var consts = branches
            .Select(b => b.TryGetProperty("properties", out var p) && p.TryGetProperty("soort", out var soort) && soort.TryGetProperty("const", out var k) ? k.GetString() : null)
            .ToList();
        if (consts.All(k => k is not null) && x.ValueKind == JsonValueKind.Object)
        {
            // A discriminated union: "soort" picks the one branch, so errors come from that branch only.
            if (!x.TryGetProperty("soort", out var soort))
            {
                errors.Add($"{path}: required property 'soort' is missing");
                return;
            }

            var index = soort.ValueKind == JsonValueKind.String ? consts.IndexOf(soort.GetString()) : -1;
            if (index < 0)
            {
                errors.Add($"{path}.soort: {soort.GetRawText().Replace('"', '\'')} is not one of {string.Join(", ", consts)}");
                return;
            }

            Validate(branches[index], x, path, errors, bestand);
            return;
        }

        var matching = branches.Count(b => Errors(b, x, path, bestand).Count == 0);
        if (matching != 1)
        {
            errors.Add($"{path}: matches {matching} of the oneOf branches, exactly one expected");
        }
    }

    private List<string> Errors(JsonElement s, JsonElement x, string path, string bestand)
    {
        var errors = new List<string>();
        Validate(s, x, path, errors, bestand);
        return errors;
    }

    /// <summary>The schema a reference in <paramref name="bestand"/> leads to, and the file it is in.</summary>
    private (JsonElement Schema, string Bestand) Resolve(string reference, string bestand)
    {
        var hekje = reference.IndexOf('#');
        var doelBestand = hekje < 0 ? reference : reference.Substring(0, hekje);
        var fragment = hekje < 0 ? "#" : reference.Substring(hekje);
        doelBestand = doelBestand.Length == 0 ? bestand : doelBestand;
        if (!Geregistreerd.TryGetValue(doelBestand, out var node) && doelBestand != _bestand)
        {
            throw new NotSupportedException("a reference to a schema that is not shipped: " + reference);
        }

        node = doelBestand == _bestand ? _root : node;
        if (fragment != "#" && !fragment.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException("only JSON Pointer fragments: " + reference);
        }

        foreach (var part in fragment.Length <= 2 ? Array.Empty<string>() : fragment.Substring(2).Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
        }

        return (node, doelBestand);
    }

    private static bool TypeMatches(JsonElement type, JsonElement x)
        => type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => Is(t.GetString()!, x)) : Is(type.GetString()!, x);

    private static bool Is(string type, JsonElement x) => type switch
    {
        "object" => x.ValueKind == JsonValueKind.Object,
        "array" => x.ValueKind == JsonValueKind.Array,
        "string" => x.ValueKind == JsonValueKind.String,
        "boolean" => x.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => x.ValueKind == JsonValueKind.Null,
        "number" => x.ValueKind == JsonValueKind.Number,
        "integer" => x.ValueKind == JsonValueKind.Number && (x.TryGetInt64(out _) || x.TryGetUInt64(out _) || (x.TryGetDecimal(out var d) && d == decimal.Truncate(d))),
        _ => throw new NotSupportedException("type " + type),
    };
}

/// <summary>Sample input documents for the JSON tests, and helpers.</summary>
internal static class JsonVoorbeelden
{
    private static readonly LocalDate Jan5 = new(2026, 1, 5);

    /// <summary>A model with one rule of every kind, and every durability kind among its result definitions.</summary>
    public static Bekostigingsmodel AlleRegels()
    {
        var cumulatief = Resultaatdefinitie.Standaard.MetMinimumContract(6).MetWachttijd(Duur.Maanden(2)).MetDuurzaamheid(Duurzaamheid.Cumulatief(26, 36));
        return new Bekostigingsmodel("Alle bouwstenen", ValueList.Of<Betaalregel>(
            new Eenmalig("start", Aanleiding.Start, Bedrag.Van(400m)),
            new Eenmalig("intake", Aanleiding.Mijlpaal, Bedrag.Van(150m), Mijlpaal.Soorten.Intake),
            new PerEenheid("uren", Bedrag.Van(86m), 40m),
            new PerModule("modules", ValueList.Of(new ModulePrijs("SOL", Bedrag.Van(350m)), new ModulePrijs("WERKFIT", Bedrag.Van(1200.5m))), 3),
            new PerPeriode("arrangement", Bedrag.Van(425m)),
            new Termijnen("termijnen", Bedrag.Van(2500m), 12, Duur.Maanden(1), true),
            new Prijsdelen("delen", Bedrag.Van(1000m), ValueList.Of(new Prijsdeel(40m, Aanleiding.Start), new Prijsdeel(60m, Aanleiding.Mijlpaal, Mijlpaal.Soorten.Trajectplan))),
            new Eenmalig("afronding", Aanleiding.Afronding, Bedrag.Van(500m)) { ProRataBijUitval = true },
            new BijResultaat("bonus", cumulatief, ValueList.Of(
                new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)),
                new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)))),
            BijResultaat.Vast("duurzaam", Resultaatdefinitie.Standaard.MetDuurzaamheid(Duurzaamheid.Aaneengesloten(Duur.Maanden(6))), Bedrag.Van(500m)),
            Trap.MetHerhaling("trap", Resultaatdefinitie.Standaard.MetDuurzaamheid(Duurzaamheid.Geen), Duur.Dagen(182), Bedrag.Van(1200m), Duur.Dagen(28), Bedrag.Van(85m), 2),
            new PerTrede("trede", Bedrag.Van(150m)),
            new Verlengingstarief("verlenging", Bedrag.Van(100m))), Bedrag.Van(9000m), Duur.Jaren(2)).MetMaximum(Bedrag.Van(4000m), "uren", "modules");
    }

    /// <summary>The ABG contract with one more product ("alles") whose model has every rule kind.</summary>
    public static Raamovereenkomst Contract()
    {
        var abg = JsonFormaatTests.Abg();
        return abg with { Producten = abg.Producten.Append(new Productafspraak("alles", null, AlleRegels(), Duur.Maanden(12))).ToValueList() };
    }

    /// <summary>Two trajecten: T-1 (product "alles") with an event of every kind, T-2 (re-integratie) that settles.</summary>
    public static TrajectenDocument Trajecten()
    {
        var alle = ValueList.Of<Gebeurtenis>(
            new Aanmelding("E1", Jan5),
            new Start("E2", new LocalDate(2026, 1, 12)) { Volgnummer = 1, Gemeld = new LocalDate(2026, 1, 14) },
            new Mijlpaal("E3", new LocalDate(2026, 1, 20), Mijlpaal.Soorten.Intake),
            new Uren("E4", new LocalDate(2026, 1, 21), 2.5m),
            new Module("E5", new LocalDate(2026, 2, 2), "SOL"),
            new Trede("E6", new LocalDate(2026, 2, 16), 3),
            new Plaatsing("E7", new LocalDate(2026, 3, 2), Uitstroomtype.RegulierWerk, 32m, 12, "P-1"),
            new PlaatsingEinde("E8", new LocalDate(2026, 5, 29), "P-1"),
            new Verlenging("E9", new LocalDate(2026, 12, 1), Duur.Maanden(3)),
            new Uitval("E10", new LocalDate(2027, 2, 1), "verhuisd"),
            new Afronding("E11", new LocalDate(2027, 3, 1)),
            new Reclame("E12", new LocalDate(2026, 1, 9)),
            new Intrekking("E13", new LocalDate(2026, 1, 10), "E12"));
        var eenvoudig = ValueList.Of<Gebeurtenis>(
            new Aanmelding("A", Jan5),
            new Start("S", new LocalDate(2026, 1, 12)),
            new Plaatsing("P", new LocalDate(2026, 4, 1), Uitstroomtype.RegulierWerk, 36m));
        return new TrajectenDocument("ABG-2026", ValueList.Of(
            new TrajectInvoer("T-1", "C-0001", 2, "alles", alle, "wijkcoach-3", 2),
            new TrajectInvoer("T-2", "C-0002", 1, "re-integratie", eenvoudig)));
    }

    /// <summary>The trajecten of <see cref="Trajecten"/> as JSON Lines, computed properties stripped.</summary>
    public static string JsonLines()
        => string.Concat(Trajecten().Trajecten.Select(t => Strip(JsonSchrijver.NaarRegel(t)) + "\n"));

    /// <summary>Two earlier invoices: debit lines, a credit line that corrects one, a contract line, and an amount held back.</summary>
    public static FacturenDocument Facturen()
    {
        var f1 = new Factuur("ABG-2026-0001", "ABG-2026", new LocalDate(2026, 3, 31), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)), Btw.Vrijgesteld,
            ValueList.Of(
                new Factuurregel(1, "T-2", "C-0002", null, "starttarief", Regelsoort.Debet, Bedrag.Van(750m), Bedrag.Nul, new LocalDate(2026, 1, 12), "€ 750,00 bij start", null),
                new Factuurregel(2, "T-1", "C-0001", "wijkcoach-3", "uren/E4", Regelsoort.Debet, Bedrag.Van(215m), Bedrag.Nul, new LocalDate(2026, 1, 21), "2,5 uur × € 86,00", null)),
            ValueList<Ingehouden>.Empty, false);
        var f2 = new Factuur("ABG-2026-0002", "ABG-2026", new LocalDate(2026, 6, 30), new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)), Btw.Tarief(21m),
            ValueList.Of(
                new Factuurregel(1, "T-1", "C-0001", "wijkcoach-3", "uren/E4", Regelsoort.Credit, Bedrag.Van(-215m), Bedrag.Van(-45.15m), new LocalDate(2026, 1, 21), "ingetrokken", new Regelverwijzing("ABG-2026-0001", 2)),
                new Factuurregel(2, null, null, null, "instroomgarantie/1", Regelsoort.Debet, Bedrag.Van(500m), Bedrag.Van(105m), new LocalDate(2027, 1, 1), "2 aanmeldingen te weinig × € 250,00", null)),
            ValueList.Of(new Ingehouden("T-2", "bonus", 2026, Bedrag.Van(1250m))), false);
        return new FacturenDocument(ValueList.Of(f1, f2));
    }

    /// <summary>A scenario comparing the ABG model with the every-rule model.</summary>
    public static Scenario Scenario()
    {
        var abg = JsonFormaatTests.Abg();
        var gedrag = Enumerable.Range(1, 4).Select(p => new Gedrag(p, 0.12m / p, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 0.7m), new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 20m, 0.3m)), 0.03m, 0.05m, 6m, 0.1m)).ToArray();
        return new Scenario("Aanbesteding 2026", abg, ValueList.Of(20, 40, 30, 10), ValueList.Of(gedrag),
            ValueList.Of(new TeVergelijkenModel("ABG", abg.Producten[0].Model, Duur.Maanden(12)), new TeVergelijkenModel("Alle bouwstenen", AlleRegels(), Duur.Maanden(12))),
            12, 36, Bedrag.Van(250000m), Bedrag.Van(55m), 20, 20260101UL);
    }

    /// <summary>
    /// Removes what the output format adds and the input format does not take, by kind of object: a contract's
    /// opzegtermijn (its begrippen keep theirs), einddatum, initieleEinddatum, optiesOver, deadlineVolgendeOptie and
    /// context; begrippen.resultaat; a rule's omschrijving; an event's gemeldOp and sleutel; an invoice's totals and
    /// isLeeg (its lines keep their omschrijving); a scenario's aantalClienten and horizon. Compact output.
    /// </summary>
    public static string Strip(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();
    }

    /// <summary>The repository root (the folder with Bekostiging.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bekostiging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Bekostiging.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                string[] computed =
                    o.ContainsKey("opdrachtnemer") ? new[] { "opzegtermijn", "initieleEinddatum", "einddatum", "optiesOver", "deadlineVolgendeOptie", "context" }
                    : o.ContainsKey("reclametermijn") ? new[] { "resultaat" }
                    : o.ContainsKey("soort") && o.ContainsKey("code") ? new[] { "omschrijving" }
                    : o.ContainsKey("soort") && o.ContainsKey("datum") ? new[] { "gemeldOp", "sleutel" }
                    : o.ContainsKey("factuurdatum") ? new[] { "totaalDebet", "totaalCredit", "totaalExclusiefBtw", "totaalBtw", "totaalInclusiefBtw", "isLeeg" }
                    : o.ContainsKey("iteraties") && o.ContainsKey("seed") ? new[] { "aantalClienten", "horizon" }
                    : Array.Empty<string>();
                foreach (var name in computed)
                {
                    o.Remove(name);
                }

                foreach (var kv in o.ToList())
                {
                    Strip(kv.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }
}
