using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using Bekostiging.Events;
using Bekostiging.Rapportage;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using Xunit;

namespace Bekostiging.Tests;

/// <summary>
/// Design rules kept true by reflection (style.md, "Design tests by reflection"): public domain types are immutable,
/// <see cref="IEquatable{T}"/> implies <c>==</c> and <c>!=</c>, no public mutable collections, stable enum names, and no
/// clock in the library. Each checker is also run on a small test-only type that breaks its rule, so the checks can fail.
/// </summary>
public class DesignTests
{
    private static readonly Assembly Core = typeof(Bedrag).Assembly;

    private static readonly Assembly Rapportage = typeof(CsvExport).Assembly;

    /// <summary>The namespaces whose public types are domain values or engines: immutable.</summary>
    private static readonly HashSet<string> ImmutableNamespaces = new(StringComparer.Ordinal)
    {
        "Bekostiging", "Bekostiging.Terms", "Bekostiging.Events", "Bekostiging.Settlement", "Bekostiging.Contracts", "Bekostiging.Invoicing",
    };

    /// <summary>Options classes that Microsoft.Extensions.Options binds through setters.</summary>
    private static readonly HashSet<string> SetterExempt = new(StringComparer.Ordinal) { "Bekostiging.Configuratie.BegrippenOptions" };

    private const BindingFlags PublicDeclared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> PublicTypes() => Core.GetExportedTypes().Concat(Rapportage.GetExportedTypes());

    private static string Name(Type t) => t.FullName ?? t.Name;

    // ---------------------------------------------------------------- checkers

    /// <summary>Public setters that are not <c>init</c>, and public fields that are not read-only, declared on <paramref name="t"/>.</summary>
    internal static IEnumerable<string> MutableMembers(Type t)
    {
        foreach (var p in t.GetProperties(PublicDeclared))
        {
            var setter = p.GetSetMethod(nonPublic: false);
            if (setter is not null && !IsInitOnly(setter))
            {
                yield return $"{Name(t)}.{p.Name} has a public setter";
            }
        }

        foreach (var f in t.GetFields(PublicDeclared))
        {
            // An enum's value__ is the runtime's, not a member anyone can assign through the enum.
            if (!f.IsInitOnly && !f.IsLiteral && !f.IsSpecialName)
            {
                yield return $"{Name(t)}.{f.Name} is a public field that is not read-only";
            }
        }
    }

    private static bool IsInitOnly(MethodInfo setter)
        => setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");

    /// <summary>When <paramref name="t"/> implements <c>IEquatable&lt;itself&gt;</c>: the missing <c>op_Equality</c>/<c>op_Inequality</c>.</summary>
    internal static IEnumerable<string> MissingEqualityOperators(Type t)
    {
        var equatable = t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && IsSelf(i.GetGenericArguments()[0], t));
        if (!equatable)
        {
            yield break;
        }

