using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Scenarios;

/// <summary>A point estimate with its interval.</summary>
/// <param name="Schatting">The estimate (for a chance: successes ÷ trials).</param>
/// <param name="Onder">The lower end of the interval.</param>
/// <param name="Boven">The upper end of the interval.</param>
/// <param name="Waarnemingen">The number of observations behind it (trial months, plaatsingen, months of guidance).</param>
public sealed record Schattingsinterval(decimal Schatting, decimal Onder, decimal Boven, int Waarnemingen)
{
    /// <summary>True when <paramref name="waarde"/> lies within the interval (ends included).</summary>
    /// <param name="waarde">The value.</param>
    /// <returns>Whether it lies inside.</returns>
    public bool Bevat(decimal waarde) => waarde >= Onder && waarde <= Boven;
}

/// <summary>Settings of a calibration.</summary>
/// <param name="MinimumTrajectenPerProfiel">A profiel with fewer trajecten (with a Start) than this is refused: too thin to say anything. Default 30.</param>
/// <param name="Betrouwbaarheid">The interval's level, e.g. 0.95 (0.5–0.999).</param>
/// <param name="Peildatum">Months beginning after this date are not observed; <see langword="null"/> = the latest event date in the data.</param>
/// <param name="Duurzaamheidstermijn">The term for "a plaatsing ending within the durability term"; <see langword="null"/> = 6 months.</param>
public sealed record Kalibratieopties(int MinimumTrajectenPerProfiel = 30, decimal Betrouwbaarheid = 0.95m, LocalDate? Peildatum = null, Duur? Duurzaamheidstermijn = null)
{
    /// <summary>30 trajecten per profiel, 95 % intervals, observed up to the latest event.</summary>
    public static Kalibratieopties Standaard { get; } = new();
}

/// <summary>The estimated share of one kind of plaatsing among a profiel's plaatsingen.</summary>
/// <param name="Type">The uitstroomtype.</param>
/// <param name="UrenPerWeek">Hours per week.</param>
/// <param name="Aantal">The number of plaatsingen of this kind.</param>
/// <param name="Aandeel">Its share with interval.</param>
public sealed record Uitstroomschatting(Uitstroomtype Type, decimal UrenPerWeek, int Aantal, Schattingsinterval Aandeel);

/// <summary>The behaviour of one cliëntprofiel as estimated from past trajecten.</summary>
/// <param name="Profiel">The profiel.</param>
/// <param name="AantalTrajecten">Trajecten with a Start that were used.</param>
/// <param name="KansPlaatsingPerMaand">Chance per traject month (from month 2) that a client without work is placed.</param>
/// <param name="KansUitvalPerMaand">Chance per traject month that the traject ends by uitval.</param>
/// <param name="KansEindePlaatsingPerMaand">Chance per month after the month it began that a running plaatsing ends.</param>
/// <param name="EindeBinnenDuurzaamheidstermijn">The share of plaatsingen (observed for the whole term) that ended within the durability term.</param>
/// <param name="UrenBegeleidingPerMaand">Mean guidance hours in a traject month without work (interval: normal approximation).</param>
/// <param name="KansTredeOmhoogPerMaand">Chance per traject month below rung 6 of climbing a rung (trajecten with a rung at start only).</param>
/// <param name="Uitstroom">The kinds of plaatsing and their shares.</param>
public sealed record Profielkalibratie(
    int Profiel,
    int AantalTrajecten,
    Schattingsinterval KansPlaatsingPerMaand,
    Schattingsinterval KansUitvalPerMaand,
    Schattingsinterval KansEindePlaatsingPerMaand,
    Schattingsinterval EindeBinnenDuurzaamheidstermijn,
    Schattingsinterval UrenBegeleidingPerMaand,
    Schattingsinterval KansTredeOmhoogPerMaand,
    ValueList<Uitstroomschatting> Uitstroom)
{
    /// <summary>The point estimates as a scenario's behaviour (the kinds of plaatsing weighted by their counts).</summary>
    /// <returns>The behaviour.</returns>
    public Gedrag NaarGedrag() => new(
        Profiel,
        Rond(KansPlaatsingPerMaand.Schatting),
        Uitstroom.Select(u => new Uitstroomkans(u.Type, u.UrenPerWeek, u.Aantal)).ToValueList(),
        Rond(KansUitvalPerMaand.Schatting),
        Rond(KansEindePlaatsingPerMaand.Schatting),
        Math.Round(UrenBegeleidingPerMaand.Schatting, 2, MidpointRounding.AwayFromZero),
        Rond(KansTredeOmhoogPerMaand.Schatting));

    private static decimal Rond(decimal kans) => Math.Round(kans, 4, MidpointRounding.AwayFromZero);
}

