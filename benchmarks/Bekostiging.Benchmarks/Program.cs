using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Bekostiging.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Bekostiging.Benchmarks -- --filter '*'
    // Smoke mode (CI): add `--job Dry` to run every benchmark once, never to judge speed. With `--job Dry` (or
    // BEKOSTIGING_BENCH_SMOKE=1) the large benchmarks shrink their inputs (see Omgeving.Smoke), so the smoke run stays short.
    // Before/after the engine redesign: eng/bench-voor-na.sh sets BEKOSTIGING_BENCH_VOOR, and every class runs a Voor
    // and a Na job (see BekostigingConfig); each needs its own build, so neither --inProcess nor --job fits.
    public static int Main(string[] args)
    {
        if (VoorNa.Bron is { } bron && args.Any(a => a.StartsWith("--inProcess", StringComparison.OrdinalIgnoreCase) || a is "-i" or "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"{VoorNa.BronVariabele}={bron}: the Voor and Na jobs are built separately, out of process; leave out --inProcess and --job (BEKOSTIGING_BENCH_SMOKE=1 makes both Dry).");
            return 2;
        }

        if (IsDryJob(args) && Environment.GetEnvironmentVariable(Omgeving.SmokeVariabele) is null)
        {
            // Child processes (the default out-of-process toolchain) inherit the variable.
            Environment.SetEnvironmentVariable(Omgeving.SmokeVariabele, "1");
        }

        // Model names such as TrajectprijsBijAfronding are longer than the default parameter column (20 characters).
        var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(30));
        if (VoorNa.Bron is not null)
        {
            config = config.AddExporter(VoorNaExporter.Instance);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

        // A benchmark that throws is reported by BenchmarkDotNet but not failed; fail the run, so the CI smoke run notices.
        var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
        foreach (var f in failed)
        {
            Console.Error.WriteLine("benchmark failed: " + f);
        }

        return failed.Count == 0 && summaries.All(s => !s.HasCriticalValidationErrors) ? 0 : 1;
    }

    private static bool IsDryJob(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if ((a is "--job" or "-j") && i + 1 < args.Length && args[i + 1].Equals("dry", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (a.StartsWith("--job=", StringComparison.Ordinal) && a.EndsWith("=dry", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
