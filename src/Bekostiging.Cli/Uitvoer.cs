using System;
using System.IO;
using System.Text;

namespace Bekostiging.Cli;

/// <summary>
/// Writes output files atomically: to a temporary file first, moved into place only when complete. The path <c>-</c>
/// is standard output. A target that exists must be a regular file: a symbolic link, a device (<c>/dev/null</c>), a
/// pipe or a folder is refused, never replaced (docs/facturatie.md, "Wat een run weigert").
/// </summary>
internal static class Uitvoer
{
    public const string Standaarduitvoer = "-";

    /// <summary>Whether <paramref name="pad"/> is a file (not absent, not standard output).</summary>
    public static bool IsBestand(string? pad) => pad is not null && pad != Standaarduitvoer;

    /// <summary>The full path of file <paramref name="naam"/> in folder <paramref name="map"/>, refused unless it lies directly inside it.</summary>
    public static string Binnen(string map, string naam)
    {
        var folder = Path.GetFullPath(map);
        var full = Path.GetFullPath(Path.Combine(folder, naam));
        if (naam.Length == 0 || naam.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || naam is "." or ".."
            || !string.Equals(Path.GetDirectoryName(full), folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new UitvoerFout($"weigert '{naam}' te schrijven: het bestand zou buiten de map {folder} (--uit) komen; er is niets geschreven.");
        }

        return full;
    }

    /// <summary>Refuses a folder that exists and is not a folder (a file, a device).</summary>
    public static void ControleerMap(string map)
    {
        var full = Path.GetFullPath(map);
        if (File.Exists(full) && !Directory.Exists(full))
        {
            throw new UitvoerFout($"weigert te schrijven in {full} (--uit): het bestaat en is geen map; er is niets geschreven.");
        }
    }

    /// <summary>Refuses a target that exists and is not a regular file; it is never replaced.</summary>
    public static void ControleerDoel(string pad)
    {
        var full = Path.GetFullPath(pad);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            throw new UitvoerFout($"weigert {full} te schrijven: het is een symbolische link (naar {info.LinkTarget}); een link wordt niet vervangen en er wordt niet doorheen geschreven. Verwijder hem of kies een ander doel; er is niets geschreven.");
        }

        if (Directory.Exists(full))
        {
            throw new UitvoerFout($"weigert {full} te schrijven: het is een map; er is niets geschreven.");
        }

        if (info.Exists && Bestandssoort.Van(full) is { } soort and not Bestandssoort.Gewoon)
        {
            throw new UitvoerFout($"weigert {full} te schrijven: het bestaat en is {Bestandssoort.Omschrijving(soort)}, geen gewoon bestand; het wordt niet vervangen. Gebruik --uit - voor standaarduitvoer; er is niets geschreven.");
        }
    }

    public static void Schrijf(string pad, string inhoud)
    {
        if (pad == Standaarduitvoer)
        {
            Terminal.Huidig.Uit.Write(inhoud);
            return;
        }

        ControleerDoel(pad);

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

    /// <summary>Writes a file of any size through a stream, atomically like the text variant (flushed to disk before the move).</summary>
    public static void SchrijfStroom(string pad, Action<Stream> write)
    {
        var full = Path.GetFullPath(pad);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var s = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(s);
                s.Flush(flushToDisk: true);
            }

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

/// <summary>An output target refused before anything is written (exit 1).</summary>
internal sealed class UitvoerFout : IOException
{
    public UitvoerFout(string message)
        : base(message)
    {
    }
}

/// <summary>The kind of an existing file system entry, from <c>statx</c> (without following links) where the system has it.</summary>
internal static class Bestandssoort
{
    public const int Gewoon = 0x8000;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    /// <summary>The file type bits (S_IFMT) of the entry, or null when the system cannot say (then only links and folders are recognised).</summary>
    public static int? Van(string pad)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere: a device lives under /dev; anything else that exists and is no link or folder is taken as a file.
            return pad.StartsWith("/dev/", StringComparison.Ordinal) ? 0x2000 : Gewoon;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, pad, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return pad.StartsWith("/dev/", StringComparison.Ordinal) ? 0x2000 : Gewoon;
        }

        // struct statx: stx_mode is the 16-bit field at byte offset 28 on every architecture.
        return BitConverter.ToUInt16(buffer, 28) & 0xF000;
    }

    public static string Omschrijving(int soort) => soort switch
    {
        0x2000 => "een tekenapparaat (character device)",
        0x6000 => "een blokapparaat (block device)",
        0x1000 => "een named pipe (FIFO)",
        0xC000 => "een socket",
        0xA000 => "een symbolische link",
        0x4000 => "een map",
        _ => "geen gewoon bestand",
    };

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);
}

