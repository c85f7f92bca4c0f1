using System;
using System.IO;
using Bekostiging.Json;
using Bekostiging.Tests.Json;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>The tool run in-process (<c>Program.Run</c> with captured writers): reading errors come with what the schema says.</summary>
public sealed class SchemaUitlegCliTests : IDisposable
{
    private readonly string _map = Path.Combine(Path.GetTempPath(), "bekostiging-cli-" + Guid.NewGuid().ToString("N"));

    public SchemaUitlegCliTests() => Directory.CreateDirectory(_map);

    public void Dispose() => Directory.Delete(_map, recursive: true);

    [Fact]
    public void A_bad_contract_field_prints_the_schema_description_under_the_error()
    {
        var pad = Schrijf("contract.json", BadInputTests.Mutate(BadInputTests.Contract(), n => n["plafond"] = "veel"));
        var (code, uit, fout) = Run("valideer", "--contract", pad);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, uit);
        var regels = fout.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"bekostiging valideer: ongeldige invoer: {pad}:1 $.plafond: ", regels[0], StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                "  Schema: The most that may be invoiced per calendar year (not indexed), or null (or left out) for no plafond.",
                "    expected: number (minimum 0; maximum 1000000000000; a multiple of 0.01) or null",
                "    (contract.schema.json#/properties/plafond)",
            },
            regels[1..]);
    }

    [Fact]
    public void A_misspelt_field_prints_the_allowed_fields_and_an_event_error_the_fields_of_its_kind()
    {
        var contract = Schrijf("contract.json", BadInputTests.Contract().Replace("\"plafond\"", "\"plafon\"", StringComparison.Ordinal));
        var (code, _, fout) = Run("valideer", "--contract", contract);
        Assert.Equal(1, code);
        Assert.Contains("\n  Schema: 'plafon' is not a field of Contract (raamovereenkomst); did you mean 'plafond'?\n    allowed fields: id, opdrachtgever, ", fout, StringComparison.Ordinal);

        // JSON Lines: the kind of the event on the line of the error decides what the schema says.
        var goed = Schrijf("goed.json", BadInputTests.Contract());
        var lines = JsonVoorbeelden.JsonLines();
        var trajecten = Schrijf("trajecten.jsonl", lines.Split('\n')[1] + "\n" + lines.Split('\n')[0].Replace("\"aantal\":2.5", "\"aantal\":2.5,\"bedrag\":10", StringComparison.Ordinal) + "\n");
        (code, _, fout) = Run("valideer", "--contract", goed, "--trajecten", trajecten);
        Assert.Equal(1, code);
        Assert.Contains($"ongeldige invoer: {trajecten}:2 $.gebeurtenissen[3].bedrag (traject T-1, event E4): ", fout, StringComparison.Ordinal);
        Assert.Contains("\n  Schema: 'bedrag' is not a field of Uren.\n    allowed fields: soort, id, datum, aantal, volgnummer, gemeld\n    (traject.schema.json#/$defs/gebeurtenis/oneOf/4)\n", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_without_a_place_in_a_document_print_no_schema_part()
    {
        var (code, _, fout) = Run("valideer", "--contract", Path.Combine(_map, "weg.json"));
        Assert.Equal(1, code);
        Assert.Equal($"bekostiging valideer: ongeldige invoer: {Path.Combine(_map, "weg.json")}: bestand niet gevonden.\n", fout);

        var kapot = Schrijf("kapot.json", "{\n  \"id\": \"ABG-2026\"\n  \"x\": 1 }");
        (code, _, fout) = Run("valideer", "--contract", kapot);
        Assert.Equal(1, code);
        Assert.DoesNotContain("Schema:", fout, StringComparison.Ordinal);

        var komma = Schrijf("komma.json", BadInputTests.Contract().Replace("\"plafond\":", "\n\"plafond\":,", StringComparison.Ordinal));
        (code, _, fout) = Run("valideer", "--contract", komma);
        Assert.Equal(1, code);
        Assert.DoesNotContain("Schema:", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_written_as_a_string_in_a_rule_prints_the_rule_field()
    {
        var contract = BadInputTests.Mutate(BadInputTests.Contract(), n => n["producten"]![1]!["model"]!["regels"]![0]!["tariefPerMaand"] = "425.00");
        var (code, _, fout) = Run("valideer", "--contract", Schrijf("contract.json", contract));
        Assert.Equal(1, code);
        Assert.Contains("$.producten[1].model.regels[0].tariefPerMaand: an amount is a JSON number of euros with at most two decimals, e.g. 750.00.\n"
            + "  Schema: The tariff for a full calendar month. An amount in euros, zero or more, with at most two decimals, e.g. 750.00.\n"
            + "    expected: number; minimum 0; maximum 1000000000000; a multiple of 0.01\n"
            + "    (contract.schema.json#/$defs/betaalregel/oneOf/3/properties/tariefPerMaand)\n", fout, StringComparison.Ordinal);
    }

    private string Schrijf(string naam, string tekst)
    {
        var pad = Path.Combine(_map, naam);
        File.WriteAllText(pad, tekst);
        return pad;
    }

    private static (int Code, string Uit, string Fout) Run(params string[] args)
    {
        using var uit = new StringWriter { NewLine = "\n" };
        using var fout = new StringWriter { NewLine = "\n" };
        var code = Bekostiging.Cli.Program.Run(args, uit, fout);
        return (code, uit.ToString(), fout.ToString());
    }
}
