using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bekostiging.Events;
using NodaTime;

namespace Bekostiging.Json;

/// <summary>
/// Reads one valid traject (a line of a JSON Lines stream, or one traject of a trajecten document) in a single pass
/// over its UTF-8 text, without the serializer's machinery for records and polymorphism.
/// </summary>
/// <remarks>
/// <para>
/// It holds no definition of the format of its own. What a traject and each event kind look like — the discriminator
/// values, the field names, which fields are required, which accept <c>null</c>, the constructor and the init
/// properties that make the value — is read once from the strict options <see cref="JsonFormaat.Invoer"/> (the
/// serializer's contract of <see cref="TrajectInvoer"/> and of every type in <see cref="JsonFormaat.GebeurtenisSoorten"/>),
/// so the two readers cannot drift apart: a new event kind or field is read here as soon as the serializer reads it.
/// A member whose shape this reader cannot take over stops the derivation with an exception (never a quiet gap).
/// </para>
/// <para>
/// It knows only the plainly valid case: every field at most once, of its exact JSON type, no unknown field, no null
/// where the format forbids one, and the <c>"soort"</c> of an event as its first field (as the writer writes it and as
/// System.Text.Json 8 requires). At anything else it returns <see langword="null"/> and the strict serializer reads the
/// text instead, which then says what is wrong: one error story, the serializer's. Values are parsed by the converters
/// of the strict options; a test checks on generated and mutated trajecten that it reads what the serializer reads.
/// </para>
/// <para>
/// An instance owns its buffers and is used by one reading (one stream or one document) at a time; the derived shapes
/// are immutable and shared.
/// </para>
/// </remarks>
internal sealed class SnelleTrajectLezer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonSerializerOptions Opties = JsonFormaat.Invoer;
    private static readonly byte[] SoortNaam = Encoding.UTF8.GetBytes("soort");
    private static readonly JsonConverter<string> Teksten = (JsonConverter<string>)Opties.GetConverter(typeof(string));
    private static readonly JsonConverter<LocalDate> Datums = (JsonConverter<LocalDate>)Opties.GetConverter(typeof(LocalDate));

    /// <summary>The shape of a traject, as the strict options read it.</summary>
    internal static Vorm TrajectVorm { get; } = Vorm.Van(typeof(TrajectInvoer));

    /// <summary>The event kinds, one shape each, in the order of <see cref="JsonFormaat.GebeurtenisSoorten"/>.</summary>
    internal static IReadOnlyList<Vorm> GebeurtenisVormen => Soorten;

    private static readonly Vorm[] Soorten = JsonFormaat.GebeurtenisSoorten.Select(kv => Vorm.Van(kv.Key, kv.Value)).ToArray();

    private readonly Veld[] _traject;
    private readonly Veld[][] _gebeurtenis;
    private byte[] _buffer = new byte[4096];

    /// <summary>A reader with its own buffers, for one reading at a time.</summary>
    public SnelleTrajectLezer()
    {
        _traject = TrajectVorm.NieuweVelden();
        _gebeurtenis = Soorten.Select(v => v.NieuweVelden()).ToArray();
    }

    /// <summary>The traject, or <see langword="null"/> when the text is anything but a plainly valid traject.</summary>
    public TrajectInvoer? Lees(string json)
    {
        try
        {
            var max = Utf8.GetMaxByteCount(json.Length);
            if (_buffer.Length < max)
            {
                _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
            }

            var n = Utf8.GetBytes(json, 0, json.Length, _buffer, 0);
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, 0, n), new JsonReaderOptions { MaxDepth = Opties.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var t = Object(ref reader, TrajectVorm, _traject) as TrajectInvoer;
            return t is not null && !reader.Read() ? t : null; // nothing may follow the traject
        }
        catch (Exception e) when (e is JsonException or BekostigingException or InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>The fields of an object (the reader is past its start, or past an event's discriminator), then the value; null at anything unexpected.</summary>
    private object? Object(ref Utf8JsonReader r, Vorm vorm, Veld[] velden)
    {
        long gezien = 0;
        var volgende = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var k = vorm.Zoek(ref r, volgende);
            if (k < 0 || (gezien & (1L << k)) != 0 || !r.Read() || !velden[k].Lees(ref r, this))
            {
                return null; // an unknown field, a field given twice, or a value of another type
            }

            gezien |= 1L << k;
            volgende = k + 1;
        }

        return r.TokenType == JsonTokenType.EndObject && (gezien & vorm.Verplicht) == vorm.Verplicht ? vorm.Maak(velden, gezien) : null;
    }

    /// <summary>An event: <c>"soort"</c> first, then the fields of that kind.</summary>
    private Gebeurtenis? Gebeurtenis(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject || !r.Read() || r.TokenType != JsonTokenType.PropertyName
            || !r.ValueTextEquals(SoortNaam) || !r.Read() || r.TokenType != JsonTokenType.String)
        {
            return null;
        }

        var vormen = Soorten;
        for (var i = 0; i < vormen.Length; i++)
        {
            if (r.ValueTextEquals(vormen[i].Soort))
            {
                return Object(ref r, vormen[i], _gebeurtenis[i]) as Gebeurtenis;
            }
        }

        return null;
    }

    /// <summary>The events of a traject, or null.</summary>
    private bool Gebeurtenissen(ref Utf8JsonReader r, out ValueList<Gebeurtenis> waarde)
    {
        waarde = default!;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<Gebeurtenis>(16);
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndArray)
            {
                waarde = list.ToValueList();
                return true;
            }

            if (Gebeurtenis(ref r) is not { } e)
            {
                return false;
            }

            list.Add(e);
        }

        return false;
    }

    /// <summary>Reads a value of type <typeparamref name="T"/> at the reader; false when the token is of another JSON type.</summary>
    internal delegate bool Lezer<T>(ref Utf8JsonReader r, SnelleTrajectLezer lezer, out T waarde);

    /// <summary>The shape of a record as the strict options read it: its fields, the required ones, and how to make it.</summary>
    internal sealed class Vorm
    {
        private readonly byte[][] _namen;
        private readonly Func<Veld[], long, object> _maak;

        private Vorm(Type type, byte[] soort, IReadOnlyList<Eigenschap> velden, long verplicht, Func<Veld[], long, object> maak)
        {
            Type = type;
            Soort = soort;
            Velden = velden;
            Verplicht = verplicht;
            _maak = maak;
            _namen = velden.Select(v => Encoding.UTF8.GetBytes(v.Naam)).ToArray();
        }

        /// <summary>The record type.</summary>
        public Type Type { get; }

        /// <summary>The discriminator value of an event kind (UTF-8); empty for a traject.</summary>
        public byte[] Soort { get; }

        /// <summary>The fields, in the serializer's order.</summary>
        public IReadOnlyList<Eigenschap> Velden { get; }

        /// <summary>One bit per required field.</summary>
        public long Verplicht { get; }

        /// <summary>Derives the shape of <paramref name="type"/> from the strict options; throws when it cannot be taken over.</summary>
        public static Vorm Van(Type type, string? soort = null)
        {
            var info = Opties.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object || info.Properties.Count > 64)
            {
                throw new InvalidOperationException($"The single-pass reader cannot read {type.Name}: it reads objects of at most 64 fields.");
            }

            var ctor = Constructor(type) ?? throw new InvalidOperationException($"The single-pass reader cannot read {type.Name}: no constructor the serializer binds.");
            var parameters = ctor.GetParameters();
            var velden = new List<Eigenschap>();
            long verplicht = 0;
            foreach (var p in info.Properties)
            {
                var member = p.AttributeProvider as PropertyInfo
                    ?? throw new InvalidOperationException($"The single-pass reader cannot read field '{p.Name}' of {type.Name}: it is not a property.");
                var parameter = parameters.FirstOrDefault(x => string.Equals(x.Name, member.Name, StringComparison.OrdinalIgnoreCase));
                if (parameter is null && member.SetMethod is null)
                {
                    throw new InvalidOperationException($"The single-pass reader cannot read field '{p.Name}' of {type.Name}: neither a constructor parameter nor settable.");
                }

                var eigenschap = new Eigenschap(p.Name, p.PropertyType, KanNull(p, member, parameter), parameter, member);
                if ((parameter is not null && !parameter.HasDefaultValue) || p.IsRequired)
                {
                    verplicht |= 1L << velden.Count;
                }

                velden.Add(eigenschap);
            }

            return new Vorm(type, soort is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(soort), velden, verplicht, Maker(type, ctor, velden));
        }

        /// <summary>Fresh value holders for one reader.</summary>
        public Veld[] NieuweVelden() => Velden.Select(v => v.NieuwVeld()).ToArray();

        /// <summary>The index of the field named at the reader (searched from <paramref name="van"/>, the expected next one), or −1.</summary>
        public int Zoek(ref Utf8JsonReader r, int van)
        {
            var n = _namen.Length;
            for (var i = 0; i < n; i++)
            {
                var k = van + i < n ? van + i : van + i - n;
                if (r.ValueTextEquals(_namen[k]))
                {
                    return k;
                }
            }

            return -1;
        }

        /// <summary>The value made from the fields read (bits in <paramref name="gezien"/>); the others keep their defaults.</summary>
        public object Maak(Veld[] velden, long gezien) => _maak(velden, gezien);

        /// <summary>The constructor the serializer binds: the one marked [JsonConstructor], else the only public one unless a parameterless one exists.</summary>
        private static ConstructorInfo? Constructor(Type type)
        {
            var all = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            var marked = all.FirstOrDefault(c => c.GetCustomAttribute<JsonConstructorAttribute>() is not null);
            if (marked is not null)
            {
                return marked;
            }

            var open = all.Where(c => c.IsPublic).ToArray();
            return open.FirstOrDefault(c => c.GetParameters().Length == 0) ?? (open.Length == 1 ? open[0] : null);
        }

        /// <summary>Whether the serializer accepts <c>null</c> for the field.</summary>
        private static bool KanNull(JsonPropertyInfo p, PropertyInfo member, ParameterInfo? parameter)
        {
            if (p.PropertyType.IsValueType)
            {
                return Nullable.GetUnderlyingType(p.PropertyType) is not null;
            }
#if NET8_0
            // Version 8 has no IsSetNullable; JsonFormaatNet8 refuses null by the same annotations.
            var context = new NullabilityInfoContext();
            var state = parameter is not null ? context.Create(parameter).WriteState : context.Create(member).WriteState;
            return state != NullabilityState.NotNull;
#else
            _ = member;
            _ = parameter;
            return p.IsSetNullable;
#endif
        }

        /// <summary>
        /// A compiled maker: the constructor with the fields read (an optional parameter not read takes its default),
        /// then each init property that was read.
        /// </summary>
        private static Func<Veld[], long, object> Maker(Type type, ConstructorInfo ctor, List<Eigenschap> velden)
        {
            var v = Expression.Parameter(typeof(Veld[]), "velden");
            var gezien = Expression.Parameter(typeof(long), "gezien");
            Expression Waarde(int k) => Expression.Field(Expression.Convert(Expression.ArrayIndex(v, Expression.Constant(k)), typeof(Veld<>).MakeGenericType(velden[k].Type)), nameof(Veld<int>.Waarde));
            Expression Gelezen(int k) => Expression.NotEqual(Expression.And(gezien, Expression.Constant(1L << k)), Expression.Constant(0L));

            var args = ctor.GetParameters().Select(par =>
            {
                var k = velden.FindIndex(f => f.Parameter == par);
                if (k < 0)
                {
                    throw new InvalidOperationException($"The single-pass reader cannot make {type.Name}: constructor parameter '{par.Name}' has no field.");
                }

                var waarde = Expression.Convert(Waarde(k), par.ParameterType);
                return par.HasDefaultValue
                    ? Expression.Condition(Gelezen(k), waarde, Expression.Constant(par.DefaultValue, par.ParameterType))
                    : (Expression)waarde;
            }).ToArray();

            var o = Expression.Variable(type, "o");
            var body = new List<Expression> { Expression.Assign(o, Expression.New(ctor, args)) };
            for (var k = 0; k < velden.Count; k++)
            {
                if (velden[k].Parameter is null)
                {
                    body.Add(Expression.IfThen(Gelezen(k), Expression.Call(o, velden[k].Member.SetMethod!, Expression.Convert(Waarde(k), velden[k].Member.PropertyType))));
                }
            }

            body.Add(Expression.Convert(o, typeof(object)));
            return Expression.Lambda<Func<Veld[], long, object>>(Expression.Block(new[] { o }, body), v, gezien).Compile();
        }
    }

    /// <summary>A field of a record: its JSON name, its type, whether it accepts null, and where its value goes.</summary>
    internal sealed class Eigenschap
    {
        private static readonly MethodInfo MaakVeldMethode = typeof(Eigenschap).GetMethod(nameof(MaakVeld), BindingFlags.NonPublic | BindingFlags.Static)!;
        private readonly Func<Veld> _nieuw;

        public Eigenschap(string naam, Type type, bool kanNull, ParameterInfo? parameter, PropertyInfo member)
        {
            Naam = naam;
            Type = type;
            KanNull = kanNull;
            Parameter = parameter;
            Member = member;
            var (maak, doorSerializer) = ((Func<Veld>, bool))MaakVeldMethode.MakeGenericMethod(type).Invoke(null, new object[] { kanNull })!;
            _nieuw = maak;
            DoorSerializer = doorSerializer;
        }

        /// <summary>The JSON name.</summary>
        public string Naam { get; }

        /// <summary>The property type.</summary>
        public Type Type { get; }

        /// <summary>Whether <c>null</c> is a valid value.</summary>
        public bool KanNull { get; }

        /// <summary>The constructor parameter it binds, or null for an init property.</summary>
        public ParameterInfo? Parameter { get; }

        /// <summary>The property.</summary>
        public PropertyInfo Member { get; }

        /// <summary>
        /// True when the value is read by <see cref="JsonSerializer"/> itself (a type this reader has no direct reading
        /// for): still the same reading, only slower. A test lists these, so that a new one is a visible choice.
        /// </summary>
        public bool DoorSerializer { get; }

        /// <summary>A fresh value holder.</summary>
        public Veld NieuwVeld() => _nieuw();

        private static (Func<Veld>, bool) MaakVeld<T>(bool kanNull)
        {
            var (lezer, doorSerializer) = LezerVoor<T>();
            return (() => new Veld<T>(lezer, kanNull), doorSerializer);
        }
    }

    /// <summary>The direct reading of a value of type <typeparamref name="T"/>, and whether it is the serializer's general one.</summary>
    private static (Lezer<T> Lezer, bool DoorSerializer) LezerVoor<T>()
    {
        var t = typeof(T);
        if (Nullable.GetUnderlyingType(t) is { } onder)
        {
            var m = typeof(SnelleTrajectLezer).GetMethod(nameof(NullableLezer), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(onder);
            return ((Lezer<T>, bool))m.Invoke(null, null)!;
        }

        object? lezer = t == typeof(string) ? (Lezer<string>)Tekst
            : t == typeof(int) ? (Lezer<int>)Int
            : t == typeof(long) ? (Lezer<long>)Long
            : t == typeof(decimal) ? (Lezer<decimal>)Dec
            : t == typeof(LocalDate) ? (Lezer<LocalDate>)Datum
            : t == typeof(ValueList<Gebeurtenis>) ? (Lezer<ValueList<Gebeurtenis>>)((ref Utf8JsonReader r, SnelleTrajectLezer l, out ValueList<Gebeurtenis> w) => l.Gebeurtenissen(ref r, out w))
            : null;
        if (lezer is not null)
        {
            return ((Lezer<T>)lezer, false);
        }

        // A converter of this library (a duration, an enum, an amount): called directly, as the serializer calls it.
        if (Opties.GetConverter(t) is JsonConverter<T> eigen && eigen.GetType().Assembly == typeof(SnelleTrajectLezer).Assembly)
        {
            return ((ref Utf8JsonReader r, SnelleTrajectLezer _, out T w) =>
            {
                w = eigen.Read(ref r, typeof(T), Opties)!;
                return true;
            }, false);
        }

        return ((ref Utf8JsonReader r, SnelleTrajectLezer _, out T w) =>
        {
            w = JsonSerializer.Deserialize<T>(ref r, Opties)!;
            return true;
        }, true);
    }

    private static (Lezer<T?>, bool) NullableLezer<T>()
        where T : struct
    {
        var (onder, doorSerializer) = LezerVoor<T>();
        return ((ref Utf8JsonReader r, SnelleTrajectLezer l, out T? w) =>
        {
            var ok = onder(ref r, l, out var x);
            w = x;
            return ok;
        }, doorSerializer);
    }

    private static bool Tekst(ref Utf8JsonReader r, SnelleTrajectLezer l, out string w)
    {
        w = r.TokenType == JsonTokenType.String ? Teksten.Read(ref r, typeof(string), Opties)! : null!;
        return w is not null;
    }

    private static bool Int(ref Utf8JsonReader r, SnelleTrajectLezer l, out int w)
    {
        w = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt32(out w);
    }

    private static bool Long(ref Utf8JsonReader r, SnelleTrajectLezer l, out long w)
    {
        w = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt64(out w);
    }

    private static bool Dec(ref Utf8JsonReader r, SnelleTrajectLezer l, out decimal w)
    {
        w = 0m;
        return r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out w);
    }

    /// <summary>
    /// A date: the plain form yyyy-MM-dd (years 1000–9999) read from the digits; any other text by the strict date
    /// converter. An impossible date such as 2027-02-30 throws, as the converter does, and the single pass gives up.
    /// </summary>
    private static bool Datum(ref Utf8JsonReader r, SnelleTrajectLezer l, out LocalDate w)
    {
        w = default;
        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var v = r.ValueSpan;
        if (!r.ValueIsEscaped && !r.HasValueSequence && v.Length == 10 && v[4] == (byte)'-' && v[7] == (byte)'-'
            && Cijfers(v, 0, 4) is var jaar and >= 1000 && Cijfers(v, 5, 2) is var maand and >= 0 && Cijfers(v, 8, 2) is var dag and >= 0)
        {
            w = new LocalDate(jaar, maand, dag);
            return true;
        }

        w = Datums.Read(ref r, typeof(LocalDate), Opties);
        return true;
    }

    /// <summary>The number written by <paramref name="n"/> ASCII digits from <paramref name="van"/>, or −1 when one is not a digit.</summary>
    private static int Cijfers(ReadOnlySpan<byte> v, int van, int n)
    {
        var x = 0;
        for (var i = van; i < van + n; i++)
        {
            var c = v[i] - '0';
            if (c is < 0 or > 9)
            {
                return -1;
            }

            x = (x * 10) + c;
        }

        return x;
    }

    /// <summary>The holder of one field's value while an object is read.</summary>
    internal abstract class Veld
    {
        /// <summary>Reads the value at the reader; false when it is not a valid value of the field.</summary>
        public abstract bool Lees(ref Utf8JsonReader r, SnelleTrajectLezer lezer);
    }

    /// <summary>The holder of a value of type <typeparamref name="T"/>.</summary>
    internal sealed class Veld<T> : Veld
    {
        private readonly Lezer<T> _lezer;
        private readonly bool _kanNull;

        public Veld(Lezer<T> lezer, bool kanNull)
        {
            _lezer = lezer;
            _kanNull = kanNull;
        }

        /// <summary>The value last read.</summary>
        public T Waarde = default!;

        public override bool Lees(ref Utf8JsonReader r, SnelleTrajectLezer lezer)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                Waarde = default!;
                return _kanNull;
            }

            return _lezer(ref r, lezer, out Waarde);
        }
    }
}
