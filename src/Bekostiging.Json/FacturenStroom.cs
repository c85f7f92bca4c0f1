using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Bekostiging.Invoicing;

namespace Bekostiging.Json;

/// <summary>
/// Reads a facturen document from a stream without holding its text: the history of a contract at the documented
/// maximum (2,000,000 trajecten, 48 runs) is several gigabytes, more than one string or buffer can hold. Only one invoice
/// line (or one small field of an invoice) is in the buffer at a time; the errors are those of the document reader,
/// with the file, the line and the JSON path.
/// </summary>
internal sealed class FacturenStroomLezer
{
    private const int Grootste = 64 * 1024 * 1024; // one invoice line or field; a real line is about 435 bytes

    private readonly Stream _stream;
    private readonly string _bestand;
    private readonly long _maximaal;
    private byte[] _buf = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private long _gelezen;
    private long _regel = 1; // the line of _buf[_start]
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 32 });

    public FacturenStroomLezer(Stream stream, string bestand, long maximaal)
    {
        _stream = stream;
        _bestand = bestand;
        _maximaal = maximaal;
    }

    private delegate T Parser<T>(ReadOnlySpan<byte> json, long regel);

    public List<Factuur> Lees()
    {
        Expect(JsonTokenType.StartObject, "$", "a facturen document is an object { \"facturen\": [ … ] }.");
        List<Factuur>? facturen = null;
        while (true)
        {
            var (type, name, line) = Next("$");
            if (type == JsonTokenType.EndObject)
            {
                break;
            }

            if (name != "facturen")
            {
                throw new JsonInvoerException(_bestand, "$." + name, line, $"unknown field '{name}'; a facturen document has 'facturen'.");
            }

            if (facturen is not null)
            {
                throw new JsonInvoerException(_bestand, "$.facturen", line, "the field 'facturen' occurs twice.");
            }

            facturen = LeesFacturen();
        }

        // Only white space may follow the document.
        while (true)
        {
            var r = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _final, _state);
            bool more;
            try
            {
                more = r.Read();
            }
            catch (JsonException e)
            {
                throw Syntax(e, "$");
            }

            if (more)
            {
                throw new JsonInvoerException(_bestand, "$", _regel, "text after the end of the document.") { Syntaxfout = true };
            }

            if (_final)
            {
                break;
            }

            Fill("$");
        }

        return facturen ?? throw new JsonInvoerException(_bestand, "$", null, "JSON deserialization for type 'Bekostiging.Json.FacturenDocument' was missing required properties including: 'facturen'.");
    }

    private List<Factuur> LeesFacturen()
    {
        Expect(JsonTokenType.StartArray, "$.facturen", "a list (JSON array) is expected.");
        var result = new List<Factuur>();
        while (true)
        {
            var pad = $"$.facturen[{result.Count}]";
            var (type, _, line) = Next(pad);
            if (type == JsonTokenType.EndArray)
            {
                return result;
            }

            if (type != JsonTokenType.StartObject)
            {
                throw new JsonInvoerException(_bestand, pad, line, type == JsonTokenType.Null ? "a list item is null; leave it out instead." : "an invoice is a JSON object.");
            }

            result.Add(LeesFactuur(pad, line));
        }
    }

    private Factuur LeesFactuur(string pad, long begin)
    {
        using var header = new MemoryStream(1024);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        List<Factuurregel>? regels = null;
        List<Ingehouden>? ingehouden = null;
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            while (true)
            {
                var (type, name, line) = Next(pad);
                if (type == JsonTokenType.EndObject)
                {
                    break;
                }

                if (!names.Add(name!))
                {
                    throw new JsonInvoerException(_bestand, pad + "." + name, line, $"the field '{name}' occurs twice.");
                }

                lines[name!] = line;
                if (name == "regels")
                {
                    regels = LeesLijst<Factuurregel>(pad + ".regels");
                }
                else if (name == "ingehouden")
                {
                    ingehouden = LeesLijst<Ingehouden>(pad + ".ingehouden");
                }
                else
                {
                    var raw = Capture(pad + "." + name, static (json, _) => json.ToArray(), out _)!;
                    w.WritePropertyName(name!);
                    w.WriteRawValue(raw, skipInputValidation: true);
                }
            }

            // The lists are read above, line by line; the invoice itself is read with empty ones (when given at all, so a
            // missing list is reported as the document reader reports it).
            if (regels is not null)
            {
                w.WriteStartArray("regels");
                w.WriteEndArray();
            }

            if (ingehouden is not null)
            {
                w.WriteStartArray("ingehouden");
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        long LineOf(string? path)
        {
            foreach (var kv in lines)
            {
                if (path is not null && path.StartsWith("$." + kv.Key, StringComparison.Ordinal))
                {
                    return kv.Value;
                }
            }

            return begin;
        }

        var factuur = Deserialize<Factuur>(header.GetBuffer().AsSpan(0, (int)header.Length), pad, null, LineOf);
        return factuur with
        {
            Regels = regels is null ? factuur.Regels : new ValueList<Factuurregel>(regels),
            Ingehouden = ingehouden is null ? factuur.Ingehouden : new ValueList<Ingehouden>(ingehouden),
        };
    }

    private List<T> LeesLijst<T>(string pad)
    {
        Expect(JsonTokenType.StartArray, pad, "a list (JSON array) is expected.");
        var result = new List<T>();
        while (true)
        {
            var element = $"{pad}[{result.Count}]";
            var item = Capture(element, (json, line) => Deserialize<T>(json, element, line, null), out var end, allowEnd: true, lijstIndex: result.Count);
            if (end)
            {
                return result;
            }

            result.Add(item!);
        }
    }

    private T Deserialize<T>(ReadOnlySpan<byte> json, string pad, long? line, Func<string?, long>? lineOf)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonFormaat.Invoer) ?? throw new JsonInvoerException(_bestand, pad, line, "a list item is null; leave it out instead.");
        }
        catch (JsonException e)
        {
            var (rel, message) = JsonPaden.Split(e.Message);
            var inner = (e.Path is null or "$" ? pad : pad + e.Path.Substring(1)) + rel;
            var at = line is { } l ? l + (e.LineNumber ?? 0) : lineOf?.Invoke(e.Path) ?? _regel;
            throw new JsonInvoerException(_bestand, inner, at, Clean(message), inner: e);
        }
        catch (BekostigingException e)
        {
            throw new JsonInvoerException(_bestand, pad, line, e.Regel, e.TrajectId, e.GebeurtenisId, e.Code, e);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new JsonInvoerException(_bestand, pad, line, Clean(e.Message), inner: e);
        }
    }

    /// <summary>Reads one token that must be of <paramref name="type"/>.</summary>
    private void Expect(JsonTokenType type, string pad, string message)
    {
        var (t, _, line) = Next(pad);
        if (t != type)
        {
            throw new JsonInvoerException(_bestand, pad, line, message);
        }
    }

    /// <summary>Reads the next structural token: its type, the property name (for a name), and its line.</summary>
    private (JsonTokenType Type, string? Name, long Line) Next(string pad)
    {
        while (true)
        {
            var r = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _final, _state);
            bool ok;
            try
            {
                ok = r.Read();
            }
            catch (JsonException e)
            {
                throw Syntax(e, pad);
            }

            if (ok)
            {
                var line = _regel + Lines(_start, (int)r.TokenStartIndex);
                string? name = null;
                if (r.TokenType == JsonTokenType.PropertyName)
                {
                    try
                    {
                        name = r.GetString();
                    }
                    catch (InvalidOperationException e)
                    {
                        throw new JsonInvoerException(_bestand, pad, line, "the text is not valid UTF-8: " + Clean(e.Message), inner: e);
                    }
                }

                var type = r.TokenType;
                Consume(ref r);
                return (type, name, line);
            }

            if (_final)
            {
                throw new JsonInvoerException(_bestand, pad, _regel, "the document ends before it is complete (cut off?).") { Syntaxfout = true };
            }

            Fill(pad);
        }
    }

    /// <summary>
    /// Reads one complete value (an object or array with everything in it, or a single token) and parses it in place;
    /// with <paramref name="allowEnd"/> an end of array instead ends the list (<paramref name="end"/>).
    /// </summary>
    private T? Capture<T>(string pad, Parser<T> parse, out bool end, bool allowEnd = false, int lijstIndex = -1)
    {
        end = false;
        while (true)
        {
            var r = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _final, _state);
            bool complete;
            var begin = 0;
            var first = JsonTokenType.None;
            try
            {
                complete = r.Read();
                if (complete)
                {
                    begin = (int)r.TokenStartIndex;
                    first = r.TokenType;
                    complete = first is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || r.TrySkip();
                }
            }
            catch (JsonException e)
            {
                throw Syntax(e, pad);
            }

            if (complete)
            {
                var line = _regel + Lines(_start, begin);
                if (allowEnd && first == JsonTokenType.EndArray)
                {
                    end = true;
                    Consume(ref r);
                    return default;
                }

                if (lijstIndex >= 0 && first == JsonTokenType.Null)
                {
                    throw new JsonInvoerException(_bestand, pad, line, "a list item is null; leave it out instead.");
                }

                var json = _buf.AsSpan(_start + begin, (int)r.BytesConsumed - begin);
                var value = parse(json, line);
                Consume(ref r);
                return value;
            }

            if (_final)
            {
                throw new JsonInvoerException(_bestand, pad, _regel, "the document ends before it is complete (cut off?).") { Syntaxfout = true };
            }

            Fill(pad);
        }
    }

    private void Consume(ref Utf8JsonReader r)
    {
        var n = (int)r.BytesConsumed;
        _regel += Lines(_start, n);
        _start += n;
        _state = r.CurrentState;
    }

    private long Lines(int from, int count)
    {
        var n = 0L;
        var span = _buf.AsSpan(from, count);
        for (var i = span.IndexOf((byte)'\n'); i >= 0; i = span.IndexOf((byte)'\n'))
        {
            n++;
            span = span.Slice(i + 1);
        }

        return n;
    }

    /// <summary>More bytes: keeps the unread part, grows the buffer when one value does not fit, reads on.</summary>
    private void Fill(string pad)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buf.Length)
        {
            if (_buf.Length >= Grootste)
            {
                throw new JsonInvoerException(_bestand, pad, _regel, $"one value of the document is larger than {Grootste} bytes; an invoice line is about 435.");
            }

            Array.Resize(ref _buf, _buf.Length * 2);
        }

        var n = _stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0)
        {
            _final = true;
            return;
        }

        _end += n;
        _gelezen += n;
        if (_gelezen > _maximaal)
        {
            throw new JsonInvoerException(_bestand, null, null, $"the file is larger than the limit of {_maximaal} bytes for an invoice history.");
        }
    }

    private JsonInvoerException Syntax(JsonException e, string pad)
        => new(_bestand, pad, _regel + (e.LineNumber ?? 0), Clean(e.Message), inner: e) { Syntaxfout = true };

    private static string Clean(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        var j = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var cut = i >= 0 ? i : j;
        var m = (cut >= 0 ? message.Substring(0, cut) : message).Trim();
        return m.Length == 0 ? "malformed JSON." : m;
    }
}

