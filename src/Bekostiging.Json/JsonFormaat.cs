using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Bekostiging.Json;

/// <summary>
/// The JSON format of Bekostiging (docs/json.md): camelCase, ISO dates (<c>2026-03-10</c>), amounts as JSON numbers
/// with at most two decimals, enums as camelCase strings, and the kind of a rule, an event or a durability rule in a
/// plain <c>"soort"</c> property chosen from a closed list — no type names are read from the wire.
/// </summary>
public static class JsonFormaat
{
    /// <summary>Options for reading input documents: strict (unknown fields, missing required fields, nulls where not allowed and more than two decimals are errors), depth at most 32.</summary>
    public static JsonSerializerOptions Invoer { get; } = Create(strict: true);

    /// <summary>Options for writing (and reading back) documents, including computed totals, indented.</summary>
    public static JsonSerializerOptions Uitvoer { get; } = Create(strict: false);

    /// <summary>The discriminator values of the rule kinds.</summary>
    public static IReadOnlyDictionary<Type, string> RegelSoorten { get; } = new Dictionary<Type, string>
    {
        [typeof(Eenmalig)] = "eenmalig",
        [typeof(PerEenheid)] = "perEenheid",
        [typeof(PerModule)] = "perModule",
        [typeof(PerPeriode)] = "perPeriode",
        [typeof(Termijnen)] = "termijnen",
        [typeof(Prijsdelen)] = "prijsdelen",
        [typeof(BijResultaat)] = "bijResultaat",
        [typeof(Trap)] = "trap",
        [typeof(PerTrede)] = "perTrede",
        [typeof(Verlengingstarief)] = "verlengingstarief",
    };

    /// <summary>The discriminator values of the event kinds.</summary>
    public static IReadOnlyDictionary<Type, string> GebeurtenisSoorten { get; } = new Dictionary<Type, string>
    {
        [typeof(Aanmelding)] = "aanmelding",
        [typeof(Reclame)] = "reclame",
        [typeof(Start)] = "start",
        [typeof(Mijlpaal)] = "mijlpaal",
        [typeof(Uren)] = "uren",
        [typeof(Module)] = "module",
        [typeof(Trede)] = "trede",
        [typeof(Plaatsing)] = "plaatsing",
        [typeof(PlaatsingEinde)] = "plaatsingEinde",
        [typeof(Verlenging)] = "verlenging",
        [typeof(Uitval)] = "uitval",
        [typeof(Afronding)] = "afronding",
        [typeof(Intrekking)] = "intrekking",
    };

    private static readonly Dictionary<Type, string> DuurzaamheidSoorten = new()
    {
        [typeof(GeenDuurzaamheid)] = "geen",
        [typeof(AaneengeslotenDuurzaamheid)] = "aaneengesloten",
        [typeof(CumulatieveDuurzaamheid)] = "cumulatief",
        [typeof(BegrippenDuurzaamheid)] = "volgensBegrippen",
    };

    private static JsonSerializerOptions Create(bool strict)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = !strict,
            MaxDepth = 32,
            AllowOutOfOrderMetadataProperties = true,
            IgnoreReadOnlyProperties = strict,
            IgnoreReadOnlyFields = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = !strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Polymorphism, info => { if (strict) { OnlyInput(info); } } } },
        };
        o.Converters.Add(new TekstConverter());
        o.Converters.Add(new StrictEnumConverterFactory());
        o.Converters.Add(new DuurConverter());
        o.Converters.Add(new BedragConverter());
        o.Converters.Add(new ValueListConverterFactory());
        o.Converters.Add(new DateIntervalConverter());
        o.Converters.Add(NodaConverters.LocalDateConverter);
        return o;
    }

    /// <summary>On input, computed properties (no setter, no constructor parameter) are unknown fields, not silently ignored ones.</summary>
    private static void OnlyInput(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var p = info.Properties[i];
            if (p.Set is null && p.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private static void Polymorphism(JsonTypeInfo info)
    {
        // The kind is the discriminator; the types' own computed "Soort" must not compete with it.
        if (typeof(Gebeurtenis).IsAssignableFrom(info.Type) || typeof(Betaalregel).IsAssignableFrom(info.Type) || typeof(Duurzaamheid).IsAssignableFrom(info.Type))
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name == "soort")
                {
                    info.Properties.RemoveAt(i);
                }
            }
        }

        var map = info.Type == typeof(Betaalregel) ? (IReadOnlyDictionary<Type, string>)RegelSoorten
            : info.Type == typeof(Gebeurtenis) ? GebeurtenisSoorten
            : info.Type == typeof(Duurzaamheid) ? DuurzaamheidSoorten
            : null;
        if (map is null)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "soort",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            IgnoreUnrecognizedTypeDiscriminators = false,
        };
        foreach (var kv in map)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kv.Key, kv.Value));
        }
    }
}
