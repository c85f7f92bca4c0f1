using System;
using System.IO;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// Starts the real tool as a separate process (<c>dotnet Bekostiging.Cli.dll …</c>, built next to the tests), in a
/// folder of its own, and returns its exit code and output: what a user or a cron job sees.
/// </summary>
internal sealed class EchteCli : IDisposable
{
    public EchteCli() => Directory.CreateDirectory(Map);

    /// <summary>The folder the tool runs in (its current folder); removed afterwards.</summary>
    public string Map { get; } = Path.Combine(Path.GetTempPath(), "bekostiging-proces-" + Guid.NewGuid().ToString("N"));

    /// <summary>The repository's root (samples/data holds the sample contract).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bekostiging.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    public string Schrijf(string naam, string tekst)
    {
        var pad = Path.Combine(Map, naam);
        Directory.CreateDirectory(Path.GetDirectoryName(pad)!);
        File.WriteAllText(pad, tekst);
        return pad;
    }

    public string Schrijf(string naam, byte[] bytes)
    {
        var pad = Path.Combine(Map, naam);
        File.WriteAllBytes(pad, bytes);
        return pad;
    }

    /// <summary>Runs <c>bekostiging args…</c> and waits for it (at most two minutes).</summary>
    public (int Code, string Uit, string Fout) Run(params string[] args) => Run(null, args);

    /// <summary>Runs <c>bekostiging args…</c> with <paramref name="invoer"/> piped to its standard input as raw bytes.</summary>
    public (int Code, string Uit, string Fout) Run(byte[]? invoer, params string[] args)
    {
        using var p = CliProces.Start(Map, invoer is not null, args);
        return CliProces.Wacht(p, invoer);
    }

    /// <summary>The files under <see cref="Map"/> (relative paths, sorted), to show that nothing was written.</summary>
    public string[] Bestanden()
    {
        var files = Directory.GetFileSystemEntries(Map, "*", SearchOption.AllDirectories);
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = Path.GetRelativePath(Map, files[i]);
        }

        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Map, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
