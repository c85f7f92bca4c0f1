using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Bekostiging.Json;

/// <summary>An amount as a JSON number with at most two decimals; more decimals, strings or huge numbers are errors.</summary>
internal sealed class BedragConverter : JsonConverter<Bedrag>
{
    public override Bedrag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && HeeftExponent(ref reader))
        {
            // 1e-400 reads as 0 and 1e3 hides its size: an amount is written out in digits, as the tool writes it.
            throw new JsonException("an amount is written in plain digits with at most two decimals (e.g. 750.00), without an exponent.");
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException("an amount is a JSON number of euros with at most two decimals, e.g. 750.00.");
        }

        if (Afronden.OpCenten(value) != value)
        {
            throw new JsonException(FormattableString.Invariant($"amount {value} has more than two decimals; amounts are whole cents."));
        }

        if (Math.Abs(value) > 1_000_000_000_000m)
        {
            throw new JsonException(FormattableString.Invariant($"amount {value} is out of range (at most 10^12 euros)."));
        }

        return Bedrag.Van(value);
    }

    private static bool HeeftExponent(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return Array.IndexOf(raw, (byte)'e') >= 0 || Array.IndexOf(raw, (byte)'E') >= 0;
    }

    public override void Write(Utf8JsonWriter writer, Bedrag value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.ToInvariantString(), skipInputValidation: true);
}

/// <summary>
/// Text as a JSON string, read as usual. Text with an unpaired surrogate is not Unicode and cannot be written as UTF-8
/// JSON: the serializer would silently put U+FFFD in its place, changing an id or a description on the way out (two
/// such ids could even become one). It is refused instead, as the reader refuses it on the way in.
/// </summary>
internal sealed class TekstConverter : JsonConverter<string>
{
    private static readonly JsonConverter<string?> Standaard = System.Text.Json.Serialization.Metadata.JsonMetadataServices.StringConverter;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = Standaard.Read(ref reader, typeToConvert, options);
        if (text is not null)
        {
            for (var i = 0; i < text.Length; i++)
            {
                // Tab, line feed and carriage return may be in a description; other control characters (NUL, escape, …)
                // are no text and could cut a value short or hide part of it further down the line.
                if (IsControle(text[i]))
                {
                    throw new JsonException(FormattableString.Invariant($"text has control character U+{(int)text[i]:X4} at position {i + 1}; it is not allowed in text."));
                }
            }
        }

        return text;
    }

    /// <summary>A control character other than tab, line feed and carriage return.</summary>
    private static bool IsControle(char c) => c is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007F';

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new JsonException(FormattableString.Invariant($"text has an unpaired surrogate (U+{(int)value[i]:X4}) at position {i}; it is not Unicode and cannot be written as JSON without changing it."));
            }
            else if (IsControle(value[i]))
            {
                throw new JsonException(FormattableString.Invariant($"text has control character U+{(int)value[i]:X4} at position {i + 1}; it would be written but never read back."));
            }
        }

        writer.WriteStringValue(value);
    }
}

/// <summary>A <see cref="ValueList{T}"/> as a JSON array.</summary>
internal sealed class ValueListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("a list (JSON array) is expected.");
            }

            var items = new List<T>();
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                try
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        throw new JsonException("a list item is null; leave it out instead.");
                    }

                    items.Add(JsonSerializer.Deserialize<T>(ref reader, options) ?? throw new JsonException("a list item is null."));
                }
                catch (JsonException e)
                {
                    // A nested deserialization starts its own path; carry the element's relative path outward.
                    throw JsonPaden.Nest($"[{index}]", e);
                }

                index++;
            }

            return new ValueList<T>(items);
        }

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>Carries the path of an error inside a nested deserialization out to the enclosing document's path.</summary>
internal static class JsonPaden
{
    private const char Marker = '\u0001';

    public static JsonException Nest(string prefix, JsonException e)
    {
        var (rel, message) = Split(e.Message);
        var inner = e.Path is null or "$" ? string.Empty : e.Path.Substring(1);
        return new JsonException(Marker + prefix + inner + rel + Marker + message, e);
    }

