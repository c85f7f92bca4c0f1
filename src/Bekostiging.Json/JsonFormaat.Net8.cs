#if NET8_0
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bekostiging.Json;

/// <summary>
/// On net8.0 the reader uses the System.Text.Json 8 that ships with the framework (a consumer gets no extra package
/// and no unsupported-framework warnings). Version 8 lacks the strictness switches that later versions have
/// (<c>RespectRequiredConstructorParameters</c>, <c>RespectNullableAnnotations</c>, <c>AllowDuplicateProperties</c>);
/// the same rules are enforced here so that a net8.0 application refuses what a net10.0 application refuses.
/// The one difference: a <c>"soort"</c> discriminator must come first in its object (version 8 cannot look ahead);
/// elsewhere it is refused with an error, never read as something else.
/// </summary>
internal static class JsonFormaatNet8
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Constructor parameters without a default are required; non-nullable references refuse <c>null</c>.</summary>
    internal static void Strikt(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var ctor = Constructor(info.Type);
        var parameters = ctor?.GetParameters() ?? Array.Empty<ParameterInfo>();
        foreach (var p in info.Properties)
        {
            var member = p.AttributeProvider as MemberInfo;
            var parameter = member is null ? null : parameters.FirstOrDefault(x => string.Equals(x.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is not null && !parameter.HasDefaultValue)
            {
                p.IsRequired = true;
            }

            if (p.PropertyType.IsValueType || p.CustomConverter is not null)
            {
                continue;
            }

            var state = parameter is not null ? Nullability.Create(parameter).WriteState
                : member is PropertyInfo pi ? Nullability.Create(pi).WriteState
                : member is FieldInfo fi ? Nullability.Create(fi).WriteState
                : NullabilityState.Unknown;
            if (state == NullabilityState.NotNull)
            {
                p.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(NietNull<>).MakeGenericType(p.PropertyType), p.Name)!;
            }
        }
    }

    /// <summary>The constructor System.Text.Json 8 binds: the one marked [JsonConstructor], else the only public one unless a parameterless one exists.</summary>
    private static ConstructorInfo? Constructor(Type type)
    {
        var all = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var marked = all.FirstOrDefault(c => c.GetCustomAttribute<JsonConstructorAttribute>() is not null);
        if (marked is not null)
        {
            return marked;
        }

        var open = all.Where(c => c.IsPublic).ToArray();
        return open.Any(c => c.GetParameters().Length == 0) || open.Length != 1 ? null : open[0];
    }

    /// <summary>Refuses a property name that occurs twice in one object, as later versions do with <c>AllowDuplicateProperties = false</c>.</summary>
    internal static void WeigerDubbeleVelden(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 32 });
        var stack = new Stack<HashSet<string>?>();
        var path = new Stack<string>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    stack.Push(new HashSet<string>(StringComparer.Ordinal));
                    path.Push(pending ?? string.Empty);
                    pending = null;
                    break;
                case JsonTokenType.StartArray:
                    stack.Push(null);
                    path.Push(pending ?? string.Empty);
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (stack.Peek() is { } seen && !seen.Add(name))
                    {
                        var where = "$" + string.Concat(path.Reverse()) + "." + name;
                        throw new JsonException($"Duplicate property '{name}' encountered during deserialization.", where, null, null);
                    }

                    pending = "." + name;
                    break;
                default:
                    pending = null;
                    break;
            }
        }
    }

    /// <summary>Refuses <c>null</c> for a property whose type is not nullable; other values go to the type's own contract.</summary>
    private sealed class NietNull<T> : JsonConverter<T>
        where T : class
    {
        private readonly string _naam;

        public NietNull(string naam) => _naam = naam;

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null
                ? throw new JsonException($"The property '{_naam}' does not allow null (its type {typeof(T).Name} is not nullable).")
                : JsonSerializer.Deserialize<T>(ref reader, options)!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value, options);
    }
}
#endif
