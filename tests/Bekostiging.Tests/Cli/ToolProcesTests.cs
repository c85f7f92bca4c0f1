using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bekostiging.Grafieken;
using Bekostiging.Scenarios;
using Bekostiging.Tests.Json;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// The real tool as a user starts it: a separate process (<c>dotnet Bekostiging.Cli.dll</c>) with its own standard
/// input, output and error, environment and signals.
/// </summary>
public sealed class ToolProcesTests : IDisposable
{
    private static readonly string Root = JsonVoorbeelden.RepoRoot();
    private static readonly string Data = Path.Combine(Root, "samples", "data");
    private readonly string _map = Path.Combine(Path.GetTempPath(), "bekostiging-proces-" + Guid.NewGuid().ToString("N"));

    public ToolProcesTests() => Directory.CreateDirectory(_map);

    public void Dispose() => Directory.Delete(_map, recursive: true);

    [Fact]
    public void Version_prints_the_package_version_and_exits_0()
    {
        var r = Start(new[] { "--version" });
        Assert.Equal(0, r.Code);

        // Directory.Build.props: <Version>0.1.0</Version>; a build may add "+<commit>".
        Assert.Matches(@"^0\.1\.0(\+[0-9a-f]+)?\n$", r.Uit);
        Assert.Equal(string.Empty, r.Fout);
    }