/// <summary>The invoice history read as a stream.</summary>
public static partial class JsonLezer
{
    /// <summary>
    /// The largest invoice history <see cref="FacturenStroom(Stream, string, long)"/> reads by default: 64 GiB. The documented
    /// maximum of 2,000,000 trajecten with 48 monthly runs of one line each is about 42 GB at 435 bytes per line.
    /// </summary>
    public const long MaximaleHistoriegrootte = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// Reads an earlier-invoices document from a stream, as strictly as <see cref="Facturen(string, string)"/>, without
    /// holding its text: only one invoice line at a time is buffered, so a history larger than the general file limit
    /// (<see cref="Invoerlimieten.MaximaleBestandsgrootte"/>) can be read.
    /// </summary>
    /// <param name="stream">The document, read to its end (not closed).</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <param name="maximaleGrootte">The most bytes to read (default <see cref="MaximaleHistoriegrootte"/>).</param>
    /// <returns>The invoices.</returns>
    /// <exception cref="JsonInvoerException">For any reading error, naming the file, the line and the JSON path.</exception>
    public static IReadOnlyList<Factuur> FacturenStroom(Stream stream, string bestand = "facturen.json", long maximaleGrootte = MaximaleHistoriegrootte)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return MetSchema("facturen", () => new FacturenStroomLezer(stream, bestand, maximaleGrootte).Lees());
    }
}

