using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Cli.Commando;

namespace Bekostiging.Cli;

/// <summary>
/// The command line of the tool on System.CommandLine: the commands and their options, Dutch help (<c>-h</c>,
/// <c>--help</c>), <c>--version</c>, response files (<c>@bestand</c>), the <c>[suggest]</c> directive behind
/// <c>bekostiging completion bash|zsh|pwsh</c>, and parse errors in Dutch with "bedoelde u …?".
/// </summary>
internal static class Opdrachtregel
{
    public const string Programma = "bekostiging";

    // A space that the wrapping keeps (between an option and its value in the usage line).
    private const char Vast = '\u0001';

    public static RootCommand Maak(IReadOnlyList<ICommando> commandos, Terminal t)
    {
        var root = new RootCommand("bekostiging — trajecten afrekenen, factureren en bekostigingsmodellen vergelijken (docs/cli.md)");
        var toelichtingen = new Dictionary<Command, string>();
        foreach (var o in root.Options)
        {
            if (o is HelpOption h)
            {
                h.Description = "toon deze hulp";
                h.Action = new Hulp(t, toelichtingen);
            }
            else if (o is VersionOption v)
            {
                v.Description = "toon het versienummer";
            }
        }

        foreach (var c in commandos)
        {
            var command = new Command(c.Naam, c.Omschrijving);
            c.Definieer(command);
            root.Add(command);
            if (c.Toelichting is { } tekst)
            {
                toelichtingen[command] = tekst;
            }
        }

        root.Add(Completion.Maak(t));
        root.SetAction(_ =>
        {
            t.Uit.Write(Hulptekst(root, t.Breedte, null));
            return 2;
        });
        return root;
    }

    /// <summary>The Dutch messages for the parse errors, each with "bedoelde u …?" where a known word is close.</summary>
    public static List<string> Fouten(ParseResult p)
    {
        var meldingen = new List<string>();
        var command = p.CommandResult.Command;
        var bedoeld = new HashSet<Option>();
        var eerste = true;
        var naOptie = false;
        foreach (var token in p.UnmatchedTokens)
        {
            if (naOptie && !token.StartsWith('-'))
            {
                // The value of the unknown option before it: not a second error.
                naOptie = false;
                continue;
            }

            naOptie = token.StartsWith("--", StringComparison.Ordinal) && !token.Contains('=', StringComparison.Ordinal);
            if (token.StartsWith('-') && token.Length > 1)
            {
                var opties = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(x => x.Options).Where(o => o.Recursive))
                    .Where(o => !o.Hidden).ToList();
                var namen = opties.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
                var naam = token.Split('=')[0];
                var s = Suggesties.Voor(naam, namen).Take(3).ToList();
                bedoeld.UnionWith(opties.Where(o => s.Contains(o.Name)));
                meldingen.Add($"onbekende optie '{naam}'{Bedoelde(s)}");
            }
            else if (eerste && command is RootCommand)
            {
                // What follows an unknown command belongs to it: one message.
                meldingen.Add($"onbekende opdracht '{token}'{Bedoelde(Suggesties.Voor(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)).Take(3).ToList())}");
                break;
            }
            else
            {
                meldingen.Add($"onverwacht argument '{token}'.");
            }

            eerste = false;
        }

        var gemeld = new HashSet<Option>();
        foreach (var e in p.Errors)
        {
            switch (e.SymbolResult)
            {
                case OptionResult o when o.IdentifierTokenCount > 1 && o.Option.Arity.MaximumNumberOfValues <= 1:
                    if (gemeld.Add(o.Option))
                    {
                        meldingen.Add($"optie {o.Option.Name} is {o.IdentifierTokenCount} keer gegeven; geef haar één keer.");
                    }

                    break;
                case OptionResult o when o.IdentifierTokenCount == 0:
                    if (!bedoeld.Contains(o.Option) && gemeld.Add(o.Option))
                    {
                        meldingen.Add($"optie {o.Option.Name} is verplicht.");
                    }

                    break;
                case OptionResult o when o.Tokens.Count == 0 && o.Option.Arity.MinimumNumberOfValues > 0:
                    if (gemeld.Add(o.Option))
                    {
                        meldingen.Add($"optie {o.Option.Name} heeft een waarde nodig ({o.Option.Name} <{o.Option.HelpName ?? "waarde"}>).");
                    }

                    break;
                case OptionResult or ArgumentResult:
                    // The Dutch message of a value parser in Opties.
                    meldingen.Add(e.Message);
                    break;
                default:
                    if (p.UnmatchedTokens.Count == 0)
                    {
                        meldingen.Add(e.Message.Contains("--version", StringComparison.Ordinal)
                            ? "--version gaat niet samen met andere opties of argumenten."
                            : e.Message);
                    }

                    break;
            }
        }

