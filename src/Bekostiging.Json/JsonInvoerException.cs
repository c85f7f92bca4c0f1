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

    /// <summary>
    /// The name of the JSON Schema of the document that was being read (<c>contract</c>, <c>trajecten</c>,
    /// <c>traject</c> for a line of JSON Lines, <c>facturen</c> or <c>scenario</c>; see <see cref="JsonSchrijver.Schema"/>),
    /// or null when the error is not about a place in such a document. <see cref="JsonSchemaUitleg.Voor(JsonInvoerException, string?)"/>
    /// uses it with <see cref="Pad"/> to explain the error from the schema.
    /// </summary>
    public string? Schema { get; internal set; }

    /// <summary>The text is not JSON at this place (a syntax error or too deep nesting): no schema can explain that.</summary>
    internal bool Syntaxfout { get; init; }

    /// <summary>The same error at another line (the reader counts lines in a part of the file, then places them in the file).</summary>
    internal JsonInvoerException MetRegelnummer(long regelnummer)
        => new(Bestand, Pad, regelnummer, Regel, TrajectId, GebeurtenisId, Code, InnerException) { Schema = Schema, Syntaxfout = Syntaxfout };

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
