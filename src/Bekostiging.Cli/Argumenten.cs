using System;
using System.Collections.Generic;
using System.Globalization;
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

/// <summary>Parsed options of one command: <c>--naam waarde</c> pairs and <c>--vlag</c> flags, plus positional arguments.</summary>
internal sealed class Argumenten
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private Argumenten()
    {
    }

    public List<string> Positioneel { get; } = new();

    public bool Help => _flags.Contains("--help") || _flags.Contains("-h");

    public static Argumenten Lees(IReadOnlyList<string> args, ISet<string> flags)
    {
        var a = new Argumenten();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" || flags.Contains(arg))
            {
                a._flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    a._options[arg[..eq]] = arg[(eq + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    a._options[arg] = args[++i];
                }
                else
                {
                    throw new GebruiksFout($"option {arg} needs a value.");
                }
            }
            else
            {
                a.Positioneel.Add(arg);
            }
        }

        return a;
    }

    public bool Vlag(string naam) => _flags.Contains(naam);

    public string? Optie(string naam)
    {
        _used.Add(naam);
        return _options.TryGetValue(naam, out var v) ? v : null;
    }

    public string Verplicht(string naam) => Optie(naam) ?? throw new GebruiksFout($"option {naam} is required (see --help).");

    public LocalDate Datum(string naam)
    {
        var text = Verplicht(naam);
        var r = LocalDatePattern.Iso.Parse(text);
        return r.Success ? r.Value : throw new GebruiksFout($"{naam} {text}: a date is yyyy-MM-dd.");
    }

    public int Getal(string naam, int standaard, int min, int max)
    {
        var text = Optie(naam);
        if (text is null)
        {
            return standaard;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new GebruiksFout($"{naam} {text}: a whole number from {min} to {max}.");
    }

    public decimal Decimaal(string naam, decimal standaard, decimal min, decimal max)
    {
        var text = Optie(naam);
        if (text is null)
        {
            return standaard;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new GebruiksFout($"{naam} {text}: a number from {min} to {max}.");
    }

    /// <summary>Fails on options the command does not know, so a typo is never ignored silently.</summary>
    public void GeenOnbekende()
    {
        foreach (var k in _options.Keys)
        {
            if (!_used.Contains(k))
            {
                throw new GebruiksFout($"unknown option {k} (see --help).");
            }
        }
    }
}
