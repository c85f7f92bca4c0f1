using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Scenarios;

/// <summary>Settings of a simulation run that do not change its result.</summary>
/// <param name="MaximaleParallelliteit">Threads to use; <see langword="null"/> = all cores. The result is the same for any value.</param>
/// <param name="MetGevoeligheid">Also run the scenario with the plaatsing chance × 0.75 and × 1.25.</param>
public sealed record Simulatieopties(int? MaximaleParallelliteit = null, bool MetGevoeligheid = true)
{
    /// <summary>All cores, with sensitivity.</summary>
    public static Simulatieopties Standaard { get; } = new();
}

/// <summary>
/// Monte Carlo comparison of bekostigingsmodellen (domain.md §10). Each iteration draws every client's history as an
/// event stream from its own random stream (seed, iteration), settles it with <see cref="SettlementEngine"/> under
/// every model — the same history under each model — and aggregates cost, durable plaatsingen, yearly cost,
/// revenue, margin and incentive per profiel. Parallel over iterations, deterministic for a seed, cancellable.
/// </summary>
public static class Simulatie
{
    private static readonly Bekostigingsmodel Duurzaamheidsmeter = new(
        "duurzame plaatsing",
        ValueList.Of<Betaalregel>(BijResultaat.Vast("duurzaam", Resultaatdefinitie.Standaard, Bedrag.Van(1m))));

    /// <summary>Runs the comparison.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="opties">Threads and sensitivity; <see langword="null"/> = <see cref="Simulatieopties.Standaard"/>.</param>
    /// <param name="voortgang">Receives the number of iterations done (of all passes), or <see langword="null"/>.</param>
    /// <param name="annulering">Cancels the run.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="BekostigingException">When the scenario is invalid.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static Vergelijking Vergelijk(Scenario scenario, Simulatieopties? opties = null, IProgress<int>? voortgang = null, CancellationToken annulering = default)
    {
        Preconditions.NotNull(scenario, nameof(scenario));
        scenario.Valideer();
        var o = opties ?? Simulatieopties.Standaard;
        var counter = new Counter(voortgang);
        var basis = Run(scenario, o, counter, annulering);
        Bedrag[]? laag = null;
        Bedrag[]? hoog = null;
        if (o.MetGevoeligheid)
        {
            laag = Run(Scale(scenario, 0.75m), o, counter, annulering).Select(m => m.Kosten.Gemiddelde).ToArray();
            hoog = Run(Scale(scenario, 1.25m), o, counter, annulering).Select(m => m.Kosten.Gemiddelde).ToArray();
        }

        var modellen = basis.Select((m, i) => laag is null ? m : m with { Gevoeligheid = new Gevoeligheid(laag[i], m.Kosten.Gemiddelde, hoog![i]) }).ToValueList();
        return new Vergelijking(scenario.Naam, scenario.Iteraties, scenario.Seed, scenario.AantalClienten, scenario.BudgetPerJaar, modellen);
    }

    /// <summary>The event stream of one client in one iteration, exactly as the simulation draws and settles it (for inspection and tests).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="iteratie">The iteration (0-based).</param>
    /// <param name="client">The client's index in the cohort (0-based; profiel 1 first).</param>
    /// <returns>The client's traject (under the first model) and its events.</returns>
    public static Contracts.TrajectMetGebeurtenissen Historie(Scenario scenario, int iteratie, int client)
    {
        Preconditions.NotNull(scenario, nameof(scenario));
        scenario.Valideer();
        Preconditions.Check(client >= 0 && client < scenario.AantalClienten, nameof(client), client, "a client of the cohort.");
        var profielen = Profielen(scenario);
        var rng = new Willekeur(scenario.Seed, (ulong)iteratie);
        var d = MaxDoorlooptijd(scenario);
        var trekking = new Trekking(scenario, d, scenario.Horizon);
        ClientHistorie? h = null;
        for (var c = 0; c <= client; c++)
        {
            h = Scenarios.Historie.Trek(ref rng, trekking, new Profielgedrag(scenario.GedragVan(profielen[c])), new List<Events.Gebeurtenis>(24));
        }

        var m = scenario.Modellen[0];
        return new Contracts.TrajectMetGebeurtenissen(Traject(client, h!, m.Model, m.MaximaleDoorlooptijd), h!.Gebeurtenissen);
    }

