using System;
using System.Text;

namespace Bekostiging.Json;

/// <summary>
/// Bad input in a JSON document: names the file, the JSON path (or the line, for JSON Lines), the traject and event
/// where known, and the rule that was broken. Carries the domain error code when the rule is a domain rule.
/// </summary>
public sealed class JsonInvoerException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="bestand">The file (or document name).</param>
    /// <param name="pad">The JSON path, e.g. <c>$.trajecten[3].gebeurtenissen[1].aantal</c>, if known.</param>
    /// <param name="regelnummer">The 1-based line in the file, if known.</param>
    /// <param name="regel">The rule broken, in words.</param>
    /// <param name="trajectId">The traject, if known.</param>
    /// <param name="gebeurtenisId">The event, if known.</param>
    /// <param name="code">The domain error code, when a domain rule was broken.</param>
    /// <param name="inner">The underlying exception.</param>
    public JsonInvoerException(string bestand, string? pad, long? regelnummer, string regel, string? trajectId = null, string? gebeurtenisId = null, FoutCode? code = null, Exception? inner = null)
        : base(Compose(bestand, pad, regelnummer, regel, trajectId, gebeurtenisId, code), inner)
    {
        Bestand = bestand;
        Pad = pad;
        Regelnummer = regelnummer;
        Regel = regel;
        TrajectId = trajectId;
        GebeurtenisId = gebeurtenisId;
        Code = code;
    }

    /// <summary>The file.</summary>
    public string Bestand { get; }

    /// <summary>The JSON path, if known.</summary>
    public string? Pad { get; }

    /// <summary>The 1-based line, if known.</summary>
    public long? Regelnummer { get; }

    /// <summary>The rule broken.</summary>
    public string Regel { get; }

    /// <summary>The traject, if known.</summary>
    public string? TrajectId { get; }

    /// <summary>The event, if known.</summary>
    public string? GebeurtenisId { get; }

    /// <summary>The domain error code, if a domain rule was broken.</summary>
    public FoutCode? Code { get; }

    private static string Compose(string bestand, string? pad, long? regelnummer, string regel, string? trajectId, string? gebeurtenisId, FoutCode? code)
    {
        var sb = new StringBuilder(bestand);
        if (regelnummer is { } line)
        {
            sb.Append(':').Append(line);
        }

        if (pad is not null)
        {
            sb.Append(' ').Append(pad);
        }

        if (trajectId is not null)
        {
            sb.Append(" (traject ").Append(trajectId);
            if (gebeurtenisId is not null)
            {
                sb.Append(", event ").Append(gebeurtenisId);
            }

            sb.Append(')');
        }

        sb.Append(": ");
        if (code is { } c)
        {
            sb.Append('[').Append(c).Append("] ");
        }

        sb.Append(regel);
        return sb.ToString();
    }
}
