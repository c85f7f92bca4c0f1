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
        var tornado = scenario.Gevoeligheidsanalyse is { } analyse ? Tornado(scenario, analyse, modellen, o, counter, annulering) : null;
        return new Vergelijking(scenario.Naam, scenario.Iteraties, scenario.Seed, scenario.AantalClienten, scenario.BudgetPerJaar, modellen, scenario.Contractjaren, scenario.Referentie, tornado, scenario.Rekendatum);
    }

    /// <summary>The number of simulation passes <see cref="Vergelijk"/> makes (for progress reports): 1, + 2 for the sensitivity, + 2 per tornado parameter.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="opties">The options.</param>
    /// <returns>The number of passes of <see cref="Scenario.Iteraties"/> iterations each.</returns>
    public static int Passes(Scenario scenario, Simulatieopties? opties = null)
    {
        Preconditions.NotNull(scenario, nameof(scenario));
        var o = opties ?? Simulatieopties.Standaard;
        return 1 + (o.MetGevoeligheid ? 2 : 0) + (2 * (scenario.Gevoeligheidsanalyse?.Parameters.Count ?? 0));
    }

    private static Tornado Tornado(Scenario s, Gevoeligheidsanalyse analyse, ValueList<ModelUitkomst> basis, Simulatieopties o, Counter counter, CancellationToken ct)
    {
        // Only the two models are settled; every other setting, the seed included, stays as in the scenario.
        var twee = s with { Modellen = s.Modellen.Where(m => m.Naam == analyse.ModelA || m.Naam == analyse.ModelB).ToValueList(), Gevoeligheidsanalyse = null };
        Bedrag Verschil(IReadOnlyList<ModelUitkomst> r) => r.First(m => m.Naam == analyse.ModelA).Kosten.Gemiddelde - r.First(m => m.Naam == analyse.ModelB).Kosten.Gemiddelde;
        var balken = new List<Tornadobalk>();
        foreach (var b in analyse.Parameters)
        {
            Scenario Met(decimal factor) => twee with { Gedragingen = twee.Gedragingen.Select(g => g.MetFactor(b.Parameter, factor)).ToValueList() };
            var laag = Verschil(Run(Met(1m - (b.Procent / 100m)), o, counter, ct));
            var hoog = Verschil(Run(Met(1m + (b.Procent / 100m)), o, counter, ct));
            balken.Add(new Tornadobalk(b.Parameter, b.Procent, laag, hoog));
        }

        var basisverschil = Verschil(basis);
        return new Tornado(
            analyse.ModelA,
            analyse.ModelB,
            basisverschil,
            balken.OrderByDescending(x => Math.Abs((x.VerschilHoog - x.VerschilLaag).Euros)).ToValueList());
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
        var cohort = Cohort(scenario);
        var rng = new Willekeur(scenario.Seed, (ulong)iteratie);
        var d = MaxDoorlooptijd(scenario);
        var trekking = new Trekking(scenario, d, scenario.Horizon);
        ClientHistorie? h = null;
        for (var c = 0; c <= client; c++)
        {
            h = Scenarios.Historie.Trek(ref rng, trekking, new Profielgedrag(scenario.GedragVan(cohort[c].Profiel)), new List<Events.Gebeurtenis>(24), cohort[c].MaandVan, cohort[c].Maanden);
        }

        var m = scenario.Modellen[0];
        return new Contracts.TrajectMetGebeurtenissen(Traject(client, h!, m.Model, m.MaximaleDoorlooptijd), h!.Gebeurtenissen);
    }

    /// <summary>
    /// Every client's event stream in one iteration, exactly as the simulation draws them (with the scenario's behaviour,
    /// under the first model): a generated history with known parameters, e.g. to test a calibration.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="iteratie">The iteration (0-based).</param>
    /// <returns>The trajecten in cohort order.</returns>
    public static IReadOnlyList<Contracts.TrajectMetGebeurtenissen> Historien(Scenario scenario, int iteratie)
    {
        Preconditions.NotNull(scenario, nameof(scenario));
        scenario.Valideer();
        Preconditions.Check(iteratie >= 0, nameof(iteratie), iteratie, "0 or more.");
        var cohort = Cohort(scenario);
        var rng = new Willekeur(scenario.Seed, (ulong)iteratie);
        var d = MaxDoorlooptijd(scenario);
        var trekking = new Trekking(scenario, d, scenario.Horizon);
        var gedrag = new Dictionary<int, Profielgedrag>();
        var m = scenario.Modellen[0];
        var result = new List<Contracts.TrajectMetGebeurtenissen>(cohort.Length);
        for (var c = 0; c < cohort.Length; c++)
        {
            if (!gedrag.TryGetValue(cohort[c].Profiel, out var pg))
            {
                gedrag[cohort[c].Profiel] = pg = new Profielgedrag(scenario.GedragVan(cohort[c].Profiel));
            }

            var h = Scenarios.Historie.Trek(ref rng, trekking, pg, new List<Events.Gebeurtenis>(24), cohort[c].MaandVan, cohort[c].Maanden);
            result.Add(new Contracts.TrajectMetGebeurtenissen(Traject(c, h, m.Model, m.MaximaleDoorlooptijd), h.Gebeurtenissen));
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

        /// <summary>Cost due in the contract years with aanmeldingen.</summary>
        public decimal Contractjaren { get; set; }

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
        public Werker(int bronnen)
        {
            Meter = new Tijdlijn?[bronnen];
            Gebeurtenissen = Enumerable.Range(0, bronnen).Select(_ => new List<Events.Gebeurtenis>(32)).ToArray();
        }

        public TrajectBerekening Berekening { get; } = new(metDetails: false);

        public Tijdlijn? Model { get; set; }

        /// <summary>The timeline under the durability meter per bron, refilled for every client.</summary>
        public Tijdlijn?[] Meter { get; }

        /// <summary>The lists a client's histories are drawn into (one per bron), refilled for every client.</summary>
        public List<Events.Gebeurtenis>[] Gebeurtenissen { get; }
    }

    /// <summary>The simulated clients in cohort order (profiel 1 first): profiel and the months their aanmelding may fall in.</summary>
    internal readonly record struct Client(int Profiel, int MaandVan, int Maanden);

    internal static Client[] Cohort(Scenario s)
    {
        var result = new List<Client>(s.AantalClienten);
        for (var p = 1; p <= 4; p++)
        {
            if (s.Instroom is { } instroom)
            {
                for (var j = 0; j < instroom.Jaren; j++)
                {
                    for (var n = 0; n < instroom.PerJaar[p - 1]; n++)
                    {
                        result.Add(new Client(p, 12 * j, 12));
                    }
                }
            }
            else
            {
                for (var n = 0; n < s.AantalPerProfiel[p - 1]; n++)
                {
                    result.Add(new Client(p, 0, s.AanmeldingsperiodeMaanden));
                }
            }
        }

        return result.ToArray();
    }

    private static List<ModelUitkomst> Run(Scenario s, Simulatieopties o, Counter counter, CancellationToken ct)
    {
        var cohort = Cohort(s);
        var d = MaxDoorlooptijd(s);
        var horizon = s.Horizon;
        var models = s.Modellen.Count;

        // A "bron" is one way histories are drawn: bron 0 with the scenario's behaviour (every model that assumes no
        // change shares it, so those models settle the very same histories), and one more per model that assumes a
        // change. Each bron draws from the same random stream (seed, iteration), so a change that changes nothing
        // gives the same histories as bron 0.
        var bronVan = new int[models];
        var bronnen = 1;
        for (var m = 0; m < models; m++)
        {
            bronVan[m] = s.Modellen[m].GedragOngewijzigd ? 0 : bronnen++;
        }

        var results = new IteratieUitkomst[s.Iteraties, models];
        var durable = new int[s.Iteraties, bronnen];
        var durablePerProfiel = new int[s.Iteraties, bronnen, 4];
        var accepted = new int[s.Iteraties, bronnen, 4];
        var hours = new decimal[s.Iteraties, bronnen, 4];
        var context = s.Contract.Context;
        var meterContext = SettlementContext.Standaard;
        var eersteJaar = s.Contract.Ingangsdatum.Year;
        var jaren = horizon.Year - eersteJaar + 1;
        var contractjaren = s.Contractjaren;
        var eindeContractjaren = s.Contract.Ingangsdatum.PlusYears(contractjaren);

        // What does not change between iterations is made once: the draw settings, each bron's chances per profiel
        // (Valideer checked that every profiel of the cohort has a behaviour) and, on first use, each client's trajecten.
        var trekking = new Trekking(s, d, horizon);
        var gedrag = new Profielgedrag?[bronnen, 5];
        var acceptatie = new decimal[bronnen, 5];
        foreach (var c in cohort)
        {
            var basis = s.GedragVan(c.Profiel);
            gedrag[0, c.Profiel] ??= new Profielgedrag(basis);
            acceptatie[0, c.Profiel] = 1m;
            for (var m = 0; m < models; m++)
            {
                if (bronVan[m] > 0)
                {
                    var effect = s.Modellen[m].Gedrag!.Van(c.Profiel);
                    gedrag[bronVan[m], c.Profiel] ??= new Profielgedrag(basis.Onder(effect));
                    acceptatie[bronVan[m], c.Profiel] = effect.Acceptatie;
                }
            }
        }

        var clientTrajecten = new ClientTrajecten?[cohort.Length];
        ClientTrajecten TrajectenVan(int c, ClientHistorie h)
        {
            // Traject objects depend only on the client (id, profiel, rung at start), so every iteration shares them;
            // two threads may make them at once, harmlessly.
            return clientTrajecten[c] ??= new ClientTrajecten(
                Traject(c, h, Duurzaamheidsmeter, Duur.Maanden(d)),
                s.Modellen.Select(spec => Traject(c, h, spec.Model, spec.MaximaleDoorlooptijd)).ToArray());
        }

        // A model whose window is that of the model before it (same doorlooptijd and cap, same bron) settles on the same timeline.
        var zelfdeVenster = new bool[models];
        for (var m = 1; m < models; m++)
        {
            zelfdeVenster[m] = bronVan[m] == bronVan[m - 1]
                && s.Modellen[m].MaximaleDoorlooptijd == s.Modellen[m - 1].MaximaleDoorlooptijd
                && s.Modellen[m].Model.MaximaleDoorlooptijd == s.Modellen[m - 1].Model.MaximaleDoorlooptijd;
        }

        var po = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = o.MaximaleParallelliteit ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            s.Iteraties,
            po,
            () => new Werker(bronnen), // each thread settles with its own calculation: only the amounts are needed
            (i, _, werker) =>
            {
                var berekening = werker.Berekening;
                var rngs = new Willekeur[bronnen];
                for (var b = 0; b < bronnen; b++)
                {
                    rngs[b] = new Willekeur(s.Seed, (ulong)i);
                }

                for (var m = 0; m < models; m++)
                {
                    results[i, m] = new IteratieUitkomst(4, jaren);
                }

                var tijdlijnen = new Tijdlijn?[bronnen];
                var isDurable = new bool[bronnen];
                for (var c = 0; c < cohort.Length; c++)
                {
                    ct.ThrowIfCancellationRequested();
                    var client = cohort[c];
                    var p = client.Profiel - 1;
                    ClientTrajecten? trajecten = null;
                    for (var b = 0; b < bronnen; b++)
                    {
                        tijdlijnen[b] = null;
                        isDurable[b] = false;
                        if (acceptatie[b, client.Profiel] < 1m && !rngs[b].Kans(new Kans(acceptatie[b, client.Profiel])))
                        {
                            continue; // the provider does not take this client on under this model
                        }

                        var h = Scenarios.Historie.Trek(ref rngs[b], trekking, gedrag[b, client.Profiel]!, werker.Gebeurtenissen[b], client.MaandVan, client.Maanden);
                        accepted[i, b, p]++;
                        hours[i, b, p] += h.Uren;
                        trajecten ??= TrajectenVan(c, h);

                        // The same engine as SettlementEngine.Settle: one validated timeline, settled under the meter and
                        // then under every model of this bron (only the window differs per model).
                        var tijdlijn = werker.Meter[b] = Tijdlijn.BouwUitEigenLijst(trajecten.Meter, h.Gebeurtenissen, meterContext.Begrippen, werker.Meter[b]);
                        tijdlijnen[b] = tijdlijn;
                        berekening.Bereken(tijdlijn, meterContext.Tarieven);
                        foreach (var k in berekening.Regels)
                        {
                            isDurable[b] |= k.Vervaldatum <= horizon;
                        }

                        if (isDurable[b])
                        {
                            durable[i, b]++;
                            durablePerProfiel[i, b, p]++;
                        }
                    }

                    var vorigeBron = -1;
                    for (var m = 0; m < models; m++)
                    {
                        var b = bronVan[m];
                        if (tijdlijnen[b] is not { } tijdlijn)
                        {
                            vorigeBron = -1;
                            continue;
                        }

                        werker.Model = zelfdeVenster[m] && vorigeBron == b
                            ? werker.Model!.MetZelfdeVenster(trajecten!.Modellen[m])
                            : tijdlijn.VoorTraject(trajecten!.Modellen[m], context.Begrippen, werker.Model);
                        vorigeBron = b;
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

                            if (k.Vervaldatum < eindeContractjaren)
                            {
                                r.Contractjaren += euros;
                            }
                        }

                        r.Totaal += total;
                        r.Opbrengst[p] += total;
                        if (isDurable[b])
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
        var output = new List<ModelUitkomst>(models);
        for (var m = 0; m < models; m++)
        {
            var b = bronVan[m];
            var meanDurable = (decimal)Enumerable.Range(0, n).Sum(i => durable[i, b]) / n;
            var meanTrajecten = (decimal)Enumerable.Range(0, n).Sum(i => accepted[i, b, 0] + accepted[i, b, 1] + accepted[i, b, 2] + accepted[i, b, 3]) / n;
            var totals = Enumerable.Range(0, n).Select(i => results[i, m].Totaal).ToArray();
            var perContractjaar = Enumerable.Range(0, n).Select(i => results[i, m].Contractjaren / contractjaren).ToArray();
            var mean = totals.Sum() / n;
            var perJaar = years.Select(y =>
            {
                var v = Enumerable.Range(0, n).Select(i => results[i, m].PerJaar[y - eersteJaar]).ToArray();
                var over = s.BudgetPerJaar is { } budget ? (decimal)v.Count(x => x > budget.Euros) / n : 0m;
                return new Jaarkosten(y, Bedrag.Afgerond(v.Sum() / n), Bedrag.Afgerond(Percentiel(v, 0.95m)), over, Bedrag.Afgerond(Percentiel(v, 0.05m)));
            }).ToValueList();
            var perProfiel = new List<ProfielUitkomst>();
            var margins = new Dictionary<int, Bedrag>();
            for (var p = 0; p < 4; p++)
            {
                var count = s.AantalVan(p + 1);
                if (count == 0)
                {
                    continue;
                }

                // Per client the provider took on (all referred clients when there is no selection effect).
                var served = Enumerable.Range(0, n).Sum(i => accepted[i, b, p]);
                var revenue = served == 0 ? 0m : Enumerable.Range(0, n).Sum(i => results[i, m].Opbrengst[p]) / served;
                var cost = served == 0 ? 0m : Enumerable.Range(0, n).Sum(i => hours[i, b, p]) * s.KostenPerUur.Euros / served;
                var withDurable = Enumerable.Range(0, n).Sum(i => durablePerProfiel[i, b, p]);
                var withoutDurable = served - withDurable;
                var revWith = withDurable == 0 ? 0m : Enumerable.Range(0, n).Sum(i => results[i, m].OpbrengstMetDuurzaam[p]) / withDurable;
                var revWithout = withoutDurable == 0 ? 0m : Enumerable.Range(0, n).Sum(i => results[i, m].OpbrengstZonderDuurzaam[p]) / withoutDurable;
                var margin = Bedrag.Afgerond(revenue - cost);
                margins[p + 1] = margin;
                perProfiel.Add(new ProfielUitkomst(p + 1, count, Bedrag.Afgerond(revenue), Bedrag.Afgerond(cost), margin, Bedrag.Afgerond(revWith - revWithout)));
            }

            var gap = margins.TryGetValue(1, out var m1) && margins.TryGetValue(4, out var m4) ? m1 - m4 : Bedrag.Nul;
            output.Add(new ModelUitkomst(
                s.Modellen[m].Naam,
                Verdeling(totals),
                totals.ToValueList(),
                meanDurable,
                meanDurable == 0m ? Bedrag.Nul : Bedrag.Afgerond(mean / meanDurable),
                perJaar,
                perProfiel.ToValueList(),
                gap,
                null,
                Verdeling(perContractjaar),
                meanTrajecten,
                s.Modellen[m].GedragOngewijzigd));
        }

        return output;
    }

    private static Kostenverdeling Verdeling(decimal[] values)
        => new(Bedrag.Afgerond(values.Sum() / values.Length), Bedrag.Afgerond(Percentiel(values, 0.05m)), Bedrag.Afgerond(Percentiel(values, 0.50m)), Bedrag.Afgerond(Percentiel(values, 0.95m)));

    /// <summary>Nearest-rank percentile: the smallest value with at least q of the values at or below it.</summary>
    internal static decimal Percentiel(decimal[] values, decimal q)
    {
        var sorted = (decimal[])values.Clone();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Max(0, Math.Min(sorted.Length - 1, rank - 1))];
    }
}
