using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Benchmarks.Invoicing;

/// <summary>
/// An invoice run (<see cref="Facturatie.Run"/>) over a cohort of mixed models against a history of one earlier run
/// (2027-06-30); the run is dated 2027-09-30. One traject in a hundred carries a late correction reported between the
/// two runs (an Intrekking of its first hours, or a PlaatsingEinde that breaks durability), so the run has credits.
/// The contract is the sample contract with one product per named model; its plafond (€ 200.000 for 461 clients) is
/// scaled with the cohort, so it bites as it would in the sample.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LangeRunConfig))]
public class FacturatieBenchmarks
{
    private static readonly LocalDate EerdereRun = new(2027, 6, 30);
    private static readonly LocalDate Run = new(2027, 9, 30);

    private Raamovereenkomst _contract = null!;
    private List<TrajectMetGebeurtenissen> _trajecten = null!;
    private Factuur[] _historie = null!;
    private Factuurinstellingen _instellingen = null!;

    [Params(10_000, 100_000)]
    public int Trajecten { get; set; } = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var aantal = Omgeving.Grootte(Trajecten, 1_000);
        var basis = Omgeving.Contract();
        _contract = basis with
        {
            Producten = Omgeving.Modelnamen.Select(n => new Productafspraak(n, null, Omgeving.Modellen[n], Duur.Maanden(12))).ToValueList(),
            Plafond = Bedrag.Afgerond(basis.Plafond!.Value.Euros * aantal / 461m),
        };

        var rng = new Random(7);
        _trajecten = new List<TrajectMetGebeurtenissen>(aantal);
        var begin = new LocalDate(2026, 1, 1);
        for (var i = 0; i < aantal; i++)
        {
            var id = "T-" + i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            var traject = _contract.NieuwTraject(id, "C" + id, 1 + (i % 4), Omgeving.Modelnamen[i % Omgeving.Modelnamen.Length]);
            var events = Omgeving.Historie(rng, begin.PlusDays(rng.Next(540))).ToList();
            if (i % 100 == 0)
            {
                events.Add(LateCorrectie(events));
            }

            _trajecten.Add(new TrajectMetGebeurtenissen(traject, events.ToArray()));
        }

        _instellingen = new Factuurinstellingen(Btw.Vrijgesteld, Factuurinstellingen.Reeks("F-2027-"));
        _historie = new[] { Facturatie.Run(_contract, _trajecten, Array.Empty<Factuur>(), EerdereRun, _instellingen) };
    }

    [Benchmark]
    public Factuur Factureren() => Facturatie.Run(_contract, _trajecten, _historie, Run, _instellingen);

    /// <summary>A correction dated before the earlier run and reported after it.</summary>
    private static Gebeurtenis LateCorrectie(List<Gebeurtenis> events)
    {
        var gemeld = EerdereRun.PlusDays(45);
        var plaatsing = events.OfType<Plaatsing>().FirstOrDefault();
        if (plaatsing is not null && !events.OfType<PlaatsingEinde>().Any() && plaatsing.Datum.PlusDays(30) < EerdereRun)
        {
            return new PlaatsingEinde("LATE", plaatsing.Datum.PlusDays(30), plaatsing.Sleutel) { Gemeld = gemeld };
        }

        var uren = events.OfType<Uren>().First();
        return new Intrekking("LATE", uren.Datum, uren.Id) { Gemeld = gemeld };
    }
}
