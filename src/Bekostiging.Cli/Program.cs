using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bekostiging.Cli.Commando;
using Bekostiging.Json;

namespace Bekostiging.Cli;

/// <summary>
/// The bekostiging tool. Exit codes: 0 ok, 1 invalid input (the message names file, path or line, traject, event and
/// rule), 2 usage error, 3 internal error. Errors go to standard error, never with a stack trace.
/// </summary>
public static class Program
{
    internal static IReadOnlyList<ICommando> Commandos { get; } = new ICommando[]
    {
        new Afrekenen(), new Factureren(), new Overzicht(), new Vergelijk(), new Valideer(), new Kalibreer(),
    };

    public static int Main(string[] args) => Run(args ?? Array.Empty<string>(), Console.Out, Console.Error);

    /// <summary>Runs the tool with the given arguments and writers (for tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(uit);
        ArgumentNullException.ThrowIfNull(fout);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            uit.Write(Hulp());
            return args.Count == 0 ? 2 : 0;
        }

        var commando = Commandos.FirstOrDefault(c => c.Naam == args[0]);
        if (commando is null)
        {
            fout.WriteLine($"bekostiging: unknown command '{args[0]}'.");
            fout.Write(Hulp());
            return 2;
        }

        try
        {
            var a = Argumenten.Lees(args.Skip(1).ToList(), commando.Vlaggen);
            if (a.Help)
            {
                uit.WriteLine(commando.Omschrijving);
                uit.WriteLine();
                uit.Write(commando.Gebruik);
                uit.WriteLine();
                return 0;
            }

            return commando.Voer(a, uit);
        }
        catch (GebruiksFout e)
        {
            fout.WriteLine($"bekostiging {commando.Naam}: {e.Message}");
            return 2;
        }
        catch (JsonInvoerException e)
        {
            fout.WriteLine($"bekostiging {commando.Naam}: invalid input: {e.Message}");
            SchrijfSchemaUitleg(e, fout);
            return 1;
        }
        catch (BekostigingException e)
        {
            fout.WriteLine($"bekostiging {commando.Naam}: invalid input: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            fout.WriteLine($"bekostiging {commando.Naam}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            fout.WriteLine($"bekostiging {commando.Naam}: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The tool's contract: an internal error is reported with exit code 3, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            fout.WriteLine($"bekostiging {commando.Naam}: internal error ({e.GetType().Name}): {e.Message}");
            return 3;
        }
    }

    /// <summary>Runs an engine call on the input of <paramref name="bestand"/>; a domain error names that file besides its traject, event and rule.</summary>
    internal static T MetTraject<T>(string bestand, Func<T> f)
    {
        try
        {
            return f();
        }
        catch (BekostigingException e)
        {
            throw new JsonInvoerException(bestand, null, null, e.Regel, e.TrajectId, e.GebeurtenisId, e.Code, e);
        }
    }

    /// <summary>
    /// Under a reading error, indented: what the input document's JSON Schema says about the place of the error (its
    /// description, the expected value, the allowed fields). Nothing when the error has no place in a document, or the
    /// schema says nothing about it. The file is read again only to see the kind (soort) of the rule or event.
    /// </summary>
    private static void SchrijfSchemaUitleg(JsonInvoerException e, TextWriter fout)
    {
        if (e.Schema is null || e.Pad is null)
        {
            return;
        }

        string? tekst = null;
        try
        {
            var info = new FileInfo(e.Bestand);
            if (info.Exists && info.Length <= Invoerlimieten.Standaard.MaximaleBestandsgrootte)
            {
                tekst = e.Schema == "traject" && e.Regelnummer is { } regel
                    ? File.ReadLines(e.Bestand).Skip((int)Math.Min(int.MaxValue, regel - 1)).FirstOrDefault()
                    : File.ReadAllText(e.Bestand);
            }
        }
        catch (IOException)
        {
            tekst = null;
        }
        catch (UnauthorizedAccessException)
        {
            tekst = null;
        }
        catch (Exception x) when (x is ArgumentException or NotSupportedException)
        {
            tekst = null;
        }

        if (JsonSchemaUitleg.Voor(e, tekst) is { } uitleg)
        {
            foreach (var regel in uitleg.ToString().Split('\n'))
            {
                fout.WriteLine("  " + regel);
            }
        }
    }

    private static string Hulp()
    {
        using var sw = new StringWriter();
        sw.WriteLine("bekostiging — settle, invoice and compare re-integration contracts (docs/cli.md)");
        sw.WriteLine();
        sw.WriteLine("usage: bekostiging <command> [options]     bekostiging <command> --help");
        sw.WriteLine();
        foreach (var c in Commandos)
        {
            sw.WriteLine($"  {c.Naam,-12} {c.Omschrijving}");
        }

        sw.WriteLine();
        sw.WriteLine("exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal error");
        return sw.ToString();
    }
}