    /// <summary>Splits a message into the relative path carried in it and the message proper.</summary>
    public static (string RelativePath, string Message) Split(string message)
    {
        if (message.Length > 0 && message[0] == Marker)
        {
            var end = message.IndexOf(Marker, 1);
            if (end > 0)
            {
                return (message.Substring(1, end - 1), message.Substring(end + 1));
            }
        }

        return (string.Empty, message);
    }
}

/// <summary>A duration as <c>{ "aantal": 6, "eenheid": "maanden" }</c>; both fields are required.</summary>
internal sealed class DuurConverter : JsonConverter<Duur>
{
    public override Duur Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a duration is an object { \"aantal\": whole number, \"eenheid\": \"dagen\"|\"weken\"|\"maanden\"|\"jaren\" }.");
        }

        int? aantal = null;
        DuurEenheid? eenheid = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "aantal" when aantal is null:
                    aantal = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var a) && a >= 0 ? a : throw new JsonException("'aantal' of a duration is a whole number ≥ 0.");
                    break;
                case "eenheid" when eenheid is null:
                    eenheid = reader.TokenType == JsonTokenType.String ? reader.GetString() switch
                    {
                        "dagen" => DuurEenheid.Dagen,
                        "weken" => DuurEenheid.Weken,
                        "maanden" => DuurEenheid.Maanden,
                        "jaren" => DuurEenheid.Jaren,
                        var x => throw new JsonException($"'eenheid' of a duration is dagen, weken, maanden or jaren, not '{x}'."),
                    } : throw new JsonException("'eenheid' of a duration is a string.");
                    break;
                case "aantal" or "eenheid":
                    throw new JsonException($"'{name}' is given twice in a duration.");
                default:
                    throw new JsonException($"unknown field '{name}' in a duration; it has 'aantal' and 'eenheid'.");
            }
        }

        if (aantal is null || eenheid is null)
        {
            throw new JsonException("a duration needs both 'aantal' and 'eenheid'.");
        }

        var max = Duur.MaximaalAantal(eenheid.Value);
        if (aantal.Value > max)
        {
            throw new JsonException(FormattableString.Invariant($"a duration is at most 100 years: {aantal.Value} {Naam(eenheid.Value)} is more than {max}."));
        }

        return new Duur(aantal.Value, eenheid.Value);
    }

    private static string Naam(DuurEenheid e) => e.ToString().ToLowerInvariant();

    public override void Write(Utf8JsonWriter writer, Duur value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("aantal", value.Aantal);
        writer.WriteString("eenheid", value.Eenheid.ToString().ToLowerInvariant());
        writer.WriteEndObject();
    }
}

/// <summary>Enums as exactly one camelCase name: no numbers, no comma-separated combinations, case-sensitive.</summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Build();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && ByName.TryGetValue(text, out var value))
            {
                return value;
            }

            throw new JsonException($"'{text ?? reader.TokenType.ToString()}' is not one of: {string.Join(", ", ByName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value.ToString()));

        private static Dictionary<string, T> Build()
        {
            var d = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var name in Enum.GetNames(typeof(T)))
            {
                d[Name(name)] = (T)Enum.Parse(typeof(T), name);
            }

            return d;
        }

        private static string Name(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}

/// <summary>An inclusive period as <c>{ "van": "…", "totEnMet": "…" }</c>.</summary>
internal sealed class DateIntervalConverter : JsonConverter<DateInterval>
{
    public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a period is an object { \"van\": date, \"totEnMet\": date }.");
        }

        LocalDate? van = null, tot = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var date = Date(ref reader);
            switch (name)
            {
                case "van": van = date; break;
                case "totEnMet": tot = date; break;
                default: throw new JsonException($"unknown field '{name}' in a period.");
            }
        }

        if (van is null || tot is null || tot < van)
        {
            throw new JsonException("a period needs 'van' and 'totEnMet', with 'totEnMet' not before 'van'.");
        }

        return new DateInterval(van.Value, tot.Value);
    }

    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("van", LocalDatePattern.Iso.Format(value.Start));
        writer.WriteString("totEnMet", LocalDatePattern.Iso.Format(value.End));
        writer.WriteEndObject();
    }

    private static LocalDate Date(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = text is null ? null : LocalDatePattern.Iso.Parse(text);
        if (result is null || !result.Success)
        {
            throw new JsonException("a date is a string yyyy-MM-dd.");
        }

        return result.Value;
    }
}
