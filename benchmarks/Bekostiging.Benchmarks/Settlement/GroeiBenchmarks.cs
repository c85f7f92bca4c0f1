using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>
/// Cost growth with the events per traject: the typical 12 events, then ×10, ×100, ×1000. The extra events are guidance
/// hours with, every 40th event, a short plaatsing (begin and end), spread over a 36-month window. Under an hourly model
/// (no maximum) every Uren event becomes a line; under starttarief plus bonus it is listed as "no fee"; under the UWV
/// plaatsingsfee the plaatsingen form spells.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(KorteRunConfig))]
public class GroeiGebeurtenissenBenchmarks
{
    private static readonly Dictionary<string, Bekostigingsmodel> Modellen = new()
    {
        ["UurtariefZonderMaximum"] = Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)),
        ["StarttariefPlusBonus"] = Omgeving.Modellen["StarttariefPlusBonus"],
        ["UwvPlaatsingsfee"] = Omgeving.Modellen["UwvPlaatsingsfee"],
    };

    private Traject _traject = null!;
    private Gebeurtenis[] _gebeurtenissen = null!;
    private SettlementContext _context = null!;

    [Params(12, 120, 1_200, 12_000)]
    public int Gebeurtenissen { get; set; } = 12;

    [Params("UurtariefZonderMaximum", "StarttariefPlusBonus", "UwvPlaatsingsfee")]
    public string Model { get; set; } = "UurtariefZonderMaximum";

    [GlobalSetup]
    public void Setup()
    {
        _traject = new Traject("T-1", "C-1", 2, "re-integratie", Modellen[Model], Duur.Maanden(36));
        _gebeurtenissen = Historie(Omgeving.Smoke ? System.Math.Min(Gebeurtenissen, 120) : Gebeurtenissen);
        _context = Omgeving.Contract().Context;
    }

    [Benchmark(Baseline = true)]
    public decimal RawPass() => Omgeving.SomUren(_gebeurtenissen);

    [Benchmark]
    public Afrekening Settle() => SettlementEngine.Settle(_traject, _gebeurtenissen, new LocalDate(2029, 6, 30), _context);

    private static Gebeurtenis[] Historie(int n)
    {
        var start = new LocalDate(2026, 3, 9);
        var events = new List<Gebeurtenis>(n)
        {
            new Aanmelding("A", start.PlusDays(-7)),
            new Start("S", start),
            new Mijlpaal("M1", start.PlusDays(7), Mijlpaal.Soorten.Intake),
            new Mijlpaal("M2", start.PlusDays(21), Mijlpaal.Soorten.Trajectplan),
        };
        var extra = n - 5;
        var p = 0;
        for (var j = 0; events.Count < n - 1; j++)
        {
            var day = start.PlusDays(7 + (int)((long)j * 1000 / extra));
            var id = j.ToString(CultureInfo.InvariantCulture);
            if (j % 40 == 39 && events.Count < n - 2)
            {
                var pid = "P" + (++p).ToString(CultureInfo.InvariantCulture);
                events.Add(new Plaatsing(pid, day, Uitstroomtype.RegulierWerk, 32m));
                events.Add(new PlaatsingEinde("E" + id, day.PlusDays(10), pid));
                continue;
            }

            events.Add(new Uren("U" + id, day, 0.5m));
        }

        events.Add(new Afronding("F", Duur.Maanden(36).LaatsteDag(start)));
        return events.ToArray();
    }
}

/// <summary>Cost growth with the cohort: the batch of <see cref="BatchSettleBenchmarks"/> at 1,000, 10,000 and 100,000 trajecten.</summary>
[MemoryDiagnoser]
[Config(typeof(LangeRunConfig))]
public class GroeiCohortBenchmarks
{
    private Traject[] _trajecten = null!;
    private Gebeurtenis[][] _gebeurtenissen = null!;
    private SettlementContext _context = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Trajecten { get; set; } = 1_000;

    [GlobalSetup]
    public void Setup()
    {
        (_trajecten, _gebeurtenissen) = Cohort.Maak(Omgeving.Grootte(Trajecten, 1_000), seed: 1);
        _context = Omgeving.Contract().Context;
    }

    [Benchmark]
    public decimal Settle()
    {
        var sum = 0m;
        for (var i = 0; i < _trajecten.Length; i++)
        {
            sum += SettlementEngine.Settle(_trajecten[i], _gebeurtenissen[i], Omgeving.Peildatum, _context).TotaalVerschuldigd.Euros;
        }

        return sum;
    }
}
