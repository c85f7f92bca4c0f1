using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Json;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Tests.Cli;

/// <summary>Runs the real tool as its own process (<c>dotnet Bekostiging.Cli.dll …</c>) in a scratch folder.</summary>
public sealed class CliProces : IDisposable
{
    public CliProces()
    {
        Map = Path.Combine(Path.GetTempPath(), "bekostiging-proces-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Map);
    }

    public string Map { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Bekostiging.Cli.dll");

    public void Dispose()
    {
        if (Directory.Exists(Map))
        {
            Directory.Delete(Map, recursive: true);
        }
    }

    public string Pad(string naam) => Path.Combine(Map, naam);

    public string Schrijf(string naam, string tekst)
    {
        var pad = Pad(naam);
        Directory.CreateDirectory(Path.GetDirectoryName(pad)!);
        File.WriteAllText(pad, tekst);
        return pad;
    }

    /// <summary>Starts the tool without waiting (for parallel runs).</summary>
    public static Process Start(params string[] args) => Start(null, invoer: false, args);

    /// <summary>
    /// Starts the tool in <paramref name="map"/> (the test's own folder when null), with standard input open for
    /// writing when <paramref name="invoer"/> is set. The one way every process test starts the tool.
    /// </summary>
    public static Process Start(string? map, bool invoer, string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = invoer,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (map is not null)
        {
            psi.WorkingDirectory = map;
        }

        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(psi)!;
    }

    /// <summary>Waits for the tool (at most two minutes), after piping <paramref name="invoer"/> to it when given.</summary>
    public static (int Code, string Uit, string Fout) Wacht(Process p, byte[]? invoer = null)
    {
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEndAsync();
        if (invoer is not null)
        {
            using var stdin = p.StandardInput.BaseStream;
            stdin.Write(invoer, 0, invoer.Length);
        }

        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("the tool did not finish within 2 minutes.");
        }

        return (p.ExitCode, uit.Result.Replace("\r\n", "\n", StringComparison.Ordinal), fout.Result.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public static (int Code, string Uit, string Fout) Run(params string[] args)
    {
        using var p = Start(args);
        return Wacht(p);
    }

    /// <summary>
    /// The test contract K-1: from 2026-01-01 for two years, product "re-integratie" paid €1,000.00 at start
    /// (trajectprijs bij start), and an optional plafond and instroomgarantie.
    /// </summary>
    public static Raamovereenkomst Contract(Bekostigingsmodel? model = null, Instroomgarantie? instroomgarantie = null, Bedrag? plafond = null) =>
        new Raamovereenkomst("K-1", ValueList.Of("Gemeente A"), "Aanbieder X", new LocalDate(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, model ?? Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1000m)), Duur.Maanden(12))))
        with { Instroomgarantie = instroomgarantie, Plafond = plafond };

    public static TrajectInvoer Traject(string id, params Gebeurtenis[] events) => new(id, "C" + id, 1, "re-integratie", events.ToValueList());

    /// <summary>A JSON Lines file of trajecten.</summary>
    public static string JsonLines(IEnumerable<TrajectInvoer> trajecten) => string.Concat(trajecten.Select(t => JsonSchrijver.NaarInvoer(t, ingesprongen: false) + "\n"));

    public string SchrijfContract(Raamovereenkomst c) => Schrijf("contract.json", JsonSchrijver.NaarInvoer(c));

    public static IReadOnlyList<Bekostiging.Invoicing.Factuur> LeesHistorie(string pad) => JsonLezer.Facturen(File.ReadAllText(pad), pad);
}
