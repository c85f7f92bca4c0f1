using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// Hostile input against the real tool (a separate process, issue 13 points 4, 9–12, 14, 15): every refusal is exit 1
/// with the file, line, JSON path and rule on standard error, and nothing is written.
/// </summary>
public sealed class InvoerveiligCliTests : IDisposable
{
    private readonly EchteCli _cli = new();

    public void Dispose() => _cli.Dispose();

    // ---------- point 9: path traversal ----------

    [Fact]
    public void A_contract_id_that_climbs_out_of_the_folder_is_refused_and_nothing_is_written()
    {
        var contract = Contract(c => c["id"] = "/../../../tmp/x");
        var trajecten = Trajecten("/../../../tmp/x", Traject("T-1", "C-1"));
        var (code, uit, fout) = _cli.Run("factureren", "--contract", contract, "--trajecten", trajecten, "--datum", "2026-06-30", "--uit", "uit");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, uit);
        // The id is on line 2 of the indented sample contract.
        Assert.StartsWith($"bekostiging factureren: ongeldige invoer: {contract}:2 $.id: contract id '/../../../tmp/x': character U+002F at position 1 is not allowed; an id uses only ASCII letters, digits, '-', '_' and '.'.", fout, StringComparison.Ordinal);
        Assert.Equal(new[] { "contract.json", "trajecten.json" }, _cli.Bestanden());
        Assert.False(File.Exists("/tmp/x.json"));
    }

    [Theory]
    [InlineData("../../x-", "an id does not start with a dot")]
    [InlineData("a/../../b-", "character U+002F at position 2 is not allowed")]
    [InlineData("F\\..\\", "character U+005C at position 2 is not allowed")]
    public void A_prefix_with_a_path_in_it_is_refused_and_nothing_is_written(string prefix, string regel)
    {
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", Trajecten("ABG-2026", Traject("T-1", "C-1")), "--datum", "2026-06-30", "--uit", "uit", "--prefix", prefix);

        Assert.Equal(1, code);
        Assert.Contains($"prefix '{prefix}': {regel}", fout, StringComparison.Ordinal);
        Assert.Equal(new[] { "contract.json", "trajecten.json" }, _cli.Bestanden());
    }

    // ---------- point 11: CSV injection ----------

    [Fact]
    public void Formula_cells_in_ids_clients_and_contact_persons_are_neutralised_in_invoice_and_statement_csv()
    {
        // Each value would be a live formula (or a hidden new line) in a spreadsheet.
        var hostile = new[]
        {
            ("=1+1", "=HYPERLINK(\"http://x\";\"klik\")", "@SUM(A1:A9)"),
            ("+T-2", "-2+3", "\tTAB"),
            ("@T-3", "C-3", "\rCR"),
            ("-T-4", "C-4", "rol\rregel"),
        };
        var trajecten = Trajecten("ABG-2026", hostile.Select(h => Traject(h.Item1, h.Item2, h.Item3)).ToArray());
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", trajecten, "--datum", "2026-03-31", "--uit", "uit");
        Assert.True(code == 0, fout);

        // One start fee of €750.00 per traject (the sample contract's starttarief), in Dutch notation.
        var factuur = Lees(Path.Combine(_cli.Map, "uit", "factuur-ABG-2026-0001.csv"), ";");
        Assert.Equal(4, factuur.Count);
        foreach (var (traject, client, contact) in hostile)
        {
            var rij = Assert.Single(factuur, r => r["traject"] == "'" + traject);
            Assert.Equal(client.StartsWith('-') || client.StartsWith('=') ? "'" + client : client, rij["client"]);
            Assert.Equal(contact[0] is 'r' ? contact : "'" + contact, rij["contactpersoon"]);
            Assert.Equal("750,00", rij["bedrag"]);
        }

        GeenFormules(factuur, "bedrag", "btw");

        var overzichtPad = Path.Combine(_cli.Map, "uit", "overzicht.csv");
        (code, _, fout) = _cli.Run("overzicht", "--facturen", Path.Combine("uit", "facturen.json"), "--jaar", "2026", "--kwartaal", "1", "--formaat", "csv", "--getallen", "invariant", "--uit", overzichtPad);
        Assert.True(code == 0, fout);
        var overzicht = Lees(overzichtPad, ",");
        Assert.Contains(overzicht, r => r["traject"] == "'=1+1" && r["client"] == "'=HYPERLINK(\"http://x\";\"klik\")" && r["contactpersoon"] == "'@SUM(A1:A9)" && r["netto"] == "750.00");
        Assert.Contains(overzicht, r => r["traject"] == "'+T-2" && r["client"] == "'-2+3" && r["contactpersoon"] == "'\tTAB");
        Assert.Contains(overzicht, r => r["traject"] == "totaal kwartaal" && r["netto"] == "3000.00"); // 4 × 750.00
        GeenFormules(overzicht, "gefactureerd", "gecrediteerd", "netto");

        // The raw carriage return is inside a quoted cell, so it cannot start a new row.
        Assert.Contains("\"'\rCR\"", File.ReadAllText(overzichtPad), StringComparison.Ordinal);
    }

    // ---------- point 4: indexatie range ----------

    [Theory]
    [InlineData("-150", "-150")]
    [InlineData("100.01", "100.01")]
    public void An_indexation_percentage_out_of_range_is_refused_naming_path_and_line(string waarde, string getoond)
    {
        var tekst = File.ReadAllText(Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json"));
        var contract = _cli.Schrijf("contract.json", tekst.Replace("\"percentage\": 4.96", "\"percentage\": " + waarde, StringComparison.Ordinal));
        var (code, _, fout) = _cli.Run("valideer", "--contract", contract);

        Assert.Equal(1, code);
        var regel = tekst[..tekst.IndexOf("4.96", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.StartsWith($"bekostiging valideer: ongeldige invoer: {contract}:{regel} $.indexatie.percentages[0].percentage: an indexation percentage lies between -50 % and +100 % per year, not {getoond} %.", fout, StringComparison.Ordinal);
    }

    // ---------- point 12: durations ----------

    [Fact]
    public void A_verlenging_of_100000_years_is_refused_at_read_time_naming_the_event()
    {
        var verlenging = new JsonObject { ["soort"] = "verlenging", ["id"] = "V1", ["datum"] = "2026-05-01", ["periode"] = new JsonObject { ["aantal"] = 100_000, ["eenheid"] = "jaren" } };
        var trajecten = Trajecten("ABG-2026", Traject("T-1", "C-1", extra: verlenging));
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", trajecten, "--datum", "2026-06-30", "--uit", "uit");

        Assert.Equal(1, code);
        Assert.Contains("$.trajecten[0].gebeurtenissen[2].periode (traject T-1, event V1): a duration is at most 100 years: 100000 jaren is more than 100.", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", fout, StringComparison.Ordinal);
        Assert.Equal(new[] { "contract.json", "trajecten.json" }, _cli.Bestanden());
    }

    // ---------- point 14: invalid UTF-8 ----------

    [Fact]
    public void A_contract_with_invalid_utf8_is_refused_not_read_with_replacement_characters()
    {
        var tekst = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json")));
        var at = Array.IndexOf(tekst, (byte)'V'); // in "Voorbeeld", the provider's name
        tekst[at] = 0xFF;
        var contract = _cli.Schrijf("contract.json", tekst);
        var (code, _, fout) = _cli.Run("valideer", "--contract", contract);

        Assert.Equal(1, code);
        Assert.StartsWith($"bekostiging valideer: ongeldige invoer: {contract}: het bestand is geen geldige UTF-8", fout, StringComparison.Ordinal);

        var jsonl = _cli.Schrijf("trajecten.jsonl", Encoding.UTF8.GetBytes(Traject("T-1", "C-1").ToJsonString() + "\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray());
        (code, _, fout) = _cli.Run("valideer", "--contract", Contract(), "--trajecten", jsonl);
        Assert.Equal(1, code);
        Assert.Contains($"{jsonl}: het bestand is geen geldige UTF-8", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_on_standard_input_is_refused_as_strictly_as_in_a_file()
    {
        // The sample contract piped in with one byte of "Voorbeeld" replaced by 0xFF (never a UTF-8 byte).
        var tekst = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json")));
        tekst[Array.IndexOf(tekst, (byte)'V')] = 0xFF;
        var (code, _, fout) = _cli.Run(tekst, "valideer", "--contract", "-");
        Assert.Equal(1, code);
        Assert.StartsWith("bekostiging valideer: ongeldige invoer: <stdin>: de invoer is geen geldige UTF-8", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", fout, StringComparison.Ordinal);

        // A JSON Lines stream on standard input with a broken two-byte sequence (0xC3 0x28) in its second line.
        var jsonl = Encoding.UTF8.GetBytes(Traject("T-1", "C-1").ToJsonString() + "\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        (code, _, fout) = _cli.Run(jsonl, "factureren", "--contract", Contract(), "--trajecten", "-", "--datum", "2026-06-30", "--uit", "uit");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>: de invoer is geen geldige UTF-8", fout, StringComparison.Ordinal);
        Assert.Equal(new[] { "contract.json" }, _cli.Bestanden());

        // The same stream without the bad bytes is read from standard input.
        (code, _, fout) = _cli.Run(Encoding.UTF8.GetBytes(Traject("T-1", "C-1").ToJsonString() + "\n"), "valideer", "--contract", Contract(), "--trajecten", "-");
        Assert.True(code == 0, fout);
    }

    // ---------- point 15: look-alike ids ----------

    [Theory]
    [InlineData("T-00005 ", "traject id 'T-00005 ': an id has no white space at its start or end.")]
    [InlineData("T-000\u200B05", "traject id 'T-000\\u200B05': character U+200B at position 6 is an invisible format character; ids that look alike must be the same id.")]
    [InlineData("T-\u0660\u0660\u0660\u0660\u0665", "traject id 'T-\\u0660\\u0660\\u0660\\u0660\\u0665': character U+0660 at position 3 is a digit other than 0–9; ids that look alike must be the same id.")]
    [InlineData("T-00\u00A005", "traject id 'T-00\\u00A005': character U+00A0 at position 5 is white space other than a plain space; ids that look alike must be the same id.")]
    public void A_look_alike_traject_id_is_refused(string id, string regel)
    {
        var trajecten = Trajecten("ABG-2026", Traject("T-00004", "C-4"), Traject(id, "C-5"));
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", trajecten, "--datum", "2026-06-30", "--uit", "uit");

        Assert.Equal(1, code);
        Assert.Contains($"$.trajecten[1].id: [OngeldigeParameter] {regel}", fout, StringComparison.Ordinal);
        Assert.Equal(new[] { "contract.json", "trajecten.json" }, _cli.Bestanden());
    }

    [Fact]
    public void Traject_ids_that_differ_only_in_case_are_reported_as_duplicates_in_a_document_and_in_json_lines()
    {
        var trajecten = Trajecten("ABG-2026", Traject("T-00005", "C-5"), Traject("t-00005", "C-5"));
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", trajecten, "--datum", "2026-06-30", "--uit", "uit");
        Assert.Equal(1, code);
        Assert.Contains($"{trajecten} $.trajecten[1].id (traject t-00005): traject ids T-00005 and t-00005 differ only in case: one traject given twice (also at $.trajecten[0]).", fout, StringComparison.Ordinal);

        var jsonl = _cli.Schrijf("trajecten.jsonl", Traject("T-00005", "C-5").ToJsonString() + "\n" + Traject("t-00005", "C-5").ToJsonString() + "\n");
        (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", jsonl, "--datum", "2026-06-30", "--uit", "uit");
        Assert.Equal(1, code);
        Assert.Contains($"{jsonl}:2 $.id (traject t-00005): traject ids T-00005 and t-00005 differ only in case: one traject given twice.", fout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.Map, "uit")));
    }

    // ---------- point 10: special targets ----------

    [Fact]
    public void A_symbolic_link_or_a_pipe_as_output_is_refused_and_left_as_it_is()
    {
        var facturen = Factureer();
        var elders = _cli.Schrijf("elders.txt", "niet overschrijven");
        var link = Path.Combine(_cli.Map, "link.csv");
        File.CreateSymbolicLink(link, elders);

        var (code, _, fout) = _cli.Run("overzicht", "--facturen", facturen, "--jaar", "2026", "--kwartaal", "2", "--formaat", "csv", "--uit", link);
        Assert.Equal(1, code);
        Assert.Contains($"weigert {link} te schrijven: het is een symbolische link (naar {elders})", fout, StringComparison.Ordinal);
        Assert.Equal(elders, new FileInfo(link).LinkTarget);
        Assert.Equal("niet overschrijven", File.ReadAllText(elders));

        if (OperatingSystem.IsLinux())
        {
            var pijp = Path.Combine(_cli.Map, "pijp");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pijp)!)
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            (code, _, fout) = _cli.Run("overzicht", "--facturen", facturen, "--jaar", "2026", "--kwartaal", "2", "--uit", pijp);
            Assert.Equal(1, code);
            Assert.Contains($"weigert {pijp} te schrijven: het bestaat en is een named pipe (FIFO), geen gewoon bestand; het wordt niet vervangen.", fout, StringComparison.Ordinal);
            Assert.Equal(0x1000, Bekostiging.Cli.Bestandssoort.Van(pijp)); // still the pipe, not replaced by a file

            // A character device like /dev/null, made in the test's own folder (root only), is refused the same way.
            if (Environment.UserName == "root")
            {
                var apparaat = Path.Combine(_cli.Map, "nulapparaat");
                using (var mknod = System.Diagnostics.Process.Start("mknod", new[] { apparaat, "c", "1", "3" })!)
                {
                    mknod.WaitForExit();
                    Assert.Equal(0, mknod.ExitCode);
                }

                (code, _, fout) = _cli.Run("overzicht", "--facturen", facturen, "--jaar", "2026", "--kwartaal", "2", "--formaat", "csv", "--uit", apparaat);
                Assert.Equal(1, code);
                Assert.Contains($"weigert {apparaat} te schrijven: het bestaat en is een tekenapparaat (character device), geen gewoon bestand; het wordt niet vervangen.", fout, StringComparison.Ordinal);
                Assert.Equal(0x2000, Bekostiging.Cli.Bestandssoort.Van(apparaat));
            }
        }
    }

    [Fact]
    public void An_invoice_run_whose_targets_include_a_link_writes_nothing_at_all()
    {
        var uit = Directory.CreateDirectory(Path.Combine(_cli.Map, "uit")).FullName;
        var elders = _cli.Schrijf("elders.txt", "niet overschrijven");
        File.CreateSymbolicLink(Path.Combine(uit, "factuur-ABG-2026-0001.csv"), elders);

        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", Trajecten("ABG-2026", Traject("T-1", "C-1")), "--datum", "2026-06-30", "--uit", uit);
        Assert.Equal(1, code);
        Assert.Contains("factuur-ABG-2026-0001.csv te schrijven: het is een symbolische link", fout, StringComparison.Ordinal);
        // Only the link itself and the run's (empty) lock file, which stays by design: the lock is the OS lock on it.
        Assert.Equal(new[] { ".facturen.json.lock", "factuur-ABG-2026-0001.csv" }, Directory.GetFileSystemEntries(uit).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("niet overschrijven", File.ReadAllText(elders));

        // A device as the folder: refused, not replaced.
        (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", Trajecten("ABG-2026", Traject("T-1", "C-1")), "--datum", "2026-06-30", "--uit", elders);
        Assert.Equal(1, code);
        Assert.Contains($"weigert te schrijven in {elders} (--uit): het bestaat en is geen map", fout, StringComparison.Ordinal);
        Assert.Equal("niet overschrijven", File.ReadAllText(elders));
    }

    // ---------- helpers ----------

    private string Factureer()
    {
        var (code, _, fout) = _cli.Run("factureren", "--contract", Contract(), "--trajecten", Trajecten("ABG-2026", Traject("T-1", "C-1")), "--datum", "2026-06-30", "--uit", "run");
        Assert.True(code == 0, fout);
        return Path.Combine(_cli.Map, "run", "facturen.json");
    }

    private static void GeenFormules(List<Dictionary<string, string>> rijen, params string[] getalKolommen)
    {
        foreach (var rij in rijen)
        {
            foreach (var (kolom, cel) in rij)
            {
                if (getalKolommen.Contains(kolom) && cel.Length > 0)
                {
                    Assert.True(decimal.TryParse(cel.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"{kolom} = '{cel}' is not a number");
                }
                else
                {
                    Assert.False(cel.Length > 0 && cel[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{kolom} = '{cel}' starts with a formula character");
                }
            }
        }
    }

    private static List<Dictionary<string, string>> Lees(string pad, string scheidingsteken)
    {
        using var reader = new StreamReader(pad);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = scheidingsteken });
        csv.Read();
        csv.ReadHeader();
        var kop = csv.HeaderRecord!;
        var rijen = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            Assert.Equal(kop.Length, csv.Parser.Count);
            rijen.Add(kop.Select((k, i) => (k, csv.GetField(i)!)).ToDictionary(t => t.k, t => t.Item2));
        }

        return rijen;
    }

    private string Contract(Action<JsonNode>? wijzig = null)
    {
        var tekst = File.ReadAllText(Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json"));
        if (wijzig is not null)
        {
            // Re-indented like the sample, so the id stays on line 2.
            var node = JsonNode.Parse(tekst)!;
            wijzig(node);
            tekst = node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        }

        return _cli.Schrijf("contract.json", tekst);
    }

    private string Trajecten(string contract, params JsonObject[] trajecten)
        => _cli.Schrijf("trajecten.json", new JsonObject { ["contract"] = contract, ["trajecten"] = new JsonArray(trajecten) }.ToJsonString());

    /// <summary>A traject of profiel 1 (starttarief €750.00 at start): aangemeld 2 February 2026, started 9 February.</summary>
    private static JsonObject Traject(string id, string client, string? contactpersoon = null, JsonObject? extra = null)
    {
        var events = new JsonArray(
            new JsonObject { ["soort"] = "aanmelding", ["id"] = "A", ["datum"] = "2026-02-02" },
            new JsonObject { ["soort"] = "start", ["id"] = "S", ["datum"] = "2026-02-09" });
        if (extra is not null)
        {
            events.Add(extra);
        }

        var t = new JsonObject { ["id"] = id, ["client"] = client, ["profiel"] = 1, ["product"] = "re-integratie", ["gebeurtenissen"] = events };
        if (contactpersoon is not null)
        {
            t["contactpersoon"] = contactpersoon;
        }

        return t;
    }
}
