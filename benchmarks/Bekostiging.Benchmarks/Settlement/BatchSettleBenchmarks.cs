using System;
using BenchmarkDotNet.Attributes;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>
/// 100,000 trajecten of mixed named models (round-robin) with varied typical histories, built in GlobalSetup, settled
/// one after another on one thread. The baseline reads every event once (sums the hours).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LangeRunConfig))]
public class BatchSettleBenchmarks
{
    private Traject[] _trajecten = null!;
    private Gebeurtenis[][] _gebeurtenissen = null!;
    private SettlementContext _context = null!;

    public static int Aantal => Omgeving.Grootte(100_000, 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_trajecten, _gebeurtenissen) = Cohort.Maak(Aantal, seed: 1);
        _context = Omgeving.Contract().Context;
    }

    [Benchmark(Baseline = true)]
    public decimal RawPass()
    {
        var sum = 0m;
        foreach (var g in _gebeurtenissen)
        {
            sum += Omgeving.SomUren(g);
        }

        return sum;
    }

    [Benchmark]
    public decimal Settle()
    {
        var sum = 0m;
        for (var i = 0; i < _trajecten.Length; i++)
        {
            sum += SettlementEngine.Settle(_trajecten[i], _gebeurtenissen[i], Omgeving.Peildatum, _context).TotaalVerschuldigd.Euros;
        }

        return sum;
    }
}

/// <summary>A cohort of trajecten of mixed models with varied histories, starting over 2026 and the first half of 2027.</summary>
internal static class Cohort
{
    public static (Traject[] Trajecten, Gebeurtenis[][] Gebeurtenissen) Maak(int aantal, int seed)
    {
        var rng = new Random(seed);
        var trajecten = new Traject[aantal];
        var events = new Gebeurtenis[aantal][];
        var begin = new LocalDate(2026, 1, 1);
        for (var i = 0; i < aantal; i++)
        {
            var model = Omgeving.Modelnamen[i % Omgeving.Modelnamen.Length];
            trajecten[i] = Omgeving.Traject("T-" + i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture), model);
            events[i] = Omgeving.Historie(rng, begin.PlusDays(rng.Next(540)));
        }

        return (trajecten, events);
    }
}
