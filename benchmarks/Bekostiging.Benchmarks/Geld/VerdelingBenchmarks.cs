using BenchmarkDotNet.Attributes;

namespace Bekostiging.Benchmarks.Geld;

[MemoryDiagnoser]
[Config(typeof(StandaardRunConfig))]
public class VerdelingBenchmarks
{
    private readonly Bedrag _prijs = Bedrag.Van(2500m);
    private readonly decimal[] _gewichten = { 50m, 30m, 20m };

    /// <summary>Baseline: dividing by hand without the remainder pass.</summary>
    [Benchmark(Baseline = true)]
    public decimal NaiveDivision() => decimal.Round(_prijs.Euros / 12m, 2);

    [Benchmark]
    public Bedrag[] TwaalfTermijnen() => _prijs.Verdeel(12);

    [Benchmark]
    public Bedrag[] DrieGewichten() => Verdeling.NaarGewichten(_prijs, _gewichten);
}
