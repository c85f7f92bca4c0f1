using System;
using BenchmarkDotNet.Running;

namespace Bekostiging.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Bekostiging.Benchmarks -- --filter '*'
    // Smoke mode (CI): add `--job Dry` to run every benchmark once, never to judge speed. With `--job Dry` (or
    // BEKOSTIGING_BENCH_SMOKE=1) the large benchmarks shrink their inputs (see Omgeving.Smoke), so the smoke run stays short.
    public static void Main(string[] args)
    {
        if (IsDryJob(args) && Environment.GetEnvironmentVariable(Omgeving.SmokeVariabele) is null)
        {
            // Child processes (the default out-of-process toolchain) inherit the variable.
            Environment.SetEnvironmentVariable(Omgeving.SmokeVariabele, "1");
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
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
