using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Bekostiging.Json;
using NetArchTest.Rules;
using Xunit;

namespace Bekostiging.Tests;

/// <summary>
/// The import table of docs/architectuur.md, checked over the compiled assemblies (NetArchTest reads every type's
/// signatures and method bodies), plus the rules the table rests on: namespace = folder, no thread-static state, no
/// lock on <c>this</c>. Each rule names the types that break it.
/// </summary>
public class ArchitectuurTests
{
    private const string Skip = "wordt aangezet bij de merge van engine/json";

    private static readonly Assembly Core = typeof(Bedrag).Assembly;

    private static readonly Assembly Json = typeof(JsonFormaat).Assembly;

    /// <summary>The core's namespaces, as a regex that matches the namespace and nothing around it.</summary>
    private static string Precies(string ns) => "^" + Regex.Escape(ns) + "$";

    private static string[] Ns(params string[] names) => names.Select(n => "Bekostiging." + n).ToArray();

    private static void GeenAfhankelijkheid(string ns, string[] verboden, string waarom)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(Precies(ns)).ShouldNot().HaveDependencyOnAny(verboden).GetResult();
        var namen = result.FailingTypeNames ?? (IReadOnlyList<string>)Array.Empty<string>();
        Assert.True(result.IsSuccessful, $"{ns} must not use {string.Join(", ", verboden)} ({waarom}); it does in: {string.Join(", ", namen)}");

