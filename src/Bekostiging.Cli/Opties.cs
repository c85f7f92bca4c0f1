using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace Bekostiging.Cli;

/// <summary>A usage error: exit code 2.</summary>
internal sealed class GebruiksFout : Exception
{
    public GebruiksFout(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The options of the tool's commands, built on System.CommandLine with Dutch descriptions and Dutch errors. Every
/// option takes one value at most: given twice, it is a usage error (System.CommandLine reports it; see
/// <see cref="Opdrachtregel"/>). A value that cannot be read is reported here, naming the option, the value and the rule.
/// </summary>
internal static class Opties
{
    /// <summary>A path of a file (or <c>-</c> for standard input or output) or a folder.</summary>
    public static Option<string> Pad(string naam, string helpnaam, string omschrijving, bool verplicht = false)
        => new(naam) { HelpName = helpnaam, Description = omschrijving, Required = verplicht };

    /// <summary>A text value.</summary>
    public static Option<string> Tekst(string naam, string helpnaam, string omschrijving, bool verplicht = false)
        => new(naam) { HelpName = helpnaam, Description = omschrijving, Required = verplicht };

    /// <summary>A flag (no value).</summary>
    public static Option<bool> Vlag(string naam, string omschrijving) => new(naam) { Description = omschrijving, Arity = ArgumentArity.Zero };

    /// <summary>One of a fixed set of words; a wrong word names the ones allowed and, when close, the one meant.</summary>
    public static Option<string> Keuze(string naam, string omschrijving, string standaard, params string[] waarden)
    {
        var o = new Option<string>(naam)
        {
            HelpName = string.Join('|', waarden),
            Description = omschrijving,
            DefaultValueFactory = _ => standaard,
        };
        o.CompletionSources.Add(waarden);
        o.CustomParser = r =>
        {
            var t = Enkel(r);
            if (t is null)
            {
                return standaard;
            }

            if (waarden.Contains(t, StringComparer.Ordinal))
            {
                return t;
            }

            var bedoeld = Suggesties.Voor(t, waarden).FirstOrDefault();
            r.AddError($"{naam} {t}: kies {Opsomming(waarden)}{(bedoeld is null ? "." : $"; bedoelde u '{bedoeld}'?")}");
            return standaard;
        };
        return o;
    }

    /// <summary>A date in the form yyyy-MM-dd.</summary>
    public static Option<LocalDate?> Datum(string naam, string omschrijving, bool verplicht = false)
        => new(naam)
        {
            HelpName = "jjjj-mm-dd",
            Description = omschrijving,
            Required = verplicht,
            CustomParser = r =>
            {
                if (Enkel(r) is not { } t)
                {
                    return null;
                }

                var p = LocalDatePattern.Iso.Parse(t);
                if (p.Success)
                {
                    return p.Value;
                }

                r.AddError($"{naam} {t}: een datum schrijft u als jjjj-mm-dd, bijvoorbeeld 2026-12-31.");
                return null;
            },
        };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Getal(string naam, string helpnaam, string omschrijving, int min, int max, bool verplicht = false)
        => new(naam)
        {
            HelpName = helpnaam,
            Description = omschrijving,
            Required = verplicht,
            CustomParser = r =>
            {
                if (Enkel(r) is not { } t)
                {
                    return null;
                }

                if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
                {
                    return v;
                }

                r.AddError($"{naam} {t}: een geheel getal van {min.ToString(CultureInfo.InvariantCulture)} tot en met {max.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            },
        };

    /// <summary>A whole number ≥ 0 of 64 bits (a seed).</summary>
    public static Option<ulong?> Zaad(string naam, string omschrijving)
        => new(naam)
        {
            HelpName = "n",
            Description = omschrijving,
            CustomParser = r =>
            {
                if (Enkel(r) is not { } t)
                {
                    return null;
                }

                if (ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }

                r.AddError($"{naam} {t}: een geheel getal van 0 of meer.");
                return null;
            },
        };

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> with a point or a comma as decimal separator.</summary>
    public static Option<decimal?> Decimaal(string naam, string helpnaam, string omschrijving, decimal min, decimal max)
        => new(naam)
        {
            HelpName = helpnaam,
            Description = omschrijving,
            CustomParser = r =>
            {
                if (Enkel(r) is not { } t)
                {
                    return null;
                }

                // A comma is a decimal comma (21,5); grouping is not accepted, so "1.000" is not a thousand.
                if (decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
                {
                    return v;
                }

                r.AddError($"{naam} {t}: een getal van {min.ToString(CultureInfo.InvariantCulture)} tot en met {max.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            },
        };

    /// <summary>The value of a required option (System.CommandLine has checked that it is there).</summary>
    public static T Waarde<T>(this ParseResult p, Option<T?> optie)
        where T : struct
        => p.GetValue(optie) ?? throw new GebruiksFout($"optie {optie.Name} is verplicht.");

    /// <summary>"a, b of c".</summary>
    public static string Opsomming(IReadOnlyList<string> woorden)
        => woorden.Count == 1 ? woorden[0] : string.Join(", ", woorden.Take(woorden.Count - 1)) + " of " + woorden[^1];

    // The one token of an option, or null when the option is given twice (System.CommandLine reports that).
    private static string? Enkel(ArgumentResult r) => r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
}