        foreach (var op in new[] { "op_Equality", "op_Inequality" })
        {
            var found = t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m =>
                m.Name == op
                && m.ReturnType == typeof(bool)
                && m.GetParameters() is { Length: 2 } ps
                && ps.All(p => IsSelf(p.ParameterType, t) || IsSelf(Nullable.GetUnderlyingType(p.ParameterType), t)));
            if (!found)
            {
                yield return $"{Name(t)} implements IEquatable<{t.Name}> but has no {op}";
            }
        }
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="t"/> (a generic type definition matches itself constructed over its own parameters).</summary>
    private static bool IsSelf(Type? candidate, Type t)
        => candidate is not null
           && (candidate == t || (t.IsGenericTypeDefinition && candidate.IsGenericType && candidate.GetGenericTypeDefinition() == t));

    /// <summary>Public properties and fields declared on <paramref name="t"/> whose type is (or contains) a mutable collection.</summary>
    internal static IEnumerable<string> MutableCollectionMembers(Type t)
    {
        foreach (var p in t.GetProperties(PublicDeclared))
        {
            if (p.GetGetMethod(nonPublic: false) is not null && MutableCollection(p.PropertyType) is { } what)
            {
                yield return $"{Name(t)}.{p.Name} exposes {what}";
            }
        }

        foreach (var f in t.GetFields(PublicDeclared))
        {
            if (MutableCollection(f.FieldType) is { } what)
            {
                yield return $"{Name(t)}.{f.Name} exposes {what}";
            }
        }
    }

    private static readonly Type[] MutableGenericCollections =
    {
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedSet<>), typeof(SortedDictionary<,>), typeof(SortedList<,>),
        typeof(LinkedList<>), typeof(Queue<>), typeof(Stack<>), typeof(Collection<>),
        typeof(ICollection<>), typeof(IList<>), typeof(IDictionary<,>), typeof(ISet<>),
    };

    /// <summary>The mutable collection inside <paramref name="type"/> (itself, an array element or a type argument), or <see langword="null"/>. Delegates (Func) are exempt.</summary>
    private static string? MutableCollection(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.Name + " (an array)";
        }

        if (type == typeof(ArrayList) || type == typeof(Hashtable) || type == typeof(IList) || type == typeof(IDictionary))
        {
            return type.Name;
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        if (Array.IndexOf(MutableGenericCollections, type.GetGenericTypeDefinition()) >= 0)
        {
            return type.Name;
        }

        // IReadOnlyList<List<T>> or ValueList<T[]> still hands out something mutable.
        return type.GetGenericArguments().Select(MutableCollection).FirstOrDefault(x => x is not null);
    }

    private static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}:\n  " + string.Join("\n  ", list));
    }

    // ---------------------------------------------------------------- (a) immutable domain types

    [Fact]
    public void Public_domain_types_have_no_public_setters_other_than_init()
    {
        var types = PublicTypes().Where(t => t.Namespace is not null && ImmutableNamespaces.Contains(t.Namespace) && !SetterExempt.Contains(Name(t))).ToList();
        Assert.NotEmpty(types);
        AssertNone(types.SelectMany(MutableMembers), "public domain types are immutable (style.md); only init setters");
    }

    [Fact]
    public void Setter_checker_flags_set_and_public_fields_but_not_init()
    {
        Assert.Equal(
            new[] { $"{Name(typeof(HasSetter))}.Wert has a public setter", $"{Name(typeof(HasSetter))}.Veld is a public field that is not read-only" },
            MutableMembers(typeof(HasSetter)));
        Assert.Empty(MutableMembers(typeof(InitOnly)));
        Assert.Empty(MutableMembers(typeof(InitOnlyRecord)));

        // The exempt options class really has setters: the exemption is needed, and the checker sees them.
        Assert.NotEmpty(MutableMembers(typeof(Configuratie.BegrippenOptions)));
        Assert.Contains("Bekostiging.Configuratie.BegrippenOptions", SetterExempt);
    }

    // ---------------------------------------------------------------- (b) IEquatable<T> implies == and !=

    [Fact]
    public void Equatable_types_define_equality_operators()
    {
        var types = PublicTypes().ToList();
        // Records and the hand-written values (Bedrag, ValueList<T>) are in scope: the check sees them.
        Assert.Contains(types, t => t == typeof(Bedrag));
        Assert.Contains(types, t => t == typeof(ValueList<>));
        AssertNone(types.SelectMany(MissingEqualityOperators), "IEquatable<T> of itself implies op_Equality and op_Inequality");
    }

    [Fact]
    public void Equality_checker_flags_a_missing_operator()
    {
        Assert.Equal(
            new[] { $"{Name(typeof(EquatableWithoutOperators))} implements IEquatable<EquatableWithoutOperators> but has no op_Equality", $"{Name(typeof(EquatableWithoutOperators))} implements IEquatable<EquatableWithoutOperators> but has no op_Inequality" },
            MissingEqualityOperators(typeof(EquatableWithoutOperators)));
        Assert.Empty(MissingEqualityOperators(typeof(InitOnlyRecord)));
        Assert.Empty(MissingEqualityOperators(typeof(Bedrag)));
        Assert.Empty(MissingEqualityOperators(typeof(ValueList<>)));
        Assert.Empty(MissingEqualityOperators(typeof(GenericEquatable<>)));
        Assert.NotEmpty(MissingEqualityOperators(typeof(GenericEquatableWithoutOperators<>)));
    }

    // ---------------------------------------------------------------- (c) no public mutable collections

    [Fact]
    public void No_public_member_exposes_a_mutable_collection()
        => AssertNone(PublicTypes().SelectMany(MutableCollectionMembers), "no public property or field exposes a mutable collection");

    [Fact]
    public void Collection_checker_flags_lists_arrays_and_dictionaries_but_not_read_only_views_or_funcs()
    {
        var violations = MutableCollectionMembers(typeof(ExposesCollections)).ToList();
        var n = Name(typeof(ExposesCollections));
        Assert.Equal(
            new[]
            {
                $"{n}.Lijst exposes List`1", $"{n}.Tabel exposes Dictionary`2", $"{n}.Reeks exposes Int32[] (an array)",
                $"{n}.Set exposes HashSet`1", $"{n}.Collectie exposes ICollection`1", $"{n}.IndexLijst exposes IList`1",
                $"{n}.Genest exposes List`1", $"{n}.Veld exposes String[] (an array)",
            }.OrderBy(x => x, StringComparer.Ordinal),
            violations.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Empty(MutableCollectionMembers(typeof(ExposesReadOnlyViews)));
    }

    /// <summary>
    /// Public static properties and fields of <paramref name="t"/> declared as a read-only view whose value is a mutable
    /// collection: a caller can cast <c>IReadOnlyList&lt;string&gt;</c> back to <c>string[]</c> and change it for everyone.
    /// </summary>
    internal static IEnumerable<string> MutableStaticValues(Type t)
    {
        if (t.ContainsGenericParameters)
        {
            yield break;
        }

        var members = t.GetProperties(PublicDeclared & ~BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetGetMethod(nonPublic: false) is not null)
            .Select(p => (p.Name, Declared: p.PropertyType, Value: (Func<object?>)(() => p.GetValue(null))))
            .Concat(t.GetFields(PublicDeclared & ~BindingFlags.Instance).Select(f => (f.Name, Declared: f.FieldType, Value: (Func<object?>)(() => f.GetValue(null)))));
        foreach (var (name, declared, value) in members)
        {
            if (MutableCollection(declared) is null && value() is { } v && MutableCollection(v.GetType()) is { } what)
            {
                yield return $"{Name(t)}.{name} is declared {declared.Name} but holds {what}";
            }
        }
    }

    /// <summary>Known violations, each to be removed when fixed (none at present; the CSV column lists were fixed).</summary>
    private static readonly string[] KnownMutableStaticValues = Array.Empty<string>();

    [Fact]
    public void Static_read_only_views_do_not_hold_mutable_collections()
    {
        var found = PublicTypes().SelectMany(MutableStaticValues).ToList();
        AssertNone(found.Except(KnownMutableStaticValues, StringComparer.Ordinal), "a static read-only view must not be castable back to a mutable collection");
        AssertNone(
            KnownMutableStaticValues.Except(found, StringComparer.Ordinal).Select(k => "fixed, remove from KnownMutableStaticValues: " + k),
            "known violations that no longer occur");
    }

    [Fact]
    public void Static_value_checker_flags_an_array_behind_a_read_only_view()
    {
        var n = Name(typeof(StaticViews));
        Assert.Equal(new[] { $"{n}.Kolommen is declared IReadOnlyList`1 but holds String[] (an array)" }, MutableStaticValues(typeof(StaticViews)));
    }

    // ---------------------------------------------------------------- (e) stable enum names, no clock

    [Theory]
    [InlineData(typeof(FoutCode))]
    [InlineData(typeof(Reden))]
    public void Every_enum_value_has_its_own_name(Type enumType)
    {
        var names = Enum.GetNames(enumType);
        var values = Enum.GetValues(enumType).Cast<object>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var shared = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{g.Key}: " + string.Join(", ", names.Where(x => Convert.ToInt64(Enum.Parse(enumType, x), System.Globalization.CultureInfo.InvariantCulture) == g.Key)));
        AssertNone(shared, $"two names of {enumType.Name} share a value (the names are a stable public contract)");
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static readonly string[] ClockReads = { "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow" };

    internal static IEnumerable<string> ClockReadsIn(string path, string text)
        => ClockReads.Where(c => text.Contains(c, StringComparison.Ordinal)).Select(c => $"{path} reads {c}");

    [Fact]
    public void The_library_never_reads_the_clock()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(files);
        AssertNone(files.SelectMany(f => ClockReadsIn(Path.GetRelativePath(src, f), File.ReadAllText(f))), "the peildatum is always an argument (style.md: never DateTime.Now)");

        // The scan can fail.
        Assert.Single(ClockReadsIn("x.cs", "var today = System.DateTime.Today;"));
    }

    /// <summary>What lets a type outside the assembly derive from <paramref name="basis"/>: a constructor it can call, or no member it cannot override.</summary>
    internal static IEnumerable<string> OpenToDerive(Type basis)
    {
        foreach (var c in basis.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            // A record's copy constructor must stay protected (a C# rule); the sealing member below closes it.
            var copy = c.GetParameters() is { Length: 1 } p && p[0].ParameterType == basis;
            if (!copy && (c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly))
            {
                yield return $"{basis.Name}({string.Join(", ", c.GetParameters().Select(x => x.ParameterType.Name))}) can be called from a derived type elsewhere";
            }
        }

        var sealing = basis.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Any(m => m.IsAbstract && (m.IsAssembly || m.IsFamilyAndAssembly));
        if (!sealing)
        {
            yield return $"{basis.Name} has no abstract member only its own assembly can override";
        }
    }

    [Theory]
    [InlineData(typeof(Betaalregel))]
    [InlineData(typeof(Gebeurtenis))]
    public void Closed_hierarchies_cannot_be_derived_outside_the_library(Type basis)
    {
        AssertNone(OpenToDerive(basis), "the engine knows every building block and event kind (decision 66)");
        var derived = Core.GetTypes().Where(t => t.IsSubclassOf(basis)).ToList();
        Assert.NotEmpty(derived);
        AssertNone(derived.Where(t => !t.IsSealed).Select(t => $"{t.Name} is not sealed"), "each block and event kind is final");
    }

    [Fact]
    public void The_closed_hierarchy_check_can_fail()
        => Assert.Equal(2, OpenToDerive(typeof(OpenRecord)).Count());

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bekostiging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Bekostiging.sln above {AppContext.BaseDirectory}.");
    }

    // ---------------------------------------------------------------- test-only types that break (or keep) the rules