    private static int[] Profielen(Scenario s)
    {
        var result = new int[s.AantalClienten];
        var i = 0;
        for (var p = 1; p <= 4; p++)
        {
            for (var n = 0; n < s.AantalPerProfiel[p - 1]; n++)
            {
                result[i++] = p;
            }
        }

        return result;
    }

    private static int MaxDoorlooptijd(Scenario s)
        => s.Modellen.Max(m => (int)Math.Ceiling((decimal)Period.Between(s.Contract.Ingangsdatum, m.MaximaleDoorlooptijd.Voltooid(s.Contract.Ingangsdatum), PeriodUnits.Days).Days / 28m)) is var days && s.Modellen.All(m => m.MaximaleDoorlooptijd.Eenheid == DuurEenheid.Maanden)
            ? s.Modellen.Max(m => m.MaximaleDoorlooptijd.Aantal)
            : days;

    private static Traject Traject(int client, ClientHistorie h, Bekostigingsmodel model, Duur doorlooptijd)
        => new Traject("T-" + (client + 1).ToString("00000", System.Globalization.CultureInfo.InvariantCulture), "C-" + (client + 1).ToString("00000", System.Globalization.CultureInfo.InvariantCulture), h.Profiel, "scenario", model, doorlooptijd)
        {
            StartTrede = h.StartTrede,
        };

    private static Scenario Scale(Scenario s, decimal factor)
        => s with { Gedragingen = s.Gedragingen.Select(g => g.MetPlaatsingsfactor(factor)).ToValueList() };

    private sealed class Counter
    {
        private readonly IProgress<int>? _progress;
        private int _done;

        public Counter(IProgress<int>? progress) => _progress = progress;

        public void Tick() => _progress?.Report(Interlocked.Increment(ref _done));
    }

    /// <summary>Per-iteration aggregates of one model.</summary>
    private sealed class IteratieUitkomst
    {
        public IteratieUitkomst(int profielen, int jaren)
        {
            Opbrengst = new decimal[profielen];
            PerJaar = new decimal[jaren];
        }

        public decimal Totaal { get; set; }

        /// <summary>Cost per calendar year of the due date, from the contract's first year (only those years are reported).</summary>
        public decimal[] PerJaar { get; }

        public decimal[] Opbrengst { get; }

        public decimal[] OpbrengstMetDuurzaam { get; } = new decimal[4];

        public decimal[] OpbrengstZonderDuurzaam { get; } = new decimal[4];
    }

    /// <summary>The trajecten of one client of the cohort: under the durability meter and under each model (the same for every iteration).</summary>
    private sealed class ClientTrajecten
    {
        public ClientTrajecten(Traject meter, Traject[] modellen)
        {
            Meter = meter;
            Modellen = modellen;
        }

        public Traject Meter { get; }

        public Traject[] Modellen { get; }
    }

    /// <summary>What one thread reuses from settlement to settlement: the calculation and the timeline of the model being settled.</summary>
    private sealed class Werker
    {
        public TrajectBerekening Berekening { get; } = new(metDetails: false);

        public Tijdlijn? Model { get; set; }

        /// <summary>The timeline under the durability meter, refilled for every client.</summary>
        public Tijdlijn? Meter { get; set; }

        /// <summary>The list a client's history is drawn into, refilled for every client.</summary>
        public List<Events.Gebeurtenis> Gebeurtenissen { get; } = new(32);
    }

