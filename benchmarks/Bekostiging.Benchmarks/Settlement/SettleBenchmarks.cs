using BenchmarkDotNet.Attributes;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>
/// One traject per named model with the typical 12-event history (<see cref="Omgeving.TypischeHistorie"/>), settled under
/// the sample contract (indexation on). The baseline reads the same events once (sums the hours), so the Ratio column
/// says how far settling is from merely reading the input.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(KorteRunConfig))]
public class SettleBenchmarks
{
    private Traject _traject = null!;
    private Gebeurtenis[] _gebeurtenissen = null!;
    private SettlementContext _context = null!;

    [Params(
        "Uurtarief", "TrajectprijsBijStart", "TrajectprijsBijAfronding", "TrajectprijsInTermijnen", "StarttariefPlusBonus", "NoCureLessPay",
        "NoCureNoPay", "UwvIro", "UwvWerkfit", "UwvPlaatsingsfee", "Gestaffeld", "Bouwstenen", "Arrangement")]
    public string Model { get; set; } = "Uurtarief";

    [GlobalSetup]
    public void Setup()
    {
        _traject = Omgeving.Traject("T-1", Model);
        _gebeurtenissen = Omgeving.TypischeHistorie();
        _context = Omgeving.Contract().Context;
    }

    [Benchmark(Baseline = true)]
    public decimal RawPass() => Omgeving.SomUren(_gebeurtenissen);

    [Benchmark]
    public Afrekening Settle() => SettlementEngine.Settle(_traject, _gebeurtenissen, Omgeving.Peildatum, _context);

    /// <summary>Settle and read every part of the result (each line, description, condition, not-payable item and accounting entry).</summary>
    [Benchmark]
    public int SettleEnAllesLezen() => Lezen.Alles(SettlementEngine.Settle(_traject, _gebeurtenissen, Omgeving.Peildatum, _context));
}

/// <summary>Reads a whole settlement, so benchmarks also measure what a consumer of every text pays.</summary>
internal static class Lezen
{
    public static int Alles(Afrekening a)
    {
        var n = 0;
        foreach (var r in a.Verschuldigd)
        {
            n += r.Sleutel.Length + r.Omschrijving.Length + r.Grondslag.Omschrijving.Length + r.Bronnen.Count + (r.Voorwaarde?.Length ?? 0);
        }

        foreach (var r in a.Verwacht)
        {
            n += r.Sleutel.Length + r.Omschrijving.Length + r.Grondslag.Omschrijving.Length + r.Bronnen.Count + (r.Voorwaarde?.Length ?? 0);
        }

        foreach (var x in a.NietBetaalbaarItems)
        {
            n += x.Toelichting.Length;
        }

        foreach (var v in a.Verantwoording)
        {
            n += v.Verwijzing.Length;
        }

        return n;
    }
}