        // The selection is not empty: a rule over no types would pass for the wrong reason.
        Assert.NotEmpty(Types.InAssembly(Core).That().ResideInNamespaceMatching(Precies(ns)).GetTypes());
    }

    // ---------------------------------------------------------------- the import table

    [Fact]
    public void The_vocabulary_uses_no_other_folder_of_the_core()
        => GeenAfhankelijkheid("Bekostiging", Ns("Configuratie", "Terms", "Events", "Contracts", "Settlement", "Invoicing", "Scenarios"), "money, time, errors and lists are the values everything else is built from");

    [Fact]
    public void Terms_use_no_engine_and_no_events()
        => GeenAfhankelijkheid("Bekostiging.Terms", Ns("Events", "Contracts", "Settlement", "Invoicing", "Scenarios", "Configuratie"), "what was agreed is plain data");

    [Fact]
    public void Events_use_no_engine()
        => GeenAfhankelijkheid("Bekostiging.Events", Ns("Contracts", "Settlement", "Invoicing", "Scenarios", "Configuratie"), "what happened is plain data");

    [Fact]
    public void Configuratie_uses_no_engine()
        => GeenAfhankelijkheid("Bekostiging.Configuratie", Ns("Events", "Contracts", "Settlement", "Invoicing", "Scenarios"), "options only describe begrippen");

    [Fact]
    public void Contracts_use_no_invoicing_and_no_scenarios()
        => GeenAfhankelijkheid("Bekostiging.Contracts", Ns("Invoicing", "Scenarios"), "a contract is terms over time");

    [Fact(Skip = Skip)]
    public void Contracts_do_not_use_the_engine()
        => GeenAfhankelijkheid("Bekostiging.Contracts", Ns("Settlement"), "the contract hands its tariffs to the engine; the engine never knows the contract's type");

    [Fact]
    public void Settlement_uses_no_invoicing_and_no_scenarios()
        => GeenAfhankelijkheid("Bekostiging.Settlement", Ns("Invoicing", "Scenarios"), "the engine settles; runs and simulations call it, not the other way round");

    [Fact]
    public void Invoicing_uses_no_scenarios()
        => GeenAfhankelijkheid("Bekostiging.Invoicing", Ns("Scenarios"), "an invoice run does not simulate");

    [Fact]
    public void The_core_depends_on_NodaTime_alone()
    {
        var anders = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n is not ("NodaTime" or "netstandard" or "mscorlib") && !n.StartsWith("System", StringComparison.Ordinal) && n != "Microsoft.Win32.Primitives")
            .ToList();
        Assert.True(anders.Count == 0, "the core references " + string.Join(", ", anders) + " (README: the core depends on NodaTime alone)");
    }

    [Fact]
    public void No_library_assembly_references_a_report_or_the_tool()
    {
        string[] rapporten = { "Bekostiging.Rapportage", "Bekostiging.Grafieken", "Bekostiging.Cli", "bekostiging" };
        foreach (var a in new[] { Core, Json })
        {
            var fout = a.GetReferencedAssemblies().Select(r => r.Name!).Where(rapporten.Contains).ToList();
            Assert.True(fout.Count == 0, $"{a.GetName().Name} references {string.Join(", ", fout)}: reports use the engine, not the other way round");
        }
    }

    // ---------------------------------------------------------------- no hidden state

    internal static IEnumerable<string> ThreadStaticFields(IEnumerable<Type> types)
        => types.SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => f.IsDefined(typeof(ThreadStaticAttribute), inherit: false))
            .Select(f => $"{t.FullName}.{f.Name}"));

    [Fact]
    public void No_type_in_the_library_keeps_thread_static_state()
    {
        var velden = ThreadStaticFields(Core.GetTypes().Concat(Json.GetTypes())).ToList();
        Assert.True(velden.Count == 0, "[ThreadStatic] carries state between calls: " + string.Join(", ", velden));
    }

    [Fact]
    public void The_thread_static_scan_can_fail()
        => Assert.Equal(new[] { $"{typeof(MetThreadStatic).FullName}.Buffer" }, ThreadStaticFields(new[] { typeof(MetThreadStatic), typeof(ArchitectuurTests) }));

    private static readonly Regex LockOpThis = new(@"\block\s*\(\s*this\s*\)", RegexOptions.CultureInvariant);

    internal static IEnumerable<string> LocksOnThis(string path, string text)
        => LockOpThis.IsMatch(text) ? new[] { path } : Array.Empty<string>();

    [Fact(Skip = Skip)]
    public void Nothing_locks_on_this()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var fout = SourceFiles(src).SelectMany(f => LocksOnThis(Path.GetRelativePath(src, f), File.ReadAllText(f))).ToList();
        Assert.True(fout.Count == 0, "lock (this) lets any caller holding the object block the library: " + string.Join(", ", fout));
    }

    [Fact]
    public void The_lock_scan_can_fail()
    {
        Assert.Single(LocksOnThis("x.cs", "lock (this)\n{\n}"));
        Assert.Empty(LocksOnThis("x.cs", "lock (_gate)\n{\n}"));
    }

    // ---------------------------------------------------------------- namespace = folder

    /// <summary>
    /// Files whose namespace is not their folder on purpose: the DependencyInjection extension method lives in
    /// Microsoft's namespace, as every <c>AddX</c> does, so <c>services.AddBekostiging()</c> needs no using.
    /// </summary>
    private static readonly HashSet<string> Uitzonderingen = new(StringComparer.Ordinal)
    {
        "src/Bekostiging.Extensions.DependencyInjection/BekostigingServiceCollectionExtensions.cs",
    };

    private static readonly Regex NamespaceRegel = new(@"^\s*namespace\s+([A-Za-z_][A-Za-z0-9_.]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// What is wrong with the namespace of <paramref name="relative"/> (a path from the repository root): a file in
    /// project folder P at sub-folder A/B declares namespace P.A.B, where P is the project's folder name (which is its
    /// root namespace).
    /// </summary>
    internal static string? NamespaceFout(string relative, string text, string projectFolder)
    {
        var parts = relative.Split('/');
        var project = projectFolder.Split('/');
        var folders = parts.Skip(project.Length).Take(parts.Length - project.Length - 1);
        var expected = string.Join(".", new[] { project[^1] }.Concat(folders));
        var m = NamespaceRegel.Match(text);
        if (!m.Success)
        {
            return $"{relative} declares no namespace (expected {expected})";
        }

        return m.Groups[1].Value == expected ? null : $"{relative} declares namespace {m.Groups[1].Value}, its folder says {expected}";
    }

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        var root = RepoRoot();
        var fouten = new List<string>();
        var geteld = 0;
        foreach (var projectFile in new[] { "src", "tests", "benchmarks" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.csproj", SearchOption.AllDirectories)))
        {
            var projectDir = Path.GetDirectoryName(projectFile)!;
            var projectFolder = Path.GetRelativePath(root, projectDir).Replace('\\', '/');
            foreach (var file in SourceFiles(projectDir))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (Uitzonderingen.Contains(relative))
                {
                    continue;
                }

                geteld++;
                if (NamespaceFout(relative, File.ReadAllText(file), projectFolder) is { } fout)
                {
                    fouten.Add(fout);
                }
            }
        }

        Assert.True(geteld > 100, $"only {geteld} files scanned");
        Assert.True(fouten.Count == 0, "namespace = folder (docs/beslissingen.md, decision 64):\n" + string.Join("\n", fouten));
    }

    [Fact]
    public void The_namespace_scan_can_fail()
    {
        Assert.Null(NamespaceFout("src/Bekostiging/Terms/Trap.cs", "using X;\n\nnamespace Bekostiging.Terms;\n", "src/Bekostiging"));
        Assert.Null(NamespaceFout("src/Bekostiging/Bedrag.cs", "namespace Bekostiging;\n", "src/Bekostiging"));
        Assert.NotNull(NamespaceFout("src/Bekostiging/Geld/Bedrag.cs", "namespace Bekostiging;\n", "src/Bekostiging"));
        Assert.NotNull(NamespaceFout("src/Bekostiging.Grafieken/Grafiekmaker.cs", "namespace Bekostiging.Scenarios;\n", "src/Bekostiging.Grafieken"));
        Assert.NotNull(NamespaceFout("src/Bekostiging/Terms/Bouwstenen/Trap.cs", "namespace Bekostiging.Terms;\n", "src/Bekostiging"));
        Assert.NotNull(NamespaceFout("src/Bekostiging/Terms/Trap.cs", "// no namespace\n", "src/Bekostiging"));
    }

    // ---------------------------------------------------------------- helpers

    private static IEnumerable<string> SourceFiles(string dir)
        => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

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

#pragma warning disable CA1812, CA2211, CS0649
    private sealed class MetThreadStatic
    {
        [ThreadStatic]
        public static int[]? Buffer;
    }
#pragma warning restore CA1812, CA2211, CS0649
}