    private static List<ModelUitkomst> Run(Scenario s, Simulatieopties o, Counter counter, CancellationToken ct)
    {
        var profielen = Profielen(s);
        var d = MaxDoorlooptijd(s);
        var horizon = s.Horizon;
        var models = s.Modellen.Count;
        var results = new IteratieUitkomst[s.Iteraties, models];
        var durable = new int[s.Iteraties];
        var durablePerProfiel = new int[s.Iteraties, 4];
        var hours = new decimal[s.Iteraties, 4];
        var context = s.Contract.Context;
        var meterContext = SettlementContext.Standaard;
        var eersteJaar = s.Contract.Ingangsdatum.Year;
        var jaren = horizon.Year - eersteJaar + 1;

        // What does not change between iterations is made once: the draw settings, each profiel's chances (Valideer
        // checked that every profiel of the cohort has a behaviour) and, on first use, each client's trajecten.
        var trekking = new Trekking(s, d, horizon);
        var gedrag = new Profielgedrag?[5];
        foreach (var p in profielen)
        {
            gedrag[p] ??= new Profielgedrag(s.GedragVan(p));
        }

        var clientTrajecten = new ClientTrajecten?[profielen.Length];
        ClientTrajecten TrajectenVan(int c, ClientHistorie h)
        {
            // Traject objects depend only on the client (id, profiel, rung at start), so every iteration shares them;
            // two threads may make them at once, harmlessly.
            return clientTrajecten[c] ??= new ClientTrajecten(
                Traject(c, h, Duurzaamheidsmeter, Duur.Maanden(d)),
                s.Modellen.Select(spec => Traject(c, h, spec.Model, spec.MaximaleDoorlooptijd)).ToArray());
        }

        // A model whose window is that of the model before it (same doorlooptijd and cap) settles on the same timeline.
        var zelfdeVenster = new bool[models];
        for (var m = 1; m < models; m++)
        {
            zelfdeVenster[m] = s.Modellen[m].MaximaleDoorlooptijd == s.Modellen[m - 1].MaximaleDoorlooptijd
                && s.Modellen[m].Model.MaximaleDoorlooptijd == s.Modellen[m - 1].Model.MaximaleDoorlooptijd;
        }

        var po = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = o.MaximaleParallelliteit ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            s.Iteraties,
            po,
            () => new Werker(), // each thread settles with its own calculation: only the amounts are needed
            (i, _, werker) =>
            {
                var berekening = werker.Berekening;
                var rng = new Willekeur(s.Seed, (ulong)i);
                for (var m = 0; m < models; m++)
                {
                    results[i, m] = new IteratieUitkomst(4, jaren);
                }

                for (var c = 0; c < profielen.Length; c++)
                {
                    ct.ThrowIfCancellationRequested();
                    var h = Scenarios.Historie.Trek(ref rng, trekking, gedrag[profielen[c]]!, werker.Gebeurtenissen);
                    var p = h.Profiel - 1;
                    hours[i, p] += h.Uren;
                    var trajecten = TrajectenVan(c, h);

                    // The same engine as SettlementEngine.Settle: one validated timeline, settled under the meter and
                    // then under every model (only the window differs per model).
                    var tijdlijn = werker.Meter = Tijdlijn.BouwUitEigenLijst(trajecten.Meter, h.Gebeurtenissen, meterContext.Begrippen, werker.Meter);
                    berekening.Bereken(tijdlijn, meterContext.Tarieven);
                    var isDurable = false;
                    foreach (var k in berekening.Regels)
                    {
                        isDurable |= k.Vervaldatum <= horizon;
                    }

                    if (isDurable)
                    {
                        durable[i]++;
                        durablePerProfiel[i, p]++;
                    }

                    for (var m = 0; m < models; m++)
                    {
                        werker.Model = zelfdeVenster[m]
                            ? werker.Model!.MetZelfdeVenster(trajecten.Modellen[m])
                            : tijdlijn.VoorTraject(trajecten.Modellen[m], context.Begrippen, werker.Model);
                        berekening.Bereken(werker.Model, context.Tarieven);
                        var r = results[i, m];
                        var total = 0m;
                        foreach (var k in berekening.Regels)
                        {
                            if (k.Vervaldatum > horizon)
                            {
                                continue; // pending: not a cost up to the horizon
                            }

                            var euros = k.Bedrag.Euros;
                            total += euros;
                            var jaar = k.Vervaldatum.Year - eersteJaar;
                            if (jaar >= 0 && jaar < jaren)
                            {
                                r.PerJaar[jaar] += euros;
                            }
                        }

                        r.Totaal += total;
                        r.Opbrengst[p] += total;
                        if (isDurable)
                        {
                            r.OpbrengstMetDuurzaam[p] += total;
                        }
                        else
                        {
                            r.OpbrengstZonderDuurzaam[p] += total;
                        }
                    }
                }

                counter.Tick();
                return werker;
            },
            _ => { });