/// <summary>The result of a calibration: per profiel the estimated behaviour with intervals.</summary>
/// <param name="Peildatum">The last date observed.</param>
/// <param name="MinimumTrajectenPerProfiel">The minimum that was applied.</param>
/// <param name="Betrouwbaarheid">The intervals' level.</param>
/// <param name="Profielen">The estimates, per profiel present in the data.</param>
/// <param name="NietGebruikt">Trajecten not used, each with its reason (no Start: never began).</param>
public sealed record Kalibratie(LocalDate Peildatum, int MinimumTrajectenPerProfiel, decimal Betrouwbaarheid, ValueList<Profielkalibratie> Profielen, ValueList<string> NietGebruikt)
{
    /// <summary>The estimates as the <c>gedragingen</c> section of a scenario.</summary>
    public ValueList<Gedrag> Gedragingen => Profielen.Select(p => p.NaarGedrag()).ToValueList();

    /// <summary>A scenario with its behaviour replaced by the estimates, for the profielen estimated (others keep theirs).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The calibrated scenario.</returns>
    public Scenario Toepassen(Scenario scenario)
    {
        Preconditions.NotNull(scenario, nameof(scenario));
        // A parameter without a single observation (e.g. rungs when the export has no rung at start) keeps the scenario's value.
        var geschat = Profielen.Select(p =>
        {
            var g = p.NaarGedrag();
            if (scenario.Gedragingen.FirstOrDefault(x => x.Profiel == p.Profiel) is not { } basis)
            {
                return g;
            }

            return g with
            {
                KansPlaatsingPerMaand = p.KansPlaatsingPerMaand.Waarnemingen == 0 ? basis.KansPlaatsingPerMaand : g.KansPlaatsingPerMaand,
                Uitstroom = p.Uitstroom.Count == 0 ? basis.Uitstroom : g.Uitstroom,
                KansUitvalPerMaand = p.KansUitvalPerMaand.Waarnemingen == 0 ? basis.KansUitvalPerMaand : g.KansUitvalPerMaand,
                KansEindePlaatsingPerMaand = p.KansEindePlaatsingPerMaand.Waarnemingen == 0 ? basis.KansEindePlaatsingPerMaand : g.KansEindePlaatsingPerMaand,
                UrenBegeleidingPerMaand = p.UrenBegeleidingPerMaand.Waarnemingen == 0 ? basis.UrenBegeleidingPerMaand : g.UrenBegeleidingPerMaand,
                KansTredeOmhoogPerMaand = p.KansTredeOmhoogPerMaand.Waarnemingen == 0 ? basis.KansTredeOmhoogPerMaand : g.KansTredeOmhoogPerMaand,
            };
        }).ToList();
        var rest = scenario.Gedragingen.Where(g => geschat.All(x => x.Profiel != g.Profiel));
        return scenario with { Gedragingen = geschat.Concat(rest).OrderBy(g => g.Profiel).ToValueList() };
    }
}

