using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Notebook.Tests;

/// <summary>
/// Executes samples/vergelijk.ipynb as a notebook user would: every code cell, in order, in one .NET Interactive C#
/// kernel whose working folder is the notebook's, with <c>#i</c>/<c>#r "nuget: …"</c> resolved against the locally
/// packed packages (artifacts/packages). Any failed cell or compiler error fails the test. The outputs are rendered
/// to artifacts/notebook/vergelijk.md with the images beside it (docs/notebook/ holds a committed copy).
/// </summary>
public sealed class NotebookTests
{
    private static readonly string[] Packages = { "Bekostiging", "Bekostiging.Json", "Bekostiging.Rapportage", "Bekostiging.Grafieken" };
    private readonly ITestOutputHelper _output;

    public NotebookTests(ITestOutputHelper output) => _output = output;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bekostiging.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public async Task Every_cell_of_the_notebook_runs_against_the_packed_packages()
    {
        var root = RepoRoot();
        EnsurePacked(root);

        // A private package folder: a repack keeps version 0.1.0, and the global cache may hold another build of it.
        var cache = Path.Combine(root, "artifacts", "notebook-packages");
        Directory.CreateDirectory(cache);
        foreach (var p in Packages)
        {
            var dir = Path.Combine(cache, p.ToLowerInvariant());
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        Environment.SetEnvironmentVariable("NUGET_PACKAGES", cache);
        var samples = Path.Combine(root, "samples");
        var notebook = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(File.ReadAllText(Path.Combine(samples, "vergelijk.ipynb")));
        var iteraties = Environment.GetEnvironmentVariable("BEKOSTIGING_NOTEBOOK_ITERATIES") is { Length: > 0 } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20;

        // The notebook's folder is the kernel's working folder, as in Jupyter and VS Code (this test has its own process).
        Directory.SetCurrentDirectory(samples);
        using var kernel = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((k, refs) =>
            {
                k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            });

        var uit = Path.Combine(root, "artifacts", "notebook");
        if (Directory.Exists(uit))
        {
            Directory.Delete(uit, recursive: true);
        }

        Directory.CreateDirectory(uit);
        var md = new StringBuilder();
        var stdout = new StringBuilder();
        var images = 0;
        var htmlTables = 0;
        var cell = 0;
        foreach (var element in notebook.Elements)
        {
            if (element.KernelName is "markdown")
            {
                md.Append(element.Contents.TrimEnd()).Append("\n\n");
                continue;
            }

            cell++;
            var code = Regex.Replace(element.Contents, @"var iteraties = \d+;", $"var iteraties = {iteraties};");
            md.Append("```csharp\n").Append(element.Contents.TrimEnd()).Append("\n```\n\n");
            var result = await kernel.SendAsync(new SubmitCode(code));
            var errors = new List<string>();
            foreach (var e in result.Events)
            {
                switch (e)
                {
                    case CommandFailed f:
                        errors.Add(f.Message);
                        break;
                    case DiagnosticsProduced d:
                        errors.AddRange(d.Diagnostics.Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(x => x.Message));
                        break;
                    case StandardOutputValueProduced o:
                        var text = o.FormattedValues.First().Value;
                        stdout.Append(text);
                        md.Append("```text\n").Append(text.TrimEnd()).Append("\n```\n\n");
                        break;
                    case StandardErrorValueProduced o:
                        errors.Add("stderr: " + o.FormattedValues.First().Value);
                        break;
                    case DisplayEvent d when d is DisplayedValueProduced or ReturnValueProduced or DisplayedValueUpdated:
                        var html = d.FormattedValues.FirstOrDefault(v => v.MimeType == "text/html")?.Value;
                        if (html is null)
                        {
                            break;
                        }

                        var img = Regex.Match(html, "<img[^>]*src=\"data:image/png;base64,([^\"]+)\"[^>]*alt=\"([^\"]*)\"");
                        if (img.Success)
                        {
                            var name = $"cel{cell:00}-{++images}.png";
                            File.WriteAllBytes(Path.Combine(uit, name), Convert.FromBase64String(img.Groups[1].Value));
                            md.Append("![").Append(img.Groups[2].Value).Append("](").Append(name).Append(")\n\n");
                        }
                        else
                        {
                            htmlTables += html.Contains("<table", StringComparison.Ordinal) ? 1 : 0;
                            md.Append(html.Trim()).Append("\n\n");
                        }

                        break;
                }
            }

            _output.WriteLine($"cell {cell}: {(errors.Count == 0 ? "ok" : string.Join("; ", errors))}");
            Assert.True(errors.Count == 0, $"cell {cell} failed:\n{element.Contents}\n---\n{string.Join("\n", errors)}");
        }

        // Rendered for docs/notebook/: no machine paths, links as seen from docs/notebook.
        File.WriteAllText(
            Path.Combine(uit, "vergelijk.md"),
            md.ToString().Replace(root.TrimEnd('/') + "/", "<repository>/", StringComparison.Ordinal).Replace("(../docs/scenario.md)", "(../scenario.md)", StringComparison.Ordinal));
        var printed = stdout.ToString();
        _output.WriteLine(printed);

        // A few printed numbers: the summary names the uurtarief's median cost per contract year and the seed 004 range.
        var mediaan = Regex.Match(printed, @"mediane kosten per contractjaar € ([0-9.]+)");
        Assert.True(mediaan.Success, "the summary prints the median cost per contract year:\n" + printed);
        var euros = decimal.Parse(mediaan.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

        // ±25 % around seed 004's €168,000 (2018) – €200,000 (2019): €126,000 – €250,000.
        Assert.InRange(euros, 168_000m * 0.75m, 200_000m * 1.25m);
        Assert.Contains("€ 126.000 – € 250.000", printed, StringComparison.Ordinal);
        Assert.True(images >= 5, $"expected the charts inline, found {images} images");

        // The calibration on a generated history recovers the true values: at most a few outside their 95 % intervals.
        var kalibratie = Regex.Match(printed, @"kalibratie: (\d+) van de (\d+) ware waarden");
        Assert.True(kalibratie.Success, "the notebook prints the calibration's check:\n" + printed);
        Assert.Equal(12, int.Parse(kalibratie.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(int.Parse(kalibratie.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 10, 12);
        Assert.True(htmlTables >= 1, "expected the comparison as an HTML table");
    }

    private void EnsurePacked(string root)
    {
        var feed = Path.Combine(root, "artifacts", "packages");
        foreach (var p in Packages)
        {
            if (!File.Exists(Path.Combine(feed, $"{p}.0.1.0.nupkg")))
            {
                Run(root, "dotnet", $"pack src/{p}/{p}.csproj -c Release -o artifacts/packages", TimeSpan.FromMinutes(8));
            }
        }
    }

    private void Run(string cwd, string file, string arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, arguments) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
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
    }
}