#pragma warning disable CA1812, CA1051, CA1819, CA2227, CA1002, CA1815, CA2231, CA1066, CA1067, CA1036
    private abstract record OpenRecord
    {
        protected OpenRecord()
        {
        }
    }

    private sealed class HasSetter
    {
        public string Veld = "x";

        public int Wert { get; set; }

        public int Gelezen { get; private set; }

        public const int Constante = 1;

        public static readonly int Statisch = 1;
    }

    private sealed class InitOnly
    {
        public int Wert { get; init; }

        public readonly int Veld = 1;
    }

    private sealed record InitOnlyRecord(int Wert, Bedrag Bedrag);

    private readonly struct EquatableWithoutOperators : IEquatable<EquatableWithoutOperators>
    {
        public bool Equals(EquatableWithoutOperators other) => true;

        public override bool Equals(object? obj) => obj is EquatableWithoutOperators;

        public override int GetHashCode() => 0;
    }

    private sealed class GenericEquatable<T> : IEquatable<GenericEquatable<T>>
    {
        public static bool operator ==(GenericEquatable<T>? a, GenericEquatable<T>? b) => Equals(a, b);

        public static bool operator !=(GenericEquatable<T>? a, GenericEquatable<T>? b) => !Equals(a, b);

        public bool Equals(GenericEquatable<T>? other) => other is not null;

        public override bool Equals(object? obj) => obj is GenericEquatable<T>;

        public override int GetHashCode() => 0;
    }

    private sealed class GenericEquatableWithoutOperators<T> : IEquatable<GenericEquatableWithoutOperators<T>>
    {
        public bool Equals(GenericEquatableWithoutOperators<T>? other) => other is not null;

        public override bool Equals(object? obj) => obj is GenericEquatableWithoutOperators<T>;

        public override int GetHashCode() => 0;
    }

    private sealed class ExposesCollections
    {
        public readonly string[] Veld = Array.Empty<string>();

        public List<int> Lijst { get; } = new();

        public Dictionary<string, int> Tabel { get; } = new();

        public int[] Reeks { get; } = Array.Empty<int>();

        public HashSet<int> Set { get; } = new();

        public ICollection<int> Collectie { get; } = new List<int>();

        public IList<int> IndexLijst { get; } = new List<int>();

        public IReadOnlyList<List<int>> Genest { get; } = new List<List<int>>();

        public Func<int[], List<int>> Functie { get; } = a => a.ToList();
    }

    private sealed class ExposesReadOnlyViews
    {
        public IReadOnlyList<int> Lijst { get; } = Array.Empty<int>();

        public IReadOnlyDictionary<string, int> Tabel { get; } = new Dictionary<string, int>();

        public ValueList<int> Waarden { get; } = ValueList<int>.Empty;

        public IEnumerable<int> Reeks { get; } = Array.Empty<int>();

        public Func<int[], List<int>> Functie { get; } = a => a.ToList();
    }
    private static class StaticViews
    {
        public static IReadOnlyList<string> Kolommen { get; } = new[] { "a", "b" };

        public static IReadOnlyList<string> Veilig { get; } = Array.AsReadOnly(new[] { "a", "b" });

        public static ValueList<string> Waarden { get; } = ValueList.Of("a");
    }
#pragma warning restore CA1812, CA1051, CA1819, CA2227, CA1002, CA1815, CA2231, CA1066, CA1067, CA1036
}
