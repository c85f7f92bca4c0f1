using System;
using System.Linq;
using System.Text.Json.Nodes;
using Bekostiging.Json;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// The bounds the strict reader enforces (issue 13 points 4, 5, 9, 12, 15) are stated in the shipped JSON Schemas too,
/// so that a system that checks its export against the schema catches what a run would refuse. Each case: the schema
/// and the reader agree, on the bound itself (accepted) and just past it (refused).
/// </summary>
public class SchemaGrenzenTests
{
    private static readonly string Contract = JsonVoorbeelden.Strip(JsonSchrijver.Naar(JsonVoorbeelden.Contract()));

    public static TheoryData<string, string, bool> ContractGevallen => new()
    {
        // Indexation: −50 % … +100 % per year.
        { "percentage", "-50", true },
        { "percentage", "100", true },
        { "percentage", "-50.01", false },
        { "percentage", "-150", false },
        { "percentage", "100.5", false },

        // Durations: at most 100 years = 36,525 days (100 × 365 + 25 leap days), 5,217 weeks (36,525 / 7 = 5,217.9), 1,200 months.
        { "looptijd", "{\"aantal\":100,\"eenheid\":\"jaren\"}", true },
        { "looptijd", "{\"aantal\":101,\"eenheid\":\"jaren\"}", false },
        { "looptijd", "{\"aantal\":1200,\"eenheid\":\"maanden\"}", true },
        { "looptijd", "{\"aantal\":1201,\"eenheid\":\"maanden\"}", false },
        { "looptijd", "{\"aantal\":5217,\"eenheid\":\"weken\"}", true },
        { "looptijd", "{\"aantal\":5218,\"eenheid\":\"weken\"}", false },
        { "looptijd", "{\"aantal\":36525,\"eenheid\":\"dagen\"}", true },
        { "looptijd", "{\"aantal\":36526,\"eenheid\":\"dagen\"}", false },

        // Contract ids: file-safe alphabet, no leading dot, at most 64 characters.
        { "id", "\"ABG-2026_v2.1\"", true },
        { "id", "\"" + new string('a', 64) + "\"", true },
        { "id", "\"" + new string('a', 65) + "\"", false },
        { "id", "\"/../../../tmp/x\"", false },
        { "id", "\".verborgen\"", false },
        { "id", "\"ABG 2026\"", false },

        // Amounts: at most 10^12 euros.
        { "plafond", "1000000000000", true },
        { "plafond", "1000000000000.01", false },
    };

    [Theory]
    [MemberData(nameof(ContractGevallen))]
    public void The_contract_schema_and_the_reader_agree_on_the_bounds(string veld, string waarde, bool geldig)
    {
        var node = JsonNode.Parse(Contract)!;
        var value = JsonNode.Parse(waarde);
        if (veld == "percentage")
        {
            node["indexatie"] = JsonNode.Parse("{\"moment\":\"contractjaar\",\"percentages\":[{\"jaar\":2,\"percentage\":" + waarde + "}]}");
        }
        else
        {
            node[veld] = value;
        }

        var json = node.ToJsonString();
        var errors = new SchemaChecker(JsonSchrijver.Schema("contract")).Check(json);
        Exception? reader = Record.Exception(() => JsonLezer.Contract(json));
        if (geldig)
        {
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.Null(reader);
        }
        else
        {
            Assert.NotEmpty(errors);
            Assert.IsType<JsonInvoerException>(reader);
        }
    }

    [Theory]
    [InlineData("T-00005", true)]
    [InlineData("Traject 5 van cliënt Ä", true)]
    [InlineData("T-00005 ", false)]
    [InlineData(" T-00005", false)]
    [InlineData("T-000\u200B05", false)]
    [InlineData("\uFEFFT-00005", false)]
    [InlineData("T-00\u00A005", false)]
    [InlineData("T-00\t05", false)]
    [InlineData("T-00\u000005", false)]
    public void The_traject_schemas_and_the_reader_agree_on_traject_and_client_ids(string id, bool geldig)
    {
        var lines = JsonVoorbeelden.JsonLines().Split('\n').Where(l => l.Length > 0).ToList();
        foreach (var veld in new[] { "id", "client" })
        {
            var node = JsonNode.Parse(lines[0])!;
            node[veld] = id;
            var json = node.ToJsonString();
            var errors = new SchemaChecker(JsonSchrijver.Schema("traject")).Check(json);
            var reader = Record.Exception(() => JsonLezer.TrajectenJsonLines(new System.IO.StringReader(json + "\n")).ToList());
            var document = new JsonObject { ["contract"] = "ABG-2026", ["trajecten"] = new JsonArray(JsonNode.Parse(json)) };
            var documentErrors = new SchemaChecker(JsonSchrijver.Schema("trajecten")).Check(document.ToJsonString());
            if (geldig)
            {
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
                Assert.True(documentErrors.Count == 0, string.Join(Environment.NewLine, documentErrors));
                Assert.Null(reader);
            }
            else
            {
                Assert.NotEmpty(errors);
                Assert.NotEmpty(documentErrors);
                Assert.IsType<JsonInvoerException>(reader);
            }
        }
    }

    [Fact]
    public void A_trajecten_document_for_a_contract_id_outside_the_alphabet_breaks_the_schema()
    {
        var document = new JsonObject { ["contract"] = "../x", ["trajecten"] = new JsonArray() };
        Assert.NotEmpty(new SchemaChecker(JsonSchrijver.Schema("trajecten")).Check(document.ToJsonString()));
        document["contract"] = "ABG-2026";
        Assert.Empty(new SchemaChecker(JsonSchrijver.Schema("trajecten")).Check(document.ToJsonString()));
    }

    [Theory]
    [InlineData("contract.json", "contract")]
    [InlineData("trajecten.json", "trajecten")]
    [InlineData("trajecten.jsonl", "traject")]
    [InlineData("scenario.json", "scenario")]
    public void The_sample_data_conforms_to_the_schemas(string bestand, string schema)
    {
        var tekst = System.IO.File.ReadAllText(System.IO.Path.Combine(JsonVoorbeelden.RepoRoot(), "samples", "data", bestand));
        var documenten = bestand.EndsWith(".jsonl", StringComparison.Ordinal) ? tekst.Split('\n').Where(l => l.Length > 0).ToList() : new() { tekst };
        Assert.NotEmpty(documenten);
        foreach (var d in documenten)
        {
            SchemaTests.AssertConforms(schema, d);
        }
    }
}