        return meldingen.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The help of a command (or of the tool), wrapped to <paramref name="breedte"/> columns.</summary>
    public static string Hulptekst(Command command, int breedte, string? toelichting)
    {
        var sb = new StringBuilder();
        var root = command as RootCommand;
        var pad = root is null ? Programma + " " + command.Name : Programma;
        sb.Append(Omloop(root is null ? pad + " — " + command.Description : command.Description ?? string.Empty, breedte, string.Empty)).Append('\n');
        sb.Append('\n').Append("Gebruik:\n");
        if (root is not null)
        {
            sb.Append("  ").Append(Programma).Append(" <opdracht> [opties]\n");
            sb.Append("  ").Append(Programma).Append(" <opdracht> --help\n");
            sb.Append('\n').Append("Opdrachten:\n");
            Kolommen(sb, command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? string.Empty)), breedte);
        }
        else
        {
            var verplicht = command.Options.Where(o => o.Required).Select(o => $"{o.Name}{Vast}<{o.HelpName}>");
            var argumenten = command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues > 0 ? $"<{a.HelpName ?? a.Name}>" : $"[<{a.HelpName ?? a.Name}>]");
            var delen = argumenten.Concat(verplicht).ToList();
            if (command.Subcommands.Count > 0)
            {
                delen.Insert(0, "<" + string.Join('|', command.Subcommands.Select(s => s.Name)) + ">");
            }

            sb.Append(Omloop(string.Join(' ', delen.Prepend(pad)) + " [opties]", breedte, "  ", "      ")).Append('\n');
            if (command.Arguments.Any(a => !a.Hidden) || command.Subcommands.Count > 0)
            {
                sb.Append('\n').Append("Argumenten:\n");
                Kolommen(sb, command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.HelpName ?? a.Name}>", a.Description ?? string.Empty))
                    .Concat(command.Subcommands.Select(s => (s.Name, s.Description ?? string.Empty))), breedte);
            }
        }

        sb.Append('\n').Append("Opties:\n");
        var alle = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(x => x.Options).Where(o => o.Recursive)).Where(o => !o.Hidden).Distinct();
        Kolommen(sb, alle.Select(o => (OptieLabel(o), (o.Description ?? string.Empty) + (o.Required ? " (verplicht)" : string.Empty))), breedte);
        if (root is not null)
        {
            sb.Append('\n').Append(Omloop("Exitcodes: 0 gelukt, 1 ongeldige invoer, 2 verkeerd gebruik, 3 interne fout, 130 afgebroken (Ctrl+C).", breedte, string.Empty)).Append('\n');
            sb.Append(Omloop("Een bestand - is standaardinvoer of -uitvoer; @bestand leest argumenten uit een bestand (één per regel).", breedte, string.Empty)).Append('\n');
        }
        else if (toelichting is not null)
        {
            sb.Append('\n');
            foreach (var alinea in toelichting.Split('\n'))
            {
                sb.Append(Omloop(alinea, breedte, string.Empty)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string OptieLabel(Option o)
    {
        var namen = o.Aliases.Where(a => a.Length == 2 && a[0] == '-' && char.IsLetter(a[1])).Order(StringComparer.Ordinal).Append(o.Name);
        var label = string.Join(", ", namen);
        return o.Arity.MaximumNumberOfValues == 0 ? label : $"{label} <{o.HelpName ?? "waarde"}>";
    }

    private static string Bedoelde(List<string> s)
        => s.Count == 0 ? "." : $"; bedoelde u {Opties.Opsomming(s.Select(x => "'" + x + "'").ToList())}?";

    private static void Kolommen(StringBuilder sb, IEnumerable<(string Links, string Rechts)> rijen, int breedte)
    {
        var lijst = rijen.ToList();
        var links = Math.Min(lijst.Count == 0 ? 0 : lijst.Max(r => r.Links.Length), Math.Max(20, breedte / 3));
        var inspring = new string(' ', links + 4);
        foreach (var (l, r) in lijst)
        {
            if (l.Length > links)
            {
                sb.Append("  ").Append(l).Append('\n');
                sb.Append(Omloop(r, breedte, inspring)).Append('\n');
            }
            else
            {
                sb.Append(Omloop("  " + l.PadRight(links) + "  " + r, breedte, string.Empty, inspring)).Append('\n');
            }
        }
    }

    /// <summary>Wraps a text at spaces to <paramref name="breedte"/> columns.</summary>
    private static string Omloop(string tekst, int breedte, string inspring, string? vervolg = null)
    {
        vervolg ??= inspring;
        var sb = new StringBuilder();
        var regel = new StringBuilder(inspring);
        var leeg = true;
        foreach (var woord in tekst.Split(' '))
        {
            if (!leeg && regel.Length + 1 + woord.Length > breedte)
            {
                sb.Append(regel.ToString().TrimEnd()).Append('\n');
                regel.Clear().Append(vervolg);
                leeg = true;
            }

            if (!leeg)
            {
                regel.Append(' ');
            }

            regel.Append(woord);
            leeg = false;
        }

        return sb.Append(regel.ToString().TrimEnd()).ToString().Replace(Vast, ' ');
    }

    /// <summary>The Dutch help: replaces the action of System.CommandLine's help option.</summary>
    private sealed class Hulp : SynchronousCommandLineAction
    {
        private readonly Terminal _t;
        private readonly Dictionary<Command, string> _toelichtingen;

        public Hulp(Terminal t, Dictionary<Command, string> toelichtingen)
        {
            _t = t;
            _toelichtingen = toelichtingen;
        }

        public override int Invoke(ParseResult parseResult)
        {
            var c = parseResult.CommandResult.Command;
            _t.Uit.Write(Hulptekst(c, _t.Breedte, _toelichtingen.GetValueOrDefault(c)));
            return 0;
        }
    }
}
