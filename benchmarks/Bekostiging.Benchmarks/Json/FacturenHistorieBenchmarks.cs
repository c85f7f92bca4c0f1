using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using NodaTime;

namespace Bekostiging.Benchmarks.Json;

/// <summary>
/// Reading the invoice history (facturen.json) of a contract at the documented maximum: 2,000,000 trajecten and 48
/// monthly runs (issue 13). Every traject has its starttarief debit in one of the first 24 invoices, every second a
/// bonus debit six months later, every tenth bonus is credited again six months after that: about 3.1 million lines,
/// some 1.4 GB of JSON, more than the 512 MiB file limit and more than one .NET string can hold. The file is written
/// once with <see cref="JsonSchrijver.Facturen"/> and read with <see cref="JsonLezer.FacturenStroom"/>; the baseline only
/// reads the bytes. Smoke mode: 2,000 trajecten. Needs a few GB of memory for the invoices read.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EenRunConfig))]
public class FacturenHistorieBenchmarks
{
    private string _pad = null!;

    public static int Aantal => Omgeving.Grootte(2_000_000, 2_000);

    [GlobalSetup]
    public void Setup()
    {
        _pad = Path.Combine(Path.GetTempPath(), $"bekostiging-historie-{Aantal}.json");
        using var file = new FileStream(_pad, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        JsonSchrijver.Facturen(file, Facturen(Aantal));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_pad);

    [Benchmark(Baseline = true)]
    public long RawPass()
    {
        using var file = new FileStream(_pad, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long n = 0;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            n += read;
        }

        return n;
    }

    [Benchmark]
    public int Lezen()
    {
        using var file = new FileStream(_pad, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var n = 0;
        foreach (var f in JsonLezer.FacturenStroom(file, _pad))
        {
            n += f.Regels.Count;
        }

        return n;
    }

    /// <summary>The 48 invoices, generated lazily one at a time so the setup holds only one.</summary>
    private static IEnumerable<Factuur> Facturen(int aantal)
    {
        var begin = new LocalDate(2026, 1, 31);
        for (var m = 0; m < 48; m++)
        {
            var datum = begin.PlusMonths(m);
            var nummer = $"ABG-2026-{m + 1:0000}";
            var regels = new List<Factuurregel>();

            // Month m: the starts of trajecten i ≡ m (mod 24) for m < 24, the bonuses of those started six months
            // before (every second), and the credits of the bonuses of six months before (every tenth of those).
            for (var i = 0; i < aantal; i++)
            {
                var start = i % 24;
                var id = $"T-{i:0000000}";
                if (start == m)
                {
                    regels.Add(Regel(regels.Count + 1, id, "starttarief", Regelsoort.Debet, 750m, datum, null));
                }
                else if (start + 6 == m && i % 2 == 0)
                {
                    regels.Add(Regel(regels.Count + 1, id, "resultaat", Regelsoort.Debet, 2000m, datum, null));
                }
                else if (start + 12 == m && i % 20 == 0)
                {
                    regels.Add(Regel(regels.Count + 1, id, "resultaat", Regelsoort.Credit, -2000m, datum, new Regelverwijzing($"ABG-2026-{start + 7:0000}", 1)));
                }
            }

            var vorige = m == 0 ? new LocalDate(2026, 1, 1) : begin.PlusMonths(m - 1).PlusDays(1);
            yield return new Factuur(nummer, "ABG-2026", datum, new DateInterval(vorige, datum), Btw.Vrijgesteld, new ValueList<Factuurregel>(regels), ValueList<Ingehouden>.Empty, false);
        }
    }

    private static Factuurregel Regel(int nummer, string id, string sleutel, Regelsoort soort, decimal bedrag, LocalDate datum, Regelverwijzing? corrigeert)
        => new(nummer, id, "C" + id.Substring(1), null, sleutel, soort, Bedrag.Van(bedrag), Bedrag.Nul, datum,
            soort == Regelsoort.Debet ? $"{sleutel}: one-off fee ({datum:yyyy-MM-dd})" : $"credit: {sleutel} is no longer due", corrigeert);
}
