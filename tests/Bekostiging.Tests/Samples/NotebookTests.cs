using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Tests.Samples;

/// <summary>
/// No notebook kernel can be installed here, so the notebook is kept honest another way: its C# cells are extracted,
/// its <c>#r "nuget: …"</c> lines become <c>#:package</c> directives, and the result runs as a file-based app against
/// the locally packed packages (artifacts/packages). The notebook cannot rot without this test failing.
/// </summary>
public class NotebookTests
{
    private static readonly string[] Packages = { "Bekostiging", "Bekostiging.Rapportage", "Bekostiging.Grafieken" };
    private readonly ITestOutputHelper _output;

    public NotebookTests(ITestOutputHelper output) => _output = output;

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bekostiging.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>Turns the notebook's code cells into one file-based app.</summary>
    internal static string AlsApp(string notebookJson, int iteraties, string uit)
    {
        using var doc = JsonDocument.Parse(notebookJson);
        var directives = new StringBuilder();
        var code = new StringBuilder();
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            var text = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            foreach (var line in text.Split('\n'))
            {
                var t = line.Trim();
                if (t.StartsWith("#r \"nuget:", StringComparison.Ordinal))
                {
                    var spec = t["#r \"nuget:".Length..].TrimEnd('"').Split(',').Select(s => s.Trim()).ToArray();
                    directives.Append("#:package ").Append(spec[0]).Append('@').Append(spec[1]).Append('\n');
                }
                else
                {
                    code.Append(line).Append('\n');
                }
            }

            code.Append('\n');
        }

        var body = code.ToString()
            .Replace("var iteraties = 200;", $"var iteraties = {iteraties};", StringComparison.Ordinal)
            .Replace("var uit = \"vergelijking\";", $"var uit = {JsonSerializer.Serialize(uit)};", StringComparison.Ordinal);
        return directives + body;
    }

    [Fact]
    public void Notebook_cells_extract_to_an_app_with_package_directives()
    {
        var nb = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "vergelijk.ipynb"));
        var app = AlsApp(nb, 5, "/tmp/x");
        Assert.StartsWith("#:package Bekostiging@0.1.0\n#:package Bekostiging.Grafieken@0.1.0\n", app, StringComparison.Ordinal);
        Assert.Contains("var iteraties = 5;", app, StringComparison.Ordinal);
        Assert.Contains("Simulatie.Vergelijk(scenario)", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_runs_as_a_file_based_app_against_the_packed_packages()
    {
        var root = RepoRoot();
        var feed = Path.Combine(root, "artifacts", "packages");
        foreach (var p in Packages)
        {
            if (!File.Exists(Path.Combine(feed, $"{p}.0.1.0.nupkg")))
            {
                Run(root, "dotnet", $"pack src/{p}/{p}.csproj -c Release -o artifacts/packages", TimeSpan.FromMinutes(8));
            }
        }

        // A repack keeps the version: never let a stale copy from an earlier run be restored.
        var restored = Path.Combine(root, "artifacts", "sample-packages");
        foreach (var p in Packages)
        {
            var dir = Path.Combine(restored, p.ToLowerInvariant());
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var uit = Path.Combine(Path.GetTempPath(), "bekostiging-notebook-" + Guid.NewGuid().ToString("N"));
        var appDir = Path.Combine(root, "samples", ".notebook");
        Directory.CreateDirectory(appDir);
        var app = Path.Combine(appDir, "notebook.cs");
        File.WriteAllText(app, AlsApp(File.ReadAllText(Path.Combine(root, "samples", "vergelijk.ipynb")), 4, uit));

        var output = Run(root, "dotnet", $"run --no-cache {app}", TimeSpan.FromMinutes(8));
        Assert.Contains("Starttarief + bonus per uitstroomtype", output, StringComparison.Ordinal);
        var pngs = Directory.GetFiles(uit, "*.png");
        Assert.True(pngs.Length >= 4, $"expected 4 charts in {uit}, found {pngs.Length}");
        Assert.All(pngs, f => Assert.True(new FileInfo(f).Length > 1000));
        Directory.Delete(uit, recursive: true);
    }

    private string Run(string cwd, string file, string arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, arguments) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout}.");
        }

        var all = stdout.Result + stderr.Result;
        _output.WriteLine($"$ {file} {arguments}\n{all}");
        Assert.True(p.ExitCode == 0, $"{file} {arguments} exited with {p.ExitCode}:\n{all}");
        return all;
    }
}
