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

    public override void Write(Utf8JsonWriter writer, Bedrag value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.ToInvariantString(), skipInputValidation: true);
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
                    items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
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