/// <summary>
/// Estimates a scenario's behaviour per cliëntprofiel from a gemeente's own past trajecten (docs/scenario.md,
/// "Calibration"): traject months are counted from the Start as the simulation draws them, and each monthly chance is
/// successes ÷ trials with an equal-tailed Beta(1 + successes, 1 + failures) interval (a uniform prior).
/// </summary>
public static class Kalibreren
{
    /// <summary>Estimates the behaviour per profiel.</summary>
    /// <param name="trajecten">The trajecten with their events (e.g. read from an export).</param>
    /// <param name="opties">Settings; <see langword="null"/> = <see cref="Kalibratieopties.Standaard"/>.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> when a profiel has fewer trajecten than the minimum, or there are none.</exception>
    public static Kalibratie Schat(IEnumerable<TrajectMetGebeurtenissen> trajecten, Kalibratieopties? opties = null)
    {
        Preconditions.NotNull(trajecten, nameof(trajecten));
        var o = opties ?? Kalibratieopties.Standaard;
        Preconditions.Check(o.MinimumTrajectenPerProfiel >= 1, nameof(o.MinimumTrajectenPerProfiel), o.MinimumTrajectenPerProfiel, "at least 1.");
        Preconditions.Check(o.Betrouwbaarheid is >= 0.5m and <= 0.999m, nameof(o.Betrouwbaarheid), o.Betrouwbaarheid, "a level in [0.5, 0.999].");
        var lijst = trajecten.ToList();
        var peildatum = o.Peildatum ?? (lijst.SelectMany(t => t.Gebeurtenissen).Select(g => (LocalDate?)g.Datum).Max()
            ?? throw Preconditions.Fout("calibration: no events in the data, nothing to estimate."));
        var termijn = o.Duurzaamheidstermijn ?? Duur.Maanden(6);
        var niet = new List<string>();
        var tellers = new Dictionary<int, Tellers>();
        foreach (var t in lijst)
        {
            var actief = Actief(t.Gebeurtenissen);
            if (actief.OfType<Start>().FirstOrDefault() is not { } start)
            {
                niet.Add($"traject {t.Traject.Id}: no Start (never began), not used.");
                continue;
            }

            if (!tellers.TryGetValue(t.Traject.Profiel, out var tel))
            {
                tellers[t.Traject.Profiel] = tel = new Tellers();
            }

            Tel(t.Traject, start.Datum, actief, peildatum, termijn, tel);
        }

        Preconditions.Check(tellers.Count > 0, $"calibration: no traject with a Start in the data, nothing to estimate.");
        var dun = tellers.Where(kv => kv.Value.Trajecten < o.MinimumTrajectenPerProfiel).OrderBy(kv => kv.Key).ToList();
        Preconditions.Check(
            dun.Count == 0,
            $"calibration refused: too few trajecten to estimate anything for {string.Join(", ", dun.Select(kv => $"profiel {kv.Key} ({kv.Value.Trajecten})"))}; at least {o.MinimumTrajectenPerProfiel} trajecten with a Start per profiel are needed (Kalibratieopties.MinimumTrajectenPerProfiel).");

        var c = (double)o.Betrouwbaarheid;
        var profielen = tellers.OrderBy(kv => kv.Key).Select(kv =>
        {
            var x = kv.Value;
            var totaal = x.Soorten.Values.Sum();
            return new Profielkalibratie(
                kv.Key,
                x.Trajecten,
                Kans(x.PlaatsingSucces, x.PlaatsingProeven, c),
                Kans(x.UitvalSucces, x.UitvalProeven, c),
                Kans(x.EindeSucces, x.EindeProeven, c),
                Kans(x.BinnenTermijn, x.TermijnBekeken, c),
                Gemiddelde(x.UrenPerMaand, c),
                Kans(x.TredeSucces, x.TredeProeven, c),
                x.Soorten.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Type).ThenBy(s => s.Key.Uren)
                    .Select(s => new Uitstroomschatting(s.Key.Type, s.Key.Uren, s.Value, Kans(s.Value, totaal, c))).ToValueList());
        }).ToValueList();
        return new Kalibratie(peildatum, o.MinimumTrajectenPerProfiel, o.Betrouwbaarheid, profielen, niet.ToValueList());
    }

    private sealed class Tellers
    {
        public int Trajecten { get; set; }

        public int PlaatsingProeven { get; set; }

        public int PlaatsingSucces { get; set; }

        public int UitvalProeven { get; set; }

        public int UitvalSucces { get; set; }

        public int EindeProeven { get; set; }

        public int EindeSucces { get; set; }

        public int TermijnBekeken { get; set; }

        public int BinnenTermijn { get; set; }

        public int TredeProeven { get; set; }

        public int TredeSucces { get; set; }

        public List<decimal> UrenPerMaand { get; } = new();

        public Dictionary<(Uitstroomtype Type, decimal Uren), int> Soorten { get; } = new();
    }

    // Events withdrawn by an Intrekking (and not restored by withdrawing that Intrekking) do not count.
    private static List<Gebeurtenis> Actief(IReadOnlyList<Gebeurtenis> events)
    {
        var ingetrokken = new HashSet<string>(StringComparer.Ordinal);
        var intrekkingen = events.OfType<Intrekking>().ToList();
        var hersteld = new HashSet<string>(intrekkingen.Where(i => intrekkingen.Any(j => j.DoelId == i.Id)).Select(i => i.Id), StringComparer.Ordinal);
        foreach (var i in intrekkingen.Where(i => !hersteld.Contains(i.Id)))
        {
            ingetrokken.Add(i.DoelId);
        }

        return events.Where(e => e is not Intrekking && !ingetrokken.Contains(e.Id)).OrderBy(e => e.Datum).ToList();
    }

    private static void Tel(Traject traject, LocalDate start, List<Gebeurtenis> events, LocalDate peildatum, Duur termijn, Tellers tel)
    {
        tel.Trajecten++;
        var einde = traject.MaximaleDoorlooptijd.LaatsteDag(start);
        foreach (var e in events)
        {
            if (e is Uitval or Afronding && e.Datum < einde)
            {
                einde = e.Datum;
            }
        }

        var uitval = events.OfType<Uitval>().FirstOrDefault()?.Datum;
        var eindes = events.OfType<PlaatsingEinde>().GroupBy(e => e.PlaatsingId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(e => e.Datum), StringComparer.Ordinal);
        var plaatsingen = events.OfType<Plaatsing>().Where(p => p.Datum >= start && p.Datum <= einde)
            .Select(p => (Begin: p.Datum, Einde: eindes.TryGetValue(p.PlaatsingId ?? p.Id, out var d) ? d : (LocalDate?)null, p.Type, p.UrenPerWeek))
            .ToList();
        LocalDate Maand(int k) => start.PlusMonths(k - 1);
        bool WerktBij(LocalDate begin) => plaatsingen.Any(p => p.Begin < begin && (p.Einde is null || p.Einde >= begin));
        bool WerktIn(LocalDate van, LocalDate tot) => plaatsingen.Any(p => p.Begin <= tot && (p.Einde is null || p.Einde >= van));

        var trede = traject.StartTrede;
        var treden = events.OfType<Trede>().ToList();
        for (var k = 1; Maand(k) <= einde && Maand(k) <= peildatum; k++)
        {
            var van = Maand(k);
            var tot = Maand(k + 1).PlusDays(-1);
            if (k >= 2 && !WerktBij(van))
            {
                tel.PlaatsingProeven++;
                tel.PlaatsingSucces += plaatsingen.Any(p => p.Begin >= van && p.Begin <= tot) ? 1 : 0;
            }

            tel.UitvalProeven++;
            tel.UitvalSucces += uitval is { } u && u >= van && u <= tot ? 1 : 0;

            if (!WerktIn(van, tot) && tot <= peildatum)
            {
                tel.UrenPerMaand.Add(events.OfType<Uren>().Where(h => h.Datum >= van && h.Datum <= tot).Sum(h => h.Aantal));
            }

            if (trede is { } r && r < 6)
            {
                tel.TredeProeven++;
                var hoger = treden.Where(x => x.Datum >= van && x.Datum <= tot).Select(x => x.Niveau).DefaultIfEmpty(r).Max();
                tel.TredeSucces += hoger > r ? 1 : 0;
                trede = Math.Max(r, hoger);
            }
        }

        foreach (var p in plaatsingen)
        {
            tel.Soorten[(p.Type, p.UrenPerWeek)] = tel.Soorten.TryGetValue((p.Type, p.UrenPerWeek), out var n) ? n + 1 : 1;

            // The months after the one it began in, counted from the traject's start as the simulation draws them.
            var k0 = 1;
            while (Maand(k0 + 1) <= p.Begin)
            {
                k0++;
            }

            for (var k = k0 + 1; Maand(k) <= peildatum; k++)
            {
                tel.EindeProeven++;
                if (p.Einde is { } e && e <= Maand(k + 1).PlusDays(-1))
                {
                    tel.EindeSucces++;
                    break;
                }
            }

            var laatsteDag = termijn.LaatsteDag(p.Begin);
            if (laatsteDag <= peildatum || (p.Einde is { } e2 && e2 < laatsteDag))
            {
                tel.TermijnBekeken++;
                tel.BinnenTermijn += p.Einde is { } e3 && e3 < laatsteDag ? 1 : 0;
            }
        }
    }

    private static Schattingsinterval Kans(int successen, int proeven, double c)
    {
        if (proeven == 0)
        {
            return new Schattingsinterval(0m, 0m, 1m, 0);
        }

        var a = successen + 1.0;
        var b = proeven - successen + 1.0;
        // At the edge (no success, or only successes) the interval reaches 0 or 1, so it always holds the estimate.
        var onder = successen == 0 ? 0 : Beta.Kwantiel((1 - c) / 2, a, b);
        var boven = successen == proeven ? 1 : Beta.Kwantiel(1 - ((1 - c) / 2), a, b);
        return new Schattingsinterval(
            Math.Round((decimal)successen / proeven, 6, MidpointRounding.AwayFromZero),
            Math.Floor((decimal)onder * 1_000_000m) / 1_000_000m,
            Math.Ceiling((decimal)boven * 1_000_000m) / 1_000_000m,
            proeven);
    }

    private static Schattingsinterval Gemiddelde(List<decimal> waarden, double c)
    {
        if (waarden.Count == 0)
        {
            return new Schattingsinterval(0m, 0m, 0m, 0);
        }

        var mean = waarden.Average();
        var sd = waarden.Count < 2 ? 0.0 : Math.Sqrt(waarden.Sum(w => Math.Pow((double)(w - mean), 2)) / (waarden.Count - 1));
        var z = Beta.NormaalKwantiel(1 - ((1 - c) / 2));
        var half = (decimal)(z * sd / Math.Sqrt(waarden.Count));
        return new Schattingsinterval(Math.Round(mean, 4, MidpointRounding.AwayFromZero), Math.Floor((mean - half) * 10_000m) / 10_000m, Math.Ceiling((mean + half) * 10_000m) / 10_000m, waarden.Count);
    }
}

