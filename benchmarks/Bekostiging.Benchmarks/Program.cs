using BenchmarkDotNet.Running;

namespace Bekostiging.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Bekostiging.Benchmarks -- --filter '*'
    // Smoke mode (CI): add `--job Dry` to run every benchmark once, never to judge speed.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
