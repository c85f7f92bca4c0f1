using System;
using System.IO;
using System.Text;

namespace Bekostiging.Cli;

/// <summary>
/// Writes output files atomically: to a temporary file first, moved into place only when complete. A target that
/// exists must be a regular file: a symbolic link, a device (<c>/dev/null</c>), a pipe or a folder is refused, never
/// replaced (docs/facturatie.md, "Wat een run weigert").
/// </summary>
internal static class Uitvoer
{
    /// <summary>The full path of file <paramref name="naam"/> in folder <paramref name="map"/>, refused unless it lies directly inside it.</summary>
    public static string Binnen(string map, string naam)
    {
        var folder = Path.GetFullPath(map);
        var full = Path.GetFullPath(Path.Combine(folder, naam));
        if (naam.Length == 0 || naam.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || naam is "." or ".."
            || !string.Equals(Path.GetDirectoryName(full), folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new UitvoerFout($"refused to write '{naam}': the file would land outside the folder {folder} (--uit); nothing was written.");
        }

        return full;
    }

    /// <summary>Refuses a folder that exists and is not a folder (a file, a device), or is a link to something that is not one.</summary>
    public static void ControleerMap(string map)
    {
        var full = Path.GetFullPath(map);
        if (File.Exists(full) && !Directory.Exists(full))
        {
            throw new UitvoerFout($"refused to write into {full} (--uit): it exists and is not a folder; nothing was written.");
        }
    }

    /// <summary>Refuses a target that exists and is not a regular file; it is never replaced.</summary>
    public static void ControleerDoel(string pad)
    {
        var full = Path.GetFullPath(pad);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            throw new UitvoerFout($"refused to write {full}: it is a symbolic link (to {info.LinkTarget}); a link is not replaced, and not written through. Remove it or choose another target; nothing was written.");
        }

        if (Directory.Exists(full))
        {
            throw new UitvoerFout($"refused to write {full}: it is a folder; nothing was written.");
        }

        if (info.Exists && Bestandssoort.Van(full) is { } soort and not Bestandssoort.Gewoon)
        {
            throw new UitvoerFout($"refused to write {full}: it exists and is {Bestandssoort.Omschrijving(soort)}, not a regular file; it is not replaced. Leave out --uit to write to standard output; nothing was written.");
        }
    }

    public static void Schrijf(string pad, string inhoud)
    {
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

    public static void Schrijf(string pad, Action<TextWriter> write)
    {
        using var sw = new StringWriter();
        write(sw);
        Schrijf(pad, sw.ToString());
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

/// <summary>The kind of an existing file system entry, from <c>lstat</c> where the system has it.</summary>
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
        0x2000 => "a character device",
        0x6000 => "a block device",
        0x1000 => "a named pipe",
        0xC000 => "a socket",
        0xA000 => "a symbolic link",
        0x4000 => "a folder",
        _ => "not a regular file",
    };

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);
}

/// <summary>Progress on stderr when it is a terminal; silent otherwise (pipes, CI logs).</summary>
internal sealed class Voortgang : IProgress<int>
{
    private readonly int _totaal;
    private readonly string _wat;
    private readonly bool _actief;
    private readonly object _lock = new();
    private int _laatste = -1;

    public Voortgang(int totaal, string wat)
    {
        _totaal = Math.Max(1, totaal);
        _wat = wat;
        _actief = !Console.IsErrorRedirected;
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
            Console.Error.Write($"\r{_wat} [{new string('#', filled)}{new string('.', 20 - filled)}] {pct,3}%");
            if (value >= _totaal)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
