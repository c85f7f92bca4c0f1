using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// The examples in docs/json.md are real: every input example (a code block tagged with its file name, e.g.
/// <c>```json contract.json</c>) is read with <see cref="JsonLezer"/> and checked against its schema, and every output
/// example is an excerpt of what the library writes for those inputs.
/// </summary>
public class JsonDocsExamplesTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Blocks = new(ReadBlocks);

    [Fact]
    public void The_page_has_every_input_and_output_example_once()
    {
        Assert.Equal(
            new[] { "afrekening.json", "contract.json", "facturen.json", "factuur.json", "kwartaaloverzicht.json", "scenario.json", "trajecten.json", "trajecten.jsonl", "vergelijking.json" },
            Blocks.Value.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void The_contract_example_is_read_and_conforms_to_its_schema()
    {
        var c = JsonLezer.Contract(Block("contract.json"), "contract.json");
        Assert.Equal("ABG-2026", c.Id);
        Assert.Equal(new LocalDate(2029, 12, 31), c.OefenOptieUit(new LocalDate(2027, 9, 1)).OefenOptieUit(new LocalDate(2028, 9, 1)).Einddatum);
        SchemaTests.AssertConforms("contract", Block("contract.json"));
    }

    [Fact]
    public void The_trajecten_examples_are_read_conform_and_agree()
    {
        var document = JsonLezer.Trajecten(Block("trajecten.json"), "trajecten.json");
        SchemaTests.AssertConforms("trajecten", Block("trajecten.json"));
        var lines = JsonLezer.TrajectenJsonLines(new StringReader(Block("trajecten.jsonl")), "trajecten.jsonl").ToList();
        Assert.Equal(document.Trajecten, lines);
        Assert.Contains(string.Empty, Block("trajecten.jsonl").Split('\n'));
        foreach (var line in Block("trajecten.jsonl").Split('\n').Where(l => l.Trim().Length > 0))
        {
            SchemaTests.AssertConforms("traject", line);
        }

        var contract = JsonLezer.Contract(Block("contract.json"));
        Assert.Equal(contract.Id, document.Contract);
        Assert.Equal(3, JsonLezer.VoorContract(contract, document.Trajecten, "trajecten.json").Count());
    }

    [Fact]
    public void The_facturen_example_is_read_and_is_what_the_first_run_issued()
    {
        var facturen = JsonLezer.Facturen(Block("facturen.json"), "facturen.json");
        SchemaTests.AssertConforms("facturen", Block("facturen.json"));
        var (contract, trajecten) = Inputs();
        var first = Facturatie.Run(contract, trajecten, Array.Empty<Factuur>(), new LocalDate(2026, 3, 31), Instellingen);
        Assert.Equal(Assert.Single(facturen), first);
    }

    [Fact]
    public void The_scenario_example_is_read_and_conforms_to_its_schema()
    {
        var scenario = JsonLezer.Scenario(Block("scenario.json"), "scenario.json");
        Assert.Equal(100, scenario.AantalClienten);
        SchemaTests.AssertConforms("scenario", Block("scenario.json"));
    }

    [Fact]
    public void The_output_examples_are_excerpts_of_what_the_library_writes()
    {
        var (contract, trajecten) = Inputs();
        var facturen = JsonLezer.Facturen(Block("facturen.json"));

        var afrekening = contract.Settle(trajecten[0].Traject, trajecten[0].Gebeurtenissen, new LocalDate(2026, 9, 30));
        AssertExcerpt("afrekening.json", JsonSchrijver.Naar(afrekening));

        var factuur = Facturatie.Run(contract, trajecten, facturen, new LocalDate(2026, 6, 30), Instellingen);
        AssertExcerpt("factuur.json", JsonSchrijver.Naar(factuur));

        var kwartaal = Kwartaaloverzicht.Maak("ABG-2026", 2026, 2, facturen.Append(factuur));
        AssertExcerpt("kwartaaloverzicht.json", JsonSchrijver.Naar(kwartaal));

        var vergelijking = Simulatie.Vergelijk(JsonLezer.Scenario(Block("scenario.json")));
        AssertExcerpt("vergelijking.json", JsonSchrijver.Naar(vergelijking));
    }

    [Fact]
    public void The_excerpt_check_can_fail()
    {
        var actual = JsonNode.Parse("""{ "a": [1, 2, 3], "b": { "c": 750.00 } }""")!;
        Assert.Null(Difference(JsonNode.Parse("""{ "a": [1, 2], "b": {} }""")!, actual, "$"));
        Assert.Equal("$.a[1]: the page has 3, the library writes 2", Difference(JsonNode.Parse("""{ "a": [1, 3] }""")!, actual, "$"));
        Assert.Equal("$.d: the library writes no such field", Difference(JsonNode.Parse("""{ "d": 1 }""")!, actual, "$"));
        Assert.Null(Difference(JsonNode.Parse("""{ "b": { "c": 750 } }""")!, actual, "$"));
    }

    private static readonly Factuurinstellingen Instellingen = new(Btw.Vrijgesteld, Factuurinstellingen.Reeks("ABG-2026-"));

    private static (Raamovereenkomst Contract, List<TrajectMetGebeurtenissen> Trajecten) Inputs()
    {
        var contract = JsonLezer.Contract(Block("contract.json"));
        return (contract, JsonLezer.VoorContract(contract, JsonLezer.Trajecten(Block("trajecten.json")).Trajecten).ToList());
    }

    private static string Block(string name) => Blocks.Value.TryGetValue(name, out var text) ? text : throw new InvalidOperationException($"docs/json.md has no block ```json {name}");

    private static void AssertExcerpt(string name, string written)
    {
        var difference = Difference(JsonNode.Parse(Block(name))!, JsonNode.Parse(written)!, "$");
        Assert.True(difference is null, $"docs/json.md, example {name}, no longer matches what the library writes: {difference}{Environment.NewLine}The library writes:{Environment.NewLine}{written}");
    }

    /// <summary>Where the page's excerpt differs from the written document: every field shown must be written with the same value; lists may be cut short.</summary>
    private static string? Difference(JsonNode page, JsonNode actual, string path)
    {
        switch (page)
        {
            case JsonObject o when actual is JsonObject a:
                foreach (var (key, value) in o)
                {
                    if (!a.TryGetPropertyValue(key, out var written))
                    {
                        return $"{path}.{key}: the library writes no such field";
                    }

                    if (value is null || written is null)
                    {
                        if (value is not null || written is not null)
                        {
                            return $"{path}.{key}: the page has {value?.ToJsonString() ?? "null"}, the library writes {written?.ToJsonString() ?? "null"}";
                        }

                        continue;
                    }

                    if (Difference(value, written, $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonArray o when actual is JsonArray a:
                if (o.Count > a.Count)
                {
                    return $"{path}: the page shows {o.Count} items, the library writes {a.Count}";
                }

                for (var i = 0; i < o.Count; i++)
                {
                    if (o[i] is null || a[i] is null)
                    {
                        if (o[i] is not null || a[i] is not null)
                        {
                            return $"{path}[{i}]: one of the two is null";
                        }

                        continue;
                    }

                    if (Difference(o[i]!, a[i]!, $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValue v when actual is JsonValue w:
                var same = v.TryGetValue<decimal>(out var x) && w.TryGetValue<decimal>(out var y) ? x == y : JsonNode.DeepEquals(v, w);
                return same ? null : $"{path}: the page has {v.ToJsonString()}, the library writes {w.ToJsonString()}";
            default:
                return $"{path}: the page has {page.ToJsonString()}, the library writes {actual.ToJsonString()}";
        }
    }

    private static Dictionary<string, string> ReadBlocks()
    {
        var text = File.ReadAllText(Path.Combine(JsonVoorbeelden.RepoRoot(), "docs", "json.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(text, @"^```jsonl? (?<name>\S+)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline))
        {
            Assert.True(blocks.TryAdd(m.Groups["name"].Value, m.Groups["body"].Value), "two examples named " + m.Groups["name"].Value);
        }

        return blocks;
    }
}
