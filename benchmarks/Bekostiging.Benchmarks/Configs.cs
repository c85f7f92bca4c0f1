using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Bekostiging.Benchmarks;

/// <summary>
/// The job of a benchmark class, and the before/after comparison. Normally a class runs its own job (<paramref name="job"/>;
/// none, i.e. BenchmarkDotNet's default, when <see langword="null"/>); in smoke mode no job is added, so the command line's
/// Dry job (in process) is the only one. With <see cref="VoorNa.Bron"/> set (eng/bench-voor-na.sh) the class runs two
/// jobs of the same settings instead, side by side in one summary: <c>Voor</c>, built against the library exported from the
/// commit before the engine redesign and marked as the baseline, and <c>Na</c>, built against src/. Smoke mode then uses
/// Dry for both.
/// </summary>
public abstract class BekostigingConfig : ManualConfig
{
    protected BekostigingConfig(Job? job)
    {
        if (VoorNa.Bron is { } bron)
        {
            var basis = Omgeving.Smoke ? Job.Dry : job ?? Job.Default;
            AddJob(VoorNa.Voor(basis, bron));
            AddJob(VoorNa.Na(basis));

            // BenchmarkDotNet's Ratio then reads Na / Voor in a class without a baseline method; in a class with one (the
            // raw pass) the baseline is the raw pass under Voor, so Ratio stays the distance from merely reading the
            // input. Na / Voor of every method is in the table of VoorNaExporter.
        }
        else if (!Omgeving.Smoke && job is not null)
        {
            AddJob(job);
        }
    }
}

/// <summary>BenchmarkDotNet's default job (for the quick value benchmarks).</summary>
public sealed class StandaardRunConfig : BekostigingConfig
{
    public StandaardRunConfig()
        : base(null)
    {
    }
}

/// <summary>
/// For benchmarks whose operation takes a large fraction of a second or more: 3 warmup and 10 measured iterations
/// instead of BenchmarkDotNet's default (up to 100).
/// </summary>
public sealed class LangeRunConfig : BekostigingConfig
{
    public LangeRunConfig()
        : base(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Lang"))
    {
    }
}

/// <summary>For the many small cases (one traject per model, growth per event count): 3 warmup and 8 measured iterations, so the whole class runs in minutes.</summary>
public sealed class KorteRunConfig : BekostigingConfig
{
    public KorteRunConfig()
        : base(Job.Default.WithWarmupCount(3).WithIterationCount(8).WithId("Kort"))
    {
    }
}

/// <summary>For the scenario: one launch, no warmup, one iteration of one invocation, so the Mean is the wall time of one cold run (JIT included).</summary>
public sealed class EenRunConfig : BekostigingConfig
{
    public EenRunConfig()
        : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithId("EenRun"))
    {
    }
}

/// <summary>The before/after comparison of the engine redesign (issue 15): see eng/bench-voor-na.sh.</summary>
public static class VoorNa
{
    /// <summary>The folder holding the exported sources of the library before the redesign (its src/ and Directory.*.props/targets).</summary>
    public const string BronVariabele = "BEKOSTIGING_BENCH_VOOR";

    /// <summary>The commit before the engine redesign, whose library the Voor job measures.</summary>
    public const string VoorCommit = "8af18843dc5737a62cb5db43bcd49674d0414b3f";

    /// <summary>The exported old library's folder, or <see langword="null"/> when no comparison is asked for.</summary>
    public static string? Bron => Environment.GetEnvironmentVariable(BronVariabele) is { Length: > 0 } s ? s : null;

    public static Job Voor(Job basis, string bron)
        => basis.WithArguments(new[] { new MsBuildArgument("/p:BekostigingBron=" + bron) }).WithId("Voor").AsBaseline();

    public static Job Na(Job basis) => basis.WithId("Na");
}