/// <summary>The Beta distribution's quantile (by bisection on the regularized incomplete beta function) and the normal quantile.</summary>
internal static class Beta
{
    public static double Kwantiel(double p, double a, double b)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 80; i++)
        {
            var mid = (lo + hi) / 2;
            if (Regularized(mid, a, b) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>I_x(a, b), by the continued fraction (modified Lentz), using the symmetry for x beyond the mean.</summary>
    public static double Regularized(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * Fraction(x, a, b) / a
            : 1 - (front * Fraction(1 - x, b, a) / b);
    }

    private static double Fraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var f = d;
        for (var m = 1; m <= 500; m++)
        {
            var even = m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 + (even * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (even / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            f *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            f *= step;
            if (Math.Abs(step - 1) < 1e-14)
            {
                break;
            }
        }

        return f;
    }

    // Lanczos approximation (g = 7, nine coefficients).
    private static readonly double[] Lanczos =
    {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };

    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The standard normal quantile, by bisection on the error function's complement.</summary>
    public static double NormaalKwantiel(double p)
    {
        double lo = -10, hi = 10;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (Normaal(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    // Φ(z) = I_{1/2 + …} is awkward; use Φ(z) = 1/2 (1 + erf(z/√2)) with erf from the regularized gamma series.
    private static double Normaal(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);

        // erf(x) = P(1/2, x²): the regularized lower incomplete gamma by its series.
        double sum = 0, term = 1 / 0.5;
        sum = term;
        for (var n = 1; n < 500; n++)
        {
            term *= x * x / (0.5 + n);
            sum += term;
            if (term < sum * 1e-16)
            {
                break;
            }
        }

        var erf = sum * Math.Exp(-(x * x) + (0.5 * Math.Log(x * x)) - LogGamma(0.5));
        erf = Math.Min(1, erf);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
