using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bekostiging.Contracts;
using Bekostiging.Json;
using NodaTime;

namespace Bekostiging.Benchmarks.Json;

/// <summary>
/// A JSON Lines stream of 100,000 trajecten (the 300 sample trajecten of samples/data/trajecten.jsonl repeated with new
/// ids), read with <see cref="JsonLezer.TrajectenJsonLines"/> and <see cref="JsonLezer.VoorContract"/> and settled one by
/// one under the sample contract. The baseline only splits the text into lines; <c>Lezen</c> reads without settling.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LangeRunConfig))]
public class JsonLinesBenchmarks
{
    private static readonly LocalDate Peildatum = new(2027, 12, 31);

    private Raamovereenkomst _contract = null!;
    private string _tekst = null!;

    public static int Aantal => Omgeving.Grootte(100_000, 1_000);

    [GlobalSetup]
    public void Setup()
    {
        _contract = Omgeving.Contract();
        var lines = File.ReadAllLines(Omgeving.Data("trajecten.jsonl"));
        var sb = new StringBuilder(Aantal * 1700);
        for (var i = 0; i < Aantal; i++)
        {
            // Every sample line starts with {"id":"T-00001","client":"C-00001", … ; give each copy a new id and client.
            var line = lines[i % lines.Length];
            var rest = line.Substring(line.IndexOf(",\"profiel\"", System.StringComparison.Ordinal));
            var n = i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            sb.Append("{\"id\":\"T-").Append(n).Append("\",\"client\":\"C-").Append(n).Append('"').Append(rest).Append('\n');
        }

        _tekst = sb.ToString();
    }

    [Benchmark(Baseline = true)]
    public int RawPass()
    {
        using var reader = new StringReader(_tekst);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n += line.Length;
        }

        return n;
    }

    [Benchmark]
    public int Lezen()
    {
        using var reader = new StringReader(_tekst);
        var n = 0;
        foreach (var t in JsonLezer.VoorContract(_contract, JsonLezer.TrajectenJsonLines(reader)))
        {
            n += t.Gebeurtenissen.Count;
        }

        return n;
    }

    [Benchmark]
    public decimal LezenEnAfrekenen()
    {
        using var reader = new StringReader(_tekst);
        var sum = 0m;
        foreach (var t in JsonLezer.VoorContract(_contract, JsonLezer.TrajectenJsonLines(reader)))
        {
            sum += _contract.Settle(t.Traject, t.Gebeurtenissen, Peildatum).TotaalVerschuldigd.Euros;
        }

        return sum;
    }
}
