using System.IO;
using BenchmarkDotNet.Attributes;
using Bekostiging.Json;
using Bekostiging.Scenarios;

namespace Bekostiging.Benchmarks.Scenarios;

/// <summary>
/// The tender comparison of samples/data/scenario.json (461 clients, 5 models) at 10,000 iterations, on all cores. One
/// pass (the scenario as given) is the target; the second benchmark adds the sensitivity passes (plaatsing chance × 0.75
/// and × 1.25), three passes in all. Long: one launch, no warmup, one measured iteration (after BenchmarkDotNet's single
/// jitting invocation) — read the Mean as the wall time of one run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EenRunConfig))]
public class SimulatieBenchmarks
{
    private Scenario _scenario = null!;

    public static int Iteraties => Omgeving.Grootte(10_000, 2);

    [GlobalSetup]
    public void Setup()
        => _scenario = JsonLezer.Scenario(File.ReadAllText(Omgeving.Data("scenario.json"))) with { Iteraties = Iteraties };

    [Benchmark]
    public Vergelijking Vergelijk() => Simulatie.Vergelijk(_scenario, new Simulatieopties(MetGevoeligheid: false));

    [Benchmark]
    public Vergelijking VergelijkMetGevoeligheid() => Simulatie.Vergelijk(_scenario, new Simulatieopties(MetGevoeligheid: true));
}
