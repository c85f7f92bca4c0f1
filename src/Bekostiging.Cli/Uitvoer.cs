using System;
using System.IO;
using System.Text;

namespace Bekostiging.Cli;

/// <summary>
/// Writes output files atomically: to a temporary file first, moved into place only when complete. The path <c>-</c>
/// is standard output.
/// </summary>
internal static class Uitvoer
{
    public const string Standaarduitvoer = "-";

    /// <summary>Whether <paramref name="pad"/> is a file (not absent, not standard output).</summary>
    public static bool IsBestand(string? pad) => pad is not null && pad != Standaarduitvoer;

    public static void Schrijf(string pad, string inhoud)
    {
        if (pad == Standaarduitvoer)
        {
            Terminal.Huidig.Uit.Write(inhoud);
            return;
        }

        var full = Path.GetFullPath(pad);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(tmp, inhoud, new UTF8Encoding(false));
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }

    public static void Schrijf(string pad, Action<TextWriter> write)
    {
        using var sw = new StringWriter();
        write(sw);
        Schrijf(pad, sw.ToString());
    }
}

/// <summary>A progress bar on standard error when it is a terminal; silent otherwise (pipes, CI logs, tests).</summary>
internal sealed class Voortgang : IProgress<int>
{
    private readonly int _totaal;
    private readonly string _wat;
    private readonly bool _actief;
    private readonly TextWriter _fout;
    private readonly object _lock = new();
    private int _laatste = -1;

    public Voortgang(int totaal, string wat, Terminal t)
    {
        _totaal = Math.Max(1, totaal);
        _wat = wat;
        _actief = t.FoutIsTerminal;
        _fout = t.Fout;
    }

    public void Report(int value)
    {
        if (!_actief)
        {
            return;
        }

        var pct = (int)(100L * value / _totaal);
        lock (_lock)
        {
            if (pct == _laatste)
            {
                return;
            }

            _laatste = pct;
            var filled = pct / 5;
            _fout.Write($"\r{_wat} [{new string('#', filled)}{new string('.', 20 - filled)}] {pct,3}%");
            if (value >= _totaal)
            {
                _fout.WriteLine();
            }
        }
    }
}
