using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Cli.Commando;
using Bekostiging.Json;

namespace Bekostiging.Cli;

/// <summary>
/// The bekostiging tool. Exit codes: 0 ok, 1 invalid input (the message names file, path or line, traject, event and
/// rule), 2 usage error, 3 internal error, 130 cancelled (Ctrl+C). Errors go to standard error, never with a stack trace.
/// </summary>
public static class Program
{
    /// <summary>The exit code of a run cancelled by Ctrl+C (128 + SIGINT), as shells and dotnet report it.</summary>
    public const int Afgebroken = 130;

    /// <summary>The tool's commands, fresh for every run (each declares its own options).</summary>
    internal static IReadOnlyList<ICommando> Commandos() => new ICommando[]
    {
        new Afrekenen(), new Factureren(), new Overzicht(), new Vergelijk(), new Valideer(), new Kalibreer(),
    };

    public static int Main(string[] args)
    {
        using var annulering = new CancellationTokenSource();

        // The first Ctrl+C cancels the run: the command stops at the next traject or iteration and writes nothing.
        // A second one ends the process at once, as usual.
        Console.CancelKeyPress += (_, e) =>
        {
            if (!annulering.IsCancellationRequested)
            {
                e.Cancel = true;
                annulering.Cancel();
            }
        };
        return Run(args ?? Array.Empty<string>(), Terminal.Console(), annulering.Token);
    }

    /// <summary>Runs the tool with the given arguments and writers, no standard input (for tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
        => Run(args, TextReader.Null, uit, fout);

    /// <summary>Runs the tool with the given arguments, standard input and writers (for tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextReader invoer, TextWriter uit, TextWriter fout)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(uit);
        ArgumentNullException.ThrowIfNull(fout);
        return Run(args, Terminal.Voor(invoer, uit, fout), CancellationToken.None);
    }

    internal static int Run(IReadOnlyList<string> args, Terminal t, CancellationToken annulering)
        => Run(args, t, Commandos(), annulering);

    /// <summary>Runs the tool with the given commands (tests add one that fails to see exit code 3).</summary>
    internal static int Run(IReadOnlyList<string> args, Terminal t, IReadOnlyList<ICommando> commandos, CancellationToken annulering)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(commandos);
        t.Activeer();
        var root = Opdrachtregel.Maak(commandos, t);
        var naam = Opdrachtregel.Programma;
        foreach (var c in commandos)
        {
            var command = root.Subcommands.First(s => s.Name == c.Naam);
            var commando = c;
            command.SetAction(p => commando.Voer(p, t, annulering));
        }

        var p = root.Parse(args);
        if (p.CommandResult.Command is not RootCommand)
        {
            naam += " " + p.CommandResult.Command.Name;
        }

        if (p.Action is ParseErrorAction)
        {
            foreach (var melding in Opdrachtregel.Fouten(p))
            {
                t.Fout.WriteLine($"{naam}: {melding}");
            }

            t.Fout.WriteLine($"Zie '{naam} --help'.");
            return 2;
        }

        try
        {
            return p.Invoke(new InvocationConfiguration
            {
                Output = t.Uit,
                Error = t.Fout,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (GebruiksFout e)
        {
            t.Fout.WriteLine($"{naam}: {e.Message}");
            t.Fout.WriteLine($"Zie '{naam} --help'.");
            return 2;
        }
        catch (JsonInvoerException e)
        {
            t.Fout.WriteLine($"{naam}: ongeldige invoer: {e.Message}");
            SchrijfSchemaUitleg(e, t);
            return 1;
        }
        catch (BekostigingException e)
        {
            t.Fout.WriteLine($"{naam}: ongeldige invoer: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (annulering.IsCancellationRequested)
        {
            if (t.FoutIsTerminal)
            {
                t.Fout.WriteLine(); // after the progress bar's line
            }

            t.Fout.WriteLine($"{naam}: afgebroken (Ctrl+C); er is niets geschreven.");
            return Afgebroken;
        }
        catch (IOException e)
        {
            t.Fout.WriteLine($"{naam}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            t.Fout.WriteLine($"{naam}: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The tool's contract: an internal error is reported with exit code 3, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            t.Fout.WriteLine($"{naam}: interne fout ({e.GetType().Name}): {e.Message}");
            t.Fout.WriteLine("Dit is een fout in bekostiging, niet in uw invoer. Meld het, met deze melding en de opdracht die u gaf.");
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
            throw new JsonInvoerException(Invoer.Naam(bestand), null, null, e.Regel, e.TrajectId, e.GebeurtenisId, e.Code, e);
        }
    }

    /// <summary>
    /// Under a reading error, indented: what the input document's JSON Schema says about the place of the error (its
    /// description, the expected value, the allowed fields). Nothing when the error has no place in a document, or the
    /// schema says nothing about it. The file is read again only to see the kind (soort) of the rule or event; standard
    /// input is not read again but taken as it was read.
    /// </summary>
    private static void SchrijfSchemaUitleg(JsonInvoerException e, Terminal t)
    {
        if (e.Schema is null || e.Pad is null)
        {
            return;
        }

        string? tekst = null;
        try
        {
            if (e.Bestand == Invoer.StandaardinvoerNaam)
            {
                tekst = t.InvoerTekst is { } alles && e.Schema == "traject" && e.Regelnummer is { } r
                    ? alles.Split('\n').Skip((int)Math.Min(int.MaxValue, r - 1)).FirstOrDefault()
                    : t.InvoerTekst;
            }
            else
            {
                var info = new FileInfo(e.Bestand);
                if (info.Exists && info.Length <= Invoerlimieten.Standaard.MaximaleBestandsgrootte)
                {
                    tekst = e.Schema == "traject" && e.Regelnummer is { } regel
                        ? File.ReadLines(e.Bestand).Skip((int)Math.Min(int.MaxValue, regel - 1)).FirstOrDefault()
                        : File.ReadAllText(e.Bestand);
                }
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
                t.Fout.WriteLine("  " + regel);
            }
        }
    }
}
