using System;
using System.Diagnostics;
using System.IO;
using Bekostiging.Tests.Json;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// <c>bekostiging completion bash|zsh|pwsh</c> loaded into the real shell, with a <c>bekostiging</c> on the PATH that
/// starts the tool: the shell's completion function is called as Tab would call it and must offer the tool's words.
/// bash and zsh are the system's: the zsh test is skipped where zsh is not installed, and CI installs it (.ci/run).
/// PowerShell is the local dotnet tool of .config/dotnet-tools.json, restored on first use.
/// </summary>
public sealed class ShellAanvullingTests : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "bekostiging-shell-" + Guid.NewGuid().ToString("N"));

    public ShellAanvullingTests()
    {
        Directory.CreateDirectory(_bin);
        var starter = Path.Combine(_bin, "bekostiging");
        File.WriteAllText(starter, $"#!/bin/sh\nexec dotnet '{CliProces.Dll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(starter, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public void Bash_completes_a_command()
    {
        // bash calls the function with COMP_LINE and COMP_POINT set and reads COMPREPLY.
        var uit = Shell("bash", "-c", """
            source <(bekostiging completion bash)
            COMP_LINE="bekostiging afr"; COMP_POINT=15
            _bekostiging_aanvullen
            printf '[%s]\n' "${COMPREPLY[@]}"
            """);
        Assert.Equal("[afrekenen]\n", uit);
    }

    [MetZsh]
    public void Zsh_completes_an_option_value()
    {
        // Outside an interactive session compdef and compadd do not exist: stand-ins record what the script hands them.
        var uit = Shell("zsh", "-f", "-c", """
            compdef() { print -r -- "compdef $*" }
            compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
            source <(bekostiging completion zsh)
            BUFFER="bekostiging overzicht --formaat cs"; CURSOR=34
            _bekostiging_aanvullen
            """);
        Assert.Equal("compdef _bekostiging_aanvullen bekostiging\ncsv\n", uit);
    }

    [Fact]
    public void PowerShell_completes_a_command_through_TabExpansion2()
    {
        var repo = JsonVoorbeelden.RepoRoot();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        if (!Gelukt(repo, dotnet, "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-Command", "exit 0"))
        {
            ShellIn(repo, dotnet, "tool", "restore");
        }

        var uit = ShellIn(
            repo,
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            "tool",
            "run",
            "pwsh",
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            "bekostiging completion pwsh | Out-String | Invoke-Expression; (TabExpansion2 -inputScript 'bekostiging afr' -cursorColumn 15).CompletionMatches | ForEach-Object CompletionText");
        Assert.Equal("afrekenen\n", uit);
    }

    private string Shell(string programma, params string[] args) => ShellIn(null, programma, args);

    private static bool Gelukt(string map, string programma, params string[] args)
    {
        var psi = new ProcessStartInfo(programma) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = map };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        return p.WaitForExit(TimeSpan.FromMinutes(2)) && p.ExitCode == 0;
    }

    private string ShellIn(string? map, string programma, params string[] args)
    {
        var psi = new ProcessStartInfo(programma)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = map ?? _bin,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["NO_COLOR"] = "1";
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{programma}' is not installed here; CI installs it (see .ci/run).", e);
        }

        using (p)
        {
            var uit = p.StandardOutput.ReadToEndAsync();
            var fout = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), $"{programma} did not finish");
            Assert.True(p.ExitCode == 0, $"{programma} exited {p.ExitCode}: {fout.Result}{(programma.EndsWith("dotnet", StringComparison.Ordinal) ? " (run 'dotnet tool restore' once)" : string.Empty)}");
            return uit.Result.Replace("\r\n", "\n", StringComparison.Ordinal);
        }
    }
}

/// <summary>A test that needs zsh: skipped, saying why, where zsh is not on the PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MetZshAttribute : FactAttribute
{
    public MetZshAttribute()
    {
        var paden = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        if (!Array.Exists(paden, p => p.Length > 0 && File.Exists(Path.Combine(p, "zsh"))))
        {
            Skip = "zsh is not installed here (CI installs it: .ci/run)";
        }
    }
}
