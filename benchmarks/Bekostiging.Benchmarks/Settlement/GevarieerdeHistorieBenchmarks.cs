using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bekostiging.Contracts;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>
/// Settlement of varied histories (issue 15): <see cref="Aantal"/> trajecten drawn with the property tests' generators from
/// a fixed seed (<see cref="GevarieerdeHistories"/>), about 22 events each, with withdrawals, late and out-of-order reports,
/// exact duplicates, verlengingen on the window's last day, maxima and models of every building block, settled under the
/// sample contract with both options exercised (four years, indexed per contract year), each at its own peildatum. The
/// Mean is per traject (<see cref="BenchmarkAttribute.OperationsPerInvoke"/>); the column "Per event" divides it by the
/// mean number of events. The baseline reads every event once (sums the hours). Target: ≤ 2 µs per traject.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GevarieerdeRunConfig))]
public class GevarieerdeHistorieBenchmarks
{
    public const int Aantal = 1_000;

    private GevarieerdTraject[] _trajecten = null!;
    private Raamovereenkomst _contract = null!;

    [GlobalSetup]
    public void Setup()
    {
        _contract = GevarieerdeHistories.Contract();
        _trajecten = GevarieerdeHistories.Maak(Aantal);

        // Every history must settle: a refusal would make the set differ between builds (and hide a generator drift).
        foreach (var t in _trajecten)
        {
            _contract.Settle(t.Traject, t.Gebeurtenissen, t.Peildatum);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// GevarieerdeHistorieBenchmarks: {Aantal} trajecten, {GevarieerdeHistories.GemiddeldAantal(_trajecten):0.0} events per traject on average (seed {GevarieerdeHistories.Zaad})."));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Aantal)]
    public decimal RawPass()
    {
        var sum = 0m;
        foreach (var t in _trajecten)
        {
            sum += Omgeving.SomUren(t.Gebeurtenissen);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Aantal)]
    public decimal Settle()
    {
        var sum = 0m;
        foreach (var t in _trajecten)
        {
            sum += _contract.Settle(t.Traject, t.Gebeurtenissen, t.Peildatum).TotaalVerschuldigd.Euros;
        }

        return sum;
    }
}

/// <summary>The short job of <see cref="KorteRunConfig"/> plus the column "Per event".</summary>
public sealed class GevarieerdeRunConfig : BekostigingConfig
{
    public GevarieerdeRunConfig()
        : base(Job.Default.WithWarmupCount(3).WithIterationCount(8).WithId("Kort"))
        => AddColumn(new PerGebeurtenisKolom());
}

/// <summary>The Mean per traject divided by the mean number of events per traject of <see cref="GevarieerdeHistories"/>.</summary>
internal sealed class PerGebeurtenisKolom : IColumn
{
    private readonly Lazy<double> _gemiddeld = new(() => GevarieerdeHistories.GemiddeldAantal(GevarieerdeHistories.Maak(GevarieerdeHistorieBenchmarks.Aantal)));

    public string Id => nameof(PerGebeurtenisKolom);

    public string ColumnName => "Per event";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => string.Create(CultureInfo.InvariantCulture, $"Mean divided by the mean number of events per traject ({_gemiddeld.Value:0.0})");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        => summary[benchmarkCase]?.ResultStatistics is { } s ? Tijd.Tekst(s.Mean / _gemiddeld.Value) : "NA";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