    [Fact]
    public void Help_is_Dutch_and_a_command_without_arguments_is_a_usage_error()
    {
        var r = Start(new[] { "afrekenen", "--help" });
        Assert.Equal(0, r.Code);
        Assert.Contains("Gebruik:\n  bekostiging afrekenen --contract <contract.json>", r.Uit, StringComparison.Ordinal);
        Assert.Contains("(verplicht)", r.Uit, StringComparison.Ordinal);
        Assert.Contains("-h, --help", r.Uit, StringComparison.Ordinal);

        var leeg = Start(Array.Empty<string>());
        Assert.Equal(2, leeg.Code);
        Assert.Contains("Opdrachten:", leeg.Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_command_or_option_gets_a_suggestion_and_exit_code_2()
    {
        var c = Start(new[] { "afrekenn", "--peildatum", "2026-12-31" });
        Assert.Equal(2, c.Code);
        Assert.Equal("bekostiging: onbekende opdracht 'afrekenn'; bedoelde u 'afrekenen'?\nZie 'bekostiging --help'.\n", c.Fout);
        Assert.Equal(string.Empty, c.Uit);

        // The value after the unknown option is not a second error, and the required option it resembles is not
        // reported missing: the one message names the mistake.
        var o = Start(new[] { "afrekenen", "--contract", Pad("contract.json"), "--trajecten", Pad("trajecten.json"), "--peildaum", "2026-12-31" });
        Assert.Equal(2, o.Code);
        Assert.Equal("bekostiging afrekenen: onbekende optie '--peildaum'; bedoelde u '--peildatum'?\nZie 'bekostiging afrekenen --help'.\n", o.Fout);

        var w = Start(new[] { "overzicht", "--facturen", Pad("contract.json"), "--jaar", "2026", "--kwartaal", "4", "--formaat", "cvs" });
        Assert.Equal(2, w.Code);
        Assert.StartsWith("bekostiging overzicht: --formaat cvs: kies tabel, csv of json; bedoelde u 'csv'?\n", w.Fout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_single_value_option_is_an_error_not_the_last_value()
    {
        var r = Start(new[] { "afrekenen", "--contract", Pad("contract.json"), "--trajecten", Pad("trajecten.json"), "--peildatum", "2026-06-30", "--peildatum", "2026-12-31" });
        Assert.Equal(2, r.Code);
        Assert.Equal("bekostiging afrekenen: optie --peildatum is 2 keer gegeven; geef haar één keer.\nZie 'bekostiging afrekenen --help'.\n", r.Fout);
        Assert.Equal(string.Empty, r.Uit);
    }

    [Fact]
    public void A_dash_reads_standard_input_and_writes_standard_output()
    {
        var metBestand = Start(new[] { "afrekenen", "--contract", Pad("contract.json"), "--trajecten", Pad("trajecten.jsonl"), "--peildatum", "2026-12-31", "--formaat", "json" });
        Assert.Equal(0, metBestand.Code);

        var contract = File.ReadAllText(Pad("contract.json"));
        var metStdin = Start(new[] { "afrekenen", "--contract", "-", "--trajecten", Pad("trajecten.jsonl"), "--peildatum", "2026-12-31", "--formaat", "json", "--uit", "-" }, invoer: contract);
        Assert.Equal(0, metStdin.Code);
        Assert.Equal(metBestand.Uit, metStdin.Uit);
        using (var doc = JsonDocument.Parse(metStdin.Uit))
        {
            Assert.Equal("ABG-2026", doc.RootElement.GetProperty("contractId").GetString());
        }

        // Trajecten on standard input, as a JSON document and as JSON Lines: the form is seen from the text.
        foreach (var bestand in new[] { "trajecten.json", "trajecten.jsonl" })
        {
            var v = Start(new[] { "valideer", "--contract", Pad("contract.json"), "--trajecten", "-" }, invoer: File.ReadAllText(Pad(bestand)));
            Assert.Equal(0, v.Code);
            Assert.EndsWith("<stdin>: 300 trajecten met geldige gebeurtenissen.\n", v.Uit, StringComparison.Ordinal);
        }

        // Standard input is one input.
        var twee = Start(new[] { "valideer", "--contract", "-", "--trajecten", "-" }, invoer: contract);
        Assert.Equal(2, twee.Code);
        Assert.Contains("standaardinvoer (-) kan maar één invoerbestand zijn", twee.Fout, StringComparison.Ordinal);

        // A reading error on standard input names <stdin>: exit code 1.
        var fout = Start(new[] { "valideer", "--contract", "-" }, invoer: "{\"id\": 1}");
        Assert.Equal(1, fout.Code);
        Assert.StartsWith("bekostiging valideer: ongeldige invoer: <stdin>", fout.Fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_0_1_2_as_documented()
    {
        Assert.Equal(0, Start(new[] { "valideer", "--scenario", Pad("scenario.json") }).Code);
        Assert.Equal(1, Start(new[] { "valideer", "--contract", Pad("scenario.json") }).Code);
        Assert.Equal(1, Start(new[] { "valideer", "--contract", Path.Combine(_map, "weg.json") }).Code);
        Assert.Equal(2, Start(new[] { "valideer" }).Code);
        Assert.Equal(2, Start(new[] { "afrekenen", "--contract", Pad("contract.json") }).Code);
        var datum = Start(new[] { "afrekenen", "--contract", Pad("contract.json"), "--trajecten", Pad("trajecten.json"), "--peildatum", "31-12-2026" });
        Assert.Equal(2, datum.Code);
        Assert.StartsWith("bekostiging afrekenen: --peildatum 31-12-2026: een datum schrijft u als jjjj-mm-dd", datum.Fout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_file_holds_the_arguments()
    {
        var rsp = Path.Combine(_map, "valideer.rsp");
        File.WriteAllLines(rsp, new[] { "valideer", "--contract", Pad("contract.json"), "--scenario", Pad("scenario.json") });
        var r = Start(new[] { "@" + rsp });
        Assert.Equal(0, r.Code);
        Assert.Contains("contract ABG-2026 geldig", r.Uit, StringComparison.Ordinal);
        Assert.Contains("scenario 'Weststellingwerf", r.Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_prints_a_shell_script_and_the_suggest_directive_completes()
    {
        var bash = Start(new[] { "completion", "bash" });
        Assert.Equal(0, bash.Code);
        Assert.Contains("complete -o default -F _bekostiging_aanvullen bekostiging", bash.Uit, StringComparison.Ordinal);

        // What the script asks: the words that complete "bekostiging afr" at its end (position 15).
        var woorden = Start(new[] { "[suggest:15]", "bekostiging afr" });
        Assert.Equal(0, woorden.Code);
        Assert.Equal("afrekenen\n", woorden.Uit);

        var opties = Start(new[] { "[suggest:34]", "bekostiging overzicht --formaat cs" });
        Assert.Equal("csv\n", opties.Uit);
    }

    [Fact]
    public async Task Ctrl_C_during_a_scenario_exits_130_and_writes_no_file()
    {
        var uit = Path.Combine(_map, "vergelijking");
        using var p = Proces(new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "1000000", "--uit", uit }, null);
        p.Start();
        var fout = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();

        // Well into the simulation (a million iterations take hours): past start-up, reading and validation.
        var klok = Stopwatch.StartNew();
        while ((klok.Elapsed < TimeSpan.FromSeconds(3) || p.TotalProcessorTime < TimeSpan.FromSeconds(1)) && !p.HasExited && klok.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        Assert.False(p.HasExited, "the scenario ended before it was interrupted");
        using (var kill = Process.Start("kill", new[] { "-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            await kill.WaitForExitAsync();
        }

        using var grens = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(grens.Token); // throws when the tool does not stop within a minute of Ctrl+C
        Assert.Equal(130, p.ExitCode);
        Assert.Equal("bekostiging vergelijk: afgebroken (Ctrl+C); er is niets geschreven.\n", await fout);
        Assert.Equal(string.Empty, await stdout);
        Assert.False(Directory.Exists(uit), "the output folder was made");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_map));
    }

    [Fact]
    public void Vergelijk_fits_100_columns_without_ANSI_when_redirected_and_prints_other_formats()
    {
        var r = Start(new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "4", "--zonder-gevoeligheid", "--uit", "v" }, omgeving: new() { ["COLUMNS"] = "100" });
        Assert.Equal(0, r.Code);
        Assert.DoesNotContain('\u001b', r.Uit);
        // The table (the lines after it name the files written, with their full paths).
        var regels = r.Uit[..r.Uit.IndexOf("\nGeschreven: ", StringComparison.Ordinal)].Split('\n');
        Assert.All(regels, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));

        // The five models of the sample scenario each start a row; the header has the main columns.
        Assert.Contains(regels, l => l.Contains("Verwachte", StringComparison.Ordinal) && l.Contains("Roomafroming", StringComparison.Ordinal));
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_map, "v", "vergelijking.json"))))
        {
            foreach (var m in doc.RootElement.GetProperty("modellen").EnumerateArray())
            {
                // Dutch form, right-aligned: the expected cost ends its column, e.g. "€ 1.142.517,37".
                var kosten = Bedrag.Parse(m.GetProperty("kosten").GetProperty("gemiddelde").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Contains(regels, l => l.Contains("  " + kosten + "  ", StringComparison.Ordinal));
            }
        }

        var smal = Start(new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "4", "--zonder-gevoeligheid", "--alle-kolommen", "--uit", "v" }, omgeving: new() { ["COLUMNS"] = "100" });
        Assert.All(smal.Uit[..smal.Uit.IndexOf("\nGeschreven: ", StringComparison.Ordinal)].Split('\n'), l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        Assert.Contains("Roomafroming", smal.Uit, StringComparison.Ordinal);

        var csv = Start(new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "4", "--zonder-gevoeligheid", "--formaat", "csv", "--uit", "v" });
        Assert.Equal(0, csv.Code);
        Assert.StartsWith(string.Join(';', Vergelijkingstabel.CsvKolommen) + "\n", csv.Uit, StringComparison.Ordinal);
        Assert.Equal(6, csv.Uit.TrimEnd('\n').Split('\n').Length); // header + 5 models
        Assert.Contains("Geschreven: ", csv.Fout, StringComparison.Ordinal);

        var json = Start(new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "4", "--zonder-gevoeligheid", "--formaat", "json", "--uit", "v" });
        using (var doc = JsonDocument.Parse(json.Uit))
        {
            Assert.Equal(5, doc.RootElement.GetProperty("modellen").GetArrayLength());
        }
    }

    [Fact]
    public void On_a_terminal_the_table_has_colour_unless_NO_COLOR()
    {
        // script(1) gives the tool a pseudo-terminal as standard output.
        var args = new[] { "vergelijk", Pad("scenario.json"), "--iteraties", "2", "--zonder-gevoeligheid", "--uit", "v" };
        var kleur = InTerminal(args, new() { ["COLUMNS"] = "100", ["TERM"] = "xterm-256color" });
        Assert.Contains("\u001b[1m", kleur, StringComparison.Ordinal);

        // No colour or style (SGR, ESC [ … m). The .NET console itself may still switch the terminal's keypad mode.
        var zonder = InTerminal(args, new() { ["COLUMNS"] = "100", ["TERM"] = "xterm-256color", ["NO_COLOR"] = "1" });
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*m", zonder);
        Assert.Contains("Verwachte", zonder, StringComparison.Ordinal);
    }

    private static string Pad(string bestand) => Path.Combine(Data, bestand);

    private static string CliDll()
    {
        var naast = Path.Combine(AppContext.BaseDirectory, "Bekostiging.Cli.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Bekostiging.Cli.runtimeconfig.json")))
        {
            return naast;
        }

        var configuratie = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        return Path.Combine(Root, "src", "Bekostiging.Cli", "bin", configuratie, "net10.0", "Bekostiging.Cli.dll");
    }

    private Process Proces(IEnumerable<string> args, Dictionary<string, string>? omgeving, string programma = "dotnet", IEnumerable<string>? voor = null)
    {
        var info = new ProcessStartInfo(programma)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _map,
        };
        foreach (var a in (voor ?? new[] { CliDll() }).Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("NO_COLOR");
        info.Environment.Remove("COLUMNS");
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in omgeving ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        return new Process { StartInfo = info };
    }

    private (int Code, string Uit, string Fout) Start(IEnumerable<string> args, string? invoer = null, Dictionary<string, string>? omgeving = null)
    {
        using var p = Proces(args, omgeving);
        p.Start();
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEndAsync();
        if (invoer is not null)
        {
            p.StandardInput.Write(invoer);
        }

        p.StandardInput.Close();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not finish");
        return (p.ExitCode, uit.Result.Replace("\r\n", "\n", StringComparison.Ordinal), fout.Result.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private string InTerminal(IEnumerable<string> args, Dictionary<string, string> omgeving)
    {
        var commando = string.Join(' ', new[] { "dotnet", CliDll() }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        using var p = Proces(Array.Empty<string>(), omgeving, "script", new[] { "-qec", commando, "/dev/null" });
        p.Start();
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEndAsync();
        p.StandardInput.Close();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not finish");
        Assert.True(p.ExitCode == 0, fout.Result + uit.Result);
        return uit.Result;
    }
}
