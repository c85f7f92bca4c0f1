using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Tests.Scenarios;

public class KalibratieTests
{
    private readonly ITestOutputHelper _output;

    public KalibratieTests(ITestOutputHelper output) => _output = output;

    private static TrajectMetGebeurtenissen Een(string id, int profiel, params Gebeurtenis[] events)
        => new(new Traject(id, "C-" + id, profiel, "re-integratie", Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)), Duur.Maanden(12)) { StartTrede = 3 }, events);

    [Fact]
    public void One_traject_worked_by_hand()
    {
        // Start 2026-01-01; traject month k runs from 2026-(k)-01. Plaatsing on 03-01 (month 3), its last working day
        // 05-31 (month 5), uitval on 07-31 (month 7); 4 hours in every month without work.
        var t = Een(
            "T1",
            2,
            new Start("S", new LocalDate(2026, 1, 1)),
            new Uren("U1", new LocalDate(2026, 1, 8), 4m),
            new Uren("U2", new LocalDate(2026, 2, 8), 4m),
            new Plaatsing("P1", new LocalDate(2026, 3, 1), Uitstroomtype.RegulierWerk, 24m),
            new Uren("U3", new LocalDate(2026, 3, 8), 2m),
            new PlaatsingEinde("E1", new LocalDate(2026, 5, 31), "P1"),
            new Uren("U6", new LocalDate(2026, 6, 8), 4m),
            new Trede("R1", new LocalDate(2026, 6, 21), 4),
            new Uren("U7", new LocalDate(2026, 7, 8), 4m),
            new Uitval("X", new LocalDate(2026, 7, 31)));
        var k = Kalibreren.Schat(new[] { t }, new Kalibratieopties(MinimumTrajectenPerProfiel: 1, Peildatum: new LocalDate(2026, 12, 31)));
        var p = Assert.Single(k.Profielen);
        Assert.Equal(2, p.Profiel);

        // Plaatsing trials: months 2, 3 (not working on its first day), 6, 7 (the job ended on 05-31); success in month 3: 1 / 4.
        Assert.Equal(0.25m, p.KansPlaatsingPerMaand.Schatting);
        Assert.Equal(4, p.KansPlaatsingPerMaand.Waarnemingen);

        // Uitval trials: months 1 … 7, success in month 7: 1 / 7.
        Assert.Equal(Math.Round(1m / 7m, 6), p.KansUitvalPerMaand.Schatting);
        Assert.Equal(7, p.KansUitvalPerMaand.Waarnemingen);

        // End trials: months 4 and 5 after the plaatsing's month 3; it ends in month 5: 1 / 2.
        Assert.Equal(0.5m, p.KansEindePlaatsingPerMaand.Schatting);

        // It ended before 2026-08-31, the last day of its six months: 1 of 1 within the term.
        Assert.Equal(1m, p.EindeBinnenDuurzaamheidstermijn.Schatting);

        // Months without any day of work: 1, 2, 6, 7 with 4 hours each (month 3's 2 hours are a month with work).
        Assert.Equal(4m, p.UrenBegeleidingPerMaand.Schatting);
        Assert.Equal(4, p.UrenBegeleidingPerMaand.Waarnemingen);

        // Rung 3 at start, below 6 in months 1 … 7; climbed once (month 6): 1 / 7.
        Assert.Equal(Math.Round(1m / 7m, 6), p.KansTredeOmhoogPerMaand.Schatting);

        // One plaatsing of one kind: share 1 with the Beta(2, 1) interval, whose CDF is x²: from √0.025 and, as all
        // trials succeeded, up to 1 (so the interval holds its estimate).
        var u = Assert.Single(p.Uitstroom);
        Assert.Equal((Uitstroomtype.RegulierWerk, 24m, 1), (u.Type, u.UrenPerWeek, u.Aantal));
        Assert.Equal(0.158113m, u.Aandeel.Onder); // √0.025 = 0.1581138…, rounded down
        Assert.Equal(1m, u.Aandeel.Boven);

        // The plaatsing chance 1 / 4: Beta(1 + 1, 1 + 3) = Beta(2, 4), two-sided 95 %. For whole a and b,
        // P(Beta(a, b) ≤ x) = P(Binomial(a + b − 1, x) ≥ a), so its CDF is 1 − (1 − x)⁵ − 5x(1 − x)⁴; that equals
        // 0.025 at x = 0.0527449… and 0.975 at x = 0.7164179… (solved by bisection on this polynomial).
        Assert.Equal(0.052744m, p.KansPlaatsingPerMaand.Onder); // rounded down to 6 decimals
        Assert.Equal(0.716418m, p.KansPlaatsingPerMaand.Boven); // rounded up
    }

    [Fact]
    public void Thin_data_is_refused_with_the_profiel_and_the_count()
    {
        var t = Een("T1", 3, new Start("S", new LocalDate(2026, 1, 1)), new Afronding("F", new LocalDate(2026, 12, 31)));
        var e = Assert.Throws<BekostigingException>(() => Kalibreren.Schat(new[] { t }));
        Assert.Equal(FoutCode.OngeldigeParameter, e.Code);
        Assert.Contains("profiel 3 (1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("at least 30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_traject_without_start_is_listed_not_dropped()
    {
        var zonder = Een("T0", 1, new Aanmelding("A", new LocalDate(2026, 1, 1)));
        var met = Een("T1", 1, new Start("S", new LocalDate(2026, 1, 1)));
        var k = Kalibreren.Schat(new[] { zonder, met }, new Kalibratieopties(MinimumTrajectenPerProfiel: 1));
        Assert.Equal("traject T0: no Start (never began), not used.", Assert.Single(k.NietGebruikt));
        Assert.Equal(1, k.Profielen[0].AantalTrajecten);
    }

    /// <summary>
    /// The round trip: histories drawn by the simulation with known behaviour, calibrated back. Each parameter's true
    /// value must lie inside its 95 % interval in at least 90 of 100 seeded runs (a correct interval does so in about
    /// 95; an estimator that counts trials wrongly drifts off and fails).
    /// </summary>
    [Fact]
    public void Known_parameters_come_back_inside_their_intervals_in_at_least_90_of_100_seeded_runs()
    {
        var basis = SimulatieTests.Sample(iteraties: 1) with
        {
            Instroom = new Instroom(ValueList.Of(30, 30, 30, 30), 2),
            AantalPerProfiel = ValueList.Of(60, 60, 60, 60),
        };
        var binnen = new Dictionary<string, int>();
        void Tel(string naam, bool ok) => binnen[naam] = binnen.GetValueOrDefault(naam) + (ok ? 1 : 0);
        for (var seed = 1UL; seed <= 100; seed++)
        {
            var s = basis with { Seed = seed };
            var k = Kalibreren.Schat(Simulatie.Historien(s, 0), new Kalibratieopties(Peildatum: s.Horizon));
            foreach (var p in k.Profielen)
            {
                var g = s.GedragVan(p.Profiel);
                Tel($"{p.Profiel} plaatsing", p.KansPlaatsingPerMaand.Bevat(g.KansPlaatsingPerMaand));
                Tel($"{p.Profiel} uitval", p.KansUitvalPerMaand.Bevat(g.KansUitvalPerMaand));
                Tel($"{p.Profiel} einde plaatsing", p.KansEindePlaatsingPerMaand.Bevat(g.KansEindePlaatsingPerMaand));
                Tel($"{p.Profiel} uren", p.UrenBegeleidingPerMaand.Bevat(g.UrenBegeleidingPerMaand));
                Tel($"{p.Profiel} trede", p.KansTredeOmhoogPerMaand.Bevat(g.KansTredeOmhoogPerMaand));
                var totaal = g.Uitstroom.Sum(u => u.Gewicht);
                foreach (var u in g.Uitstroom.Where(_ => g.Uitstroom.Count > 1))
                {
                    var schatting = p.Uitstroom.FirstOrDefault(x => x.Type == u.Type && x.UrenPerWeek == u.UrenPerWeek);
                    Tel($"{p.Profiel} aandeel {u.Type} {u.UrenPerWeek}", schatting is not null && schatting.Aandeel.Bevat(u.Gewicht / totaal));
                }
            }
        }

        foreach (var (naam, n) in binnen.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"{naam}: {n} / 100");
        }

        Assert.All(binnen, kv => Assert.True(kv.Value >= 90, $"{kv.Key}: the true value inside the interval in {kv.Value} of 100 runs"));
    }
}