        var n = s.Iteraties;
        var years = Enumerable.Range(eersteJaar, jaren).ToArray();
        var meanDurable = (decimal)durable.Sum() / n;
        var output = new List<ModelUitkomst>(models);
        for (var m = 0; m < models; m++)
        {
            var totals = Enumerable.Range(0, n).Select(i => results[i, m].Totaal).ToArray();
            var mean = totals.Sum() / n;
            var perJaar = years.Select(y =>
            {
                var v = Enumerable.Range(0, n).Select(i => results[i, m].PerJaar[y - eersteJaar]).ToArray();
                var over = s.BudgetPerJaar is { } b ? (decimal)v.Count(x => x > b.Euros) / n : 0m;
                return new Jaarkosten(y, Bedrag.Afgerond(v.Sum() / n), Bedrag.Afgerond(Percentiel(v, 0.95m)), over);
            }).ToValueList();
            var perProfiel = new List<ProfielUitkomst>();
            var margins = new Dictionary<int, Bedrag>();
            for (var p = 0; p < 4; p++)
            {
                var count = s.AantalPerProfiel[p];
                if (count == 0)
                {
                    continue;
                }

                var revenue = Enumerable.Range(0, n).Sum(i => results[i, m].Opbrengst[p]) / (n * count);
                var cost = Enumerable.Range(0, n).Sum(i => hours[i, p]) * s.KostenPerUur.Euros / (n * count);
                var withDurable = Enumerable.Range(0, n).Sum(i => durablePerProfiel[i, p]);
                var withoutDurable = (n * count) - withDurable;
                var revWith = withDurable == 0 ? 0m : Enumerable.Range(0, n).Sum(i => results[i, m].OpbrengstMetDuurzaam[p]) / withDurable;
                var revWithout = withoutDurable == 0 ? 0m : Enumerable.Range(0, n).Sum(i => results[i, m].OpbrengstZonderDuurzaam[p]) / withoutDurable;
                var margin = Bedrag.Afgerond(revenue - cost);
                margins[p + 1] = margin;
                perProfiel.Add(new ProfielUitkomst(p + 1, count, Bedrag.Afgerond(revenue), Bedrag.Afgerond(cost), margin, Bedrag.Afgerond(revWith - revWithout)));
            }

            var gap = margins.TryGetValue(1, out var m1) && margins.TryGetValue(4, out var m4) ? m1 - m4 : Bedrag.Nul;
            output.Add(new ModelUitkomst(
                s.Modellen[m].Naam,
                new Kostenverdeling(Bedrag.Afgerond(mean), Bedrag.Afgerond(Percentiel(totals, 0.05m)), Bedrag.Afgerond(Percentiel(totals, 0.50m)), Bedrag.Afgerond(Percentiel(totals, 0.95m))),
                totals.ToValueList(),
                meanDurable,
                meanDurable == 0m ? Bedrag.Nul : Bedrag.Afgerond(mean / meanDurable),
                perJaar,
                perProfiel.ToValueList(),
                gap,
                null));
        }

        return output;
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least q of the values at or below it.</summary>
    internal static decimal Percentiel(decimal[] values, decimal q)
    {
        var sorted = (decimal[])values.Clone();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Max(0, Math.Min(sorted.Length - 1, rank - 1))];
    }
}
