using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Bekostiging.Contracts;
using Bekostiging.Json;
using Bekostiging.Rapportage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Bekostiging.Tests;

/// <summary>
/// Issue 13 point 13: every public constructor of the library, fed arbitrary values — extremes, nulls, undefined enum
/// values, other calendars, hostile text — either builds a value or throws an argument error
/// (<see cref="ArgumentException"/> and its kind) or a <see cref="BekostigingException"/>; never an overflow, a null
/// reference, an out-of-memory or an invalid operation.
/// </summary>
public class ConstructorProperties
{
    private static readonly Assembly[] Assemblies = { typeof(Bedrag).Assembly, typeof(JsonLezer).Assembly, typeof(CsvExport).Assembly };

    /// <summary>Every public constructor of every public, concrete, non-generic type.</summary>
    internal static readonly ConstructorInfo[] Constructors = Assemblies
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t))
        .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        .Where(c => c.GetParameters().Length > 0)
        .OrderBy(c => c.DeclaringType!.FullName, StringComparer.Ordinal)
        .ThenBy(c => c.ToString(), StringComparer.Ordinal)
        .ToArray();

    [Property(MaxTest = 3000)]
    public Property Any_public_constructor_fed_arbitrary_values_throws_only_argument_or_domain_errors()
    {
        var gen = Gen.Elements(Constructors).SelectMany(c => Argumenten(c, 3).Select(a => (Ctor: c, Args: a)));
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var fout = Probeer(t.Ctor, t.Args);
            return (fout is null || fout is ArgumentException or BekostigingException)
                .Label($"new {t.Ctor.DeclaringType!.Name}({string.Join(", ", t.Args.Select(Toon))}) threw {fout?.GetType().Name}: {fout?.Message}");
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 1)]
    public bool The_constructors_include_the_ones_the_issue_names()
    {
        var namen = Constructors.Select(c => c.DeclaringType!.Name).ToHashSet();
        return new[] { "Raamovereenkomst", "Indexatiepercentage", "Instroomgarantie", "Bonusklasse", "Duur", "Plaatsing", "Termijnen", "Traject", "Factuurinstellingen" }.All(namen.Contains);
    }

    internal static Exception? Probeer(ConstructorInfo c, object?[] args)
    {
        try
        {
            _ = c.Invoke(args);
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }

    private static Gen<object?[]> Argumenten(ConstructorInfo c, int diepte)
    {
        var ps = c.GetParameters();
        var gens = ps.Select(p => Voor(p.ParameterType, diepte)).ToArray();
        return gens.Length == 0 ? Gen.Constant(Array.Empty<object?>()) : Gen.CollectToArray(gens, g => g);
    }

    private static readonly Dictionary<(Type, int), Gen<object?>> Cache = new();

    /// <summary>Arbitrary values of a type: its awkward edges and, for composite types, instances built the same way.</summary>
    internal static Gen<object?> Voor(Type t, int diepte)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((t, diepte), out var g))
            {
                return g;
            }
        }

        var gen = Maak(t, diepte);
        lock (Cache)
        {
            Cache[(t, diepte)] = gen;
        }

        return gen;
    }

    private static Gen<object?> Maak(Type t, int diepte)
    {
        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            return Gen.Frequency((1, Gen.Constant<object?>(null)), (3, Voor(inner, diepte)));
        }

        if (t == typeof(string))
        {
            return Gen.Elements<object?>(null, string.Empty, " ", "x", "T-1", "ABG-2026", "../../x", "/tmp/x", "a\0b", "T-1\u200B", "=1+1", new string('a', 300), "\ud800");
        }

        if (t == typeof(int))
        {
            return Gen.OneOf(Gen.Elements<object?>(int.MinValue, -1, 0, 1, 2, 4, 6, 7, 24, 169, 10_001, 100_000, int.MaxValue), Gen.Choose(-1000, 1000).Select(i => (object?)i));
        }

        if (t == typeof(long))
        {
            return Gen.Elements<object?>(long.MinValue, -1L, 0L, 1L, 100_000_000_000_001L, long.MaxValue);
        }

        if (t == typeof(ulong))
        {
            return Gen.Elements<object?>(0UL, 1UL, ulong.MaxValue);
        }

        if (t == typeof(double))
        {
            return Gen.Elements<object?>(double.NaN, double.NegativeInfinity, -1d, 0d, 0.5d, 1d, double.MaxValue);
        }

        if (t == typeof(decimal))
        {
            return Gen.Elements<object?>(decimal.MinValue, -1_000_000_000_000.01m, -150m, -1m, 0m, 0.001m, 0.5m, 1m, 12m, 168m, 169m, 1_000_000_000_000m, decimal.MaxValue);
        }

        if (t == typeof(bool))
        {
            return Gen.Elements<object?>(false, true);
        }

        if (t == typeof(LocalDate))
        {
            return Gen.Elements<object?>(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(2026, 1, 1), new LocalDate(2028, 2, 29), new LocalDate(2026, 3, 1, CalendarSystem.Julian));
        }

        if (t == typeof(DateInterval))
        {
            return Gen.Elements<object?>(null, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), new DateInterval(LocalDate.MinIsoValue, LocalDate.MaxIsoValue));
        }

        if (t == typeof(Bedrag))
        {
            return Gen.Elements<object?>(Bedrag.Nul, Bedrag.Van(-1m), Bedrag.Van(750m), Bedrag.Van(Bedrag.Maximum), Bedrag.Van(-Bedrag.Maximum));
        }

        if (t == typeof(Duur))
        {
            return Gen.Elements<object?>(default(Duur), Duur.Dagen(0), Duur.Weken(6), Duur.Maanden(6), Duur.Jaren(100), Duur.Dagen(36_525));
        }

        if (t.IsEnum)
        {
            var values = Enum.GetValues(t).Cast<object>().Append(Enum.ToObject(t, 99)).Append(Enum.ToObject(t, -1)).ToArray();
            return Gen.Elements(values).Select(v => (object?)v);
        }

        if (typeof(Delegate).IsAssignableFrom(t) || t == typeof(object) || t == typeof(Type))
        {
            return Gen.Constant<object?>(null);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            var e = t.GetGenericArguments()[0];
            return Lijst(e, diepte).Select(items => items is null ? null : Activator.CreateInstance(t, ToArray(e, items)));
        }

        if (t.IsArray)
        {
            var e = t.GetElementType()!;
            return Lijst(e, diepte).Select(items => items is null ? null : (object?)ToArray(e, items));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() is var d
            && (d == typeof(IReadOnlyList<>) || d == typeof(IEnumerable<>) || d == typeof(IReadOnlyCollection<>) || d == typeof(IList<>)))
        {
            var e = t.GetGenericArguments()[0];
            return Lijst(e, diepte).Select(items => items is null ? null : (object?)ToArray(e, items));
        }

        // A composite: built by one of its own (or, for an abstract type, a derived type's) public constructors.
        var ctors = Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(x => !x.IsAbstract && !x.IsGenericTypeDefinition && t.IsAssignableFrom(x))
            .SelectMany(x => x.GetConstructors())
            .Where(c => c.GetParameters().Length > 0 && !c.GetParameters().Any(p => p.ParameterType == c.DeclaringType))
            .ToArray();
        if (diepte <= 0 || ctors.Length == 0)
        {
            return Gen.Constant<object?>(t.IsValueType ? Activator.CreateInstance(t) : null);
        }

        var gebouwd = Gen.Elements(ctors).SelectMany(c => Argumenten(c, diepte - 1).Select(args => Probeer(c, args) is null ? c.Invoke(args) : null));
        return t.IsValueType ? gebouwd.Select(v => v ?? Activator.CreateInstance(t)) : Gen.Frequency((1, Gen.Constant<object?>(null)), (4, gebouwd));
    }

    private static Gen<List<object?>?> Lijst(Type element, int diepte)
    {
        var e = Voor(element, diepte - 1);
        return Gen.Frequency(
            (1, Gen.Constant<List<object?>?>(null)),
            (1, Gen.Constant<List<object?>?>(new List<object?>())),
            (3, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(e, n)).Select(l => (List<object?>?)l.ToList())));
    }

    private static Array ToArray(Type element, List<object?> items)
    {
        var a = Array.CreateInstance(element, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not null || !element.IsValueType)
            {
                a.SetValue(items[i], i);
            }
        }

        return a;
    }

    private static string Toon(object? v)
    {
        try
        {
            return v switch
            {
                null => "null",
                string s => "\"" + Kenmerk.Zichtbaar(s.Length > 20 ? s[..20] + "…" : s) + "\"",
                _ => v.ToString() ?? v.GetType().Name,
            };
        }
#pragma warning disable CA1031 // a value built with a null inside may not print; the label must still show the rest
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{v!.GetType().Name} (ToString threw {e.GetType().Name})";
        }
    }
}