/// <summary>The invoice history written as a stream.</summary>
public static partial class JsonSchrijver
{
    /// <summary>
    /// Writes an earlier-invoices document (<c>{ "facturen": [ … ] }</c>, the same text as <see cref="NaarInvoer{T}"/> of a
    /// <see cref="FacturenDocument"/>) to a stream, line by line, so a history of any size is written without holding it
    /// as one text.
    /// </summary>
    /// <param name="uitvoer">The stream to write to (flushed, not closed).</param>
    /// <param name="facturen">The invoices.</param>
    /// <exception cref="JsonException">A text in an invoice has an unpaired surrogate.</exception>
    public static void Facturen(Stream uitvoer, IEnumerable<Factuur> facturen)
    {
        if (uitvoer is null)
        {
            throw new ArgumentNullException(nameof(uitvoer));
        }

        if (facturen is null)
        {
            throw new ArgumentNullException(nameof(facturen));
        }

        var options = InvoerIngesprongen;
        using var w = new Utf8JsonWriter(uitvoer, new JsonWriterOptions { Indented = true, Encoder = options.Encoder });
        w.WriteStartObject();
        w.WritePropertyName(Naam(options, nameof(FacturenDocument.Facturen)));
        w.WriteStartArray();
        var regels = Naam(options, nameof(Factuur.Regels));
        var ingehouden = Naam(options, nameof(Factuur.Ingehouden));
        foreach (var f in facturen)
        {
            var header = JsonSerializer.SerializeToElement(f with { Regels = ValueList<Factuurregel>.Empty, Ingehouden = ValueList<Ingehouden>.Empty }, options);
            w.WriteStartObject();
            foreach (var p in header.EnumerateObject())
            {
                if (p.NameEquals(regels))
                {
                    Lijst(w, regels, f.Regels, options);
                }
                else if (p.NameEquals(ingehouden))
                {
                    Lijst(w, ingehouden, f.Ingehouden, options);
                }
                else
                {
                    p.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void Lijst<T>(Utf8JsonWriter w, string naam, ValueList<T> items, JsonSerializerOptions options)
    {
        w.WriteStartArray(naam);
        foreach (var item in items)
        {
            JsonSerializer.Serialize(w, item, options);
            if (w.BytesPending > 1 << 20)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
    }

    private static string Naam(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
