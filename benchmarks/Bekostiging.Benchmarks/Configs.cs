using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Bekostiging.Benchmarks;

/// <summary>
/// For benchmarks whose operation takes a large fraction of a second or more: 3 warmup and 10 measured iterations
/// instead of BenchmarkDotNet's default (up to 100). Not added in smoke mode, where the command line's Dry job (in
/// process) is enough and an extra out-of-process job would only cost a build.
/// </summary>
public sealed class LangeRunConfig : ManualConfig
{
    public LangeRunConfig()
    {
        if (!Omgeving.Smoke)
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Lang"));
        }
    }
}

/// <summary>
/// For the many small cases (one traject per model, growth per event count): 3 warmup and 8 measured iterations, so
/// the whole class runs in minutes. Not added in smoke mode (see <see cref="LangeRunConfig"/>).
/// </summary>
public sealed class KorteRunConfig : ManualConfig
{
    public KorteRunConfig()
    {
        if (!Omgeving.Smoke)
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(8).WithId("Kort"));
        }
    }
}

/// <summary>
/// For the scenario: one launch, no warmup, one iteration of one invocation, so the Mean is the wall time of one cold
/// run (JIT included). Not added in smoke mode (see <see cref="LangeRunConfig"/>).
/// </summary>
public sealed class EenRunConfig : ManualConfig
{
    public EenRunConfig()
    {
        if (!Omgeving.Smoke)
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithId("EenRun"));
        }
    }
}
