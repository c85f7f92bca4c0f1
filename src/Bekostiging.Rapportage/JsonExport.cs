using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bekostiging.Invoicing;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Bekostiging.Rapportage;

/// <summary>
/// JSON exports of invoices, statements and settlements: camelCase, ISO dates, amounts as JSON numbers with two
/// decimals, enums as strings.
/// </summary>
public static class JsonExport
{
    /// <summary>The serializer options used for every export.</summary>
    public static JsonSerializerOptions Opties { get; } = CreateOptions();

    /// <summary>Serializes any result of the library (invoice, statement, settlement, contract settlement).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Indented JSON.</returns>
    public static string Naar<T>(T value) => JsonSerializer.Serialize(value, Opties);

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new BedragConverter());
        o.Converters.Add(new DateIntervalConverter());
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return o;
    }

    /// <summary>A Bedrag as a JSON number with two decimals.</summary>
    private sealed class BedragConverter : JsonConverter<Bedrag>
    {
        public override Bedrag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Bedrag.Van(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Bedrag value, JsonSerializerOptions options)
            => writer.WriteRawValue(value.ToInvariantString());
    }

    /// <summary>An inclusive period as { "van": …, "totEnMet": … }.</summary>
    private sealed class DateIntervalConverter : JsonConverter<DateInterval>
    {
        public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Periods are written, not read, by the export.");

        public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("van", value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("totEnMet", value.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
    }
}
