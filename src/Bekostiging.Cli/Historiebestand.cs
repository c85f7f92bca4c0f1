using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Bekostiging.Invoicing;
using Bekostiging.Json;

namespace Bekostiging.Cli;

/// <summary>
/// The exclusive lock of the invoice history in an output folder: the file <c>.facturen.json.lock</c> next to
/// <c>facturen.json</c>, held (as an operating-system lock on the open file) for the whole run. The lock ends with the
/// process, also when it is killed, so a stale lock file is harmless and stays in place; only the lock on it counts.
/// </summary>
internal sealed class Historieslot : IDisposable
{
    public const string Naam = ".facturen.json.lock";

    private readonly FileStream _stream;

    private Historieslot(FileStream stream, string pad)
    {
        _stream = stream;
        Pad = pad;
    }

    public string Pad { get; }

    /// <summary>Takes the lock of the history in <paramref name="map"/> (creating the folder), or refuses when another run holds it.</summary>
    public static Historieslot Neem(string map)
    {
        Directory.CreateDirectory(map);
        var pad = Path.Combine(map, Naam);
        try
        {
            // FileShare.None is an exclusive lock on the open file (flock on Unix, a share lock on Windows).
            var stream = new FileStream(pad, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new Historieslot(stream, pad);
        }
        catch (IOException e) when (File.Exists(pad))
        {
            throw new IOException($"een andere run houdt het slot {pad} vast: er loopt al een factureren op dezelfde map (--uit). Er is niets geschreven; start de run opnieuw als die klaar is.", e);
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>Reading the history file with its fingerprint, and the checks every command applies to it.</summary>
internal static partial class Historiebestand
{
    /// <summary>Reads a history and refuses it when it cannot be right, naming the file and the JSON path of the invoice or line.</summary>
    /// <param name="pad">The facturen document.</param>
    /// <param name="contractId">The contract it must belong to, or null for "one contract".</param>
    /// <returns>The invoices and the SHA-256 of the bytes read.</returns>
    public static (IReadOnlyList<Factuur> Facturen, byte[] Hash) Lees(string pad, string? contractId)
    {
        if (pad == Invoer.Standaardinvoer)
        {
            var tekst = Invoer.Tekst(pad);
            var gelezen = JsonLezer.Facturen(tekst, Invoer.StandaardinvoerNaam);
            Controleer(Invoer.StandaardinvoerNaam, gelezen, contractId);
            return (gelezen, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tekst)));
        }

        if (!File.Exists(pad))
        {
            throw new JsonInvoerException(pad, null, null, "bestand niet gevonden.");
        }

        // Streamed: a history may be larger than any text (several GB at 2,000,000 trajecten); hashed as it is read.
        using var file = new FileStream(pad, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new HashendeStroom(file, hash);
        var facturen = JsonLezer.FacturenStroom(stream, pad);
        Controleer(pad, facturen, contractId);
        return (facturen, hash.GetHashAndReset());
    }

    /// <summary>The checks of <see cref="Historiecontrole.Vind"/>, as a reading error of <paramref name="pad"/>.</summary>
    public static void Controleer(string pad, IReadOnlyList<Factuur> facturen, string? contractId)
    {
        if (Historiecontrole.Vind(contractId, facturen) is { } b)
        {
            var path = b.Regelindex is { } j ? $"$.facturen[{b.Factuurindex}].regels[{j}]" : $"$.facturen[{b.Factuurindex}]";
            throw new JsonInvoerException(pad, path, Historieregel.Van(pad, b.Factuurindex, b.Regelindex), b.Regel, code: FoutCode.OngeldigeFactuurhistorie);
        }
    }

    /// <summary>The SHA-256 of a file, or null when it does not exist.</summary>
    public static byte[]? Hash(string pad)
    {
        if (!File.Exists(pad))
        {
            return null;
        }

        using var s = new FileStream(pad, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return SHA256.HashData(s);
    }

    /// <summary>Whether two fingerprints are of the same content (both absent counts as the same).</summary>
    public static bool Gelijk(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <summary>
    /// Removes the temporary files a killed run of <c>factureren</c> left behind in <paramref name="map"/>
    /// (<c>.facturen.json.*.tmp</c>, <c>.factuur-*.tmp</c>; see <c>Uitvoer</c>). Call only under the lock: then no
    /// other run is writing them.
    /// </summary>
    /// <returns>The names removed.</returns>
    public static IReadOnlyList<string> RuimOp(string map)
    {
        if (!Directory.Exists(map))
        {
            return Array.Empty<string>();
        }

        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(map, ".*.tmp"))
        {
            var name = Path.GetFileName(file);
            if (Tijdelijk().IsMatch(name))
            {
                File.Delete(file);
                removed.Add(name);
            }
        }

        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    [GeneratedRegex(@"^\.(facturen\.json|factuur-.+\.(json|csv))\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex Tijdelijk();

    /// <summary>Names the invoices that replacing the stored history would lose or change.</summary>
    public static string Beschrijf(IReadOnlyList<Factuur> verloren, IReadOnlyList<Factuur> gelezen)
    {
        var numbers = new HashSet<string>(gelezen.Select(f => f.Nummer), StringComparer.Ordinal);
        const int shown = 20;
        var parts = verloren.Take(shown).Select(f => $"{f.Nummer} ({f.Factuurdatum:yyyy-MM-dd}, {(numbers.Contains(f.Nummer) ? "andere regels onder hetzelfde nummer" : "ontbreekt")})");
        return string.Join(", ", parts) + (verloren.Count > shown ? $", … ({verloren.Count - shown} meer)" : string.Empty);
    }
}

/// <summary>A read-only stream that feeds every byte read through a hash.</summary>
internal sealed class HashendeStroom : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;

    public HashendeStroom(Stream inner, IncrementalHash hash)
    {
        _inner = inner;
        _hash = hash;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = _inner.Read(buffer, offset, count);
        _hash.AppendData(buffer, offset, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
