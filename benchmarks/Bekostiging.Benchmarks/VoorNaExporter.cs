using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Bekostiging.Benchmarks;

/// <summary>
/// The before/after table of one benchmark class (docs/performance.md): one row per method and parameter set, the Mean
/// and the allocation per operation under the <c>Voor</c> job (library before the redesign) and the <c>Na</c> job
/// (src/), and Na / Voor. Added by <see cref="Program"/> when <see cref="VoorNa.Bron"/> is set; written beside
/// BenchmarkDotNet's own reports as <c>*-voor-na.md</c>.
/// </summary>
public sealed class VoorNaExporter : ExporterBase
{
    public static readonly VoorNaExporter Instance = new();

    protected override string FileExtension => "md";

    protected override string FileCaption => "voor-na";

    public override void ExportToLog(Summary summary, ILogger logger)
    {
        var reports = summary.Reports;
        if (reports.Length == 0)
        {
            return;
        }

        logger.WriteLine("### " + reports[0].BenchmarkCase.Descriptor.Type.Name);
        logger.WriteLine();
        logger.WriteLine("| Method | Parameters | Voor | Na | Na / Voor | Voor allocated | Na allocated |");
        logger.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var rijen = reports
            .GroupBy(r => (Methode: r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo, Parameters: Parameters(r)))
            .OrderBy(g => summary.BenchmarksCases.ToList().IndexOf(g.First().BenchmarkCase));
        foreach (var rij in rijen)
        {
            var voor = rij.FirstOrDefault(r => r.BenchmarkCase.Job.Id == "Voor");
            var na = rij.FirstOrDefault(r => r.BenchmarkCase.Job.Id == "Na");
            var tVoor = voor?.ResultStatistics?.Mean;
            var tNa = na?.ResultStatistics?.Mean;
            var ratio = tVoor is > 0 && tNa is { } n ? (n / tVoor.Value).ToString("0.00", CultureInfo.InvariantCulture) : "–";
            logger.WriteLine(
                $"| {rij.Key.Methode} | {rij.Key.Parameters} | {Tijd(tVoor)} | {Tijd(tNa)} | {ratio} | {Allocated(voor)} | {Allocated(na)} |");
        }

        logger.WriteLine();
    }

    private static string Parameters(BenchmarkReport r)
        => string.Join(", ", r.BenchmarkCase.Parameters.Items.Select(p => p.Name + "=" + p.ToDisplayText()));

    private static string Tijd(double? ns) => ns is { } t ? Benchmarks.Tijd.Tekst(t) : "–";

    private static string Allocated(BenchmarkReport? r)
        => r?.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) is { } b ? Benchmarks.Tijd.Bytes(b) : "–";
}
