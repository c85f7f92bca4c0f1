using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Contracts;

/// <summary>A traject with its events, as input to a contract-level settlement.</summary>
/// <param name="Traject">The traject.</param>
/// <param name="Gebeurtenissen">Its events.</param>
public sealed record TrajectMetGebeurtenissen(Traject Traject, IReadOnlyList<Gebeurtenis> Gebeurtenissen);

/// <summary>How a due line fits under the plafond of its calendar year.</summary>
/// <param name="TrajectId">The traject.</param>
/// <param name="Sleutel">The line key.</param>
/// <param name="Kalenderjaar">The calendar year of the due date.</param>
/// <param name="BinnenPlafond">The part within the plafond (invoiceable).</param>
/// <param name="BovenPlafond">The part above it ("boven plafond": reported, not invoiced).</param>
public sealed record PlafondToedeling(string TrajectId, string Sleutel, int Kalenderjaar, Bedrag BinnenPlafond, Bedrag BovenPlafond);

/// <summary>A line of the contract itself (not of one traject): the instroomgarantie compensation.</summary>
/// <param name="Sleutel">The stable key, <c>instroomgarantie/k</c>.</param>
/// <param name="Contractjaar">The contract year concerned.</param>
/// <param name="Vervaldatum">The first day after that contract year.</param>
/// <param name="Grondslag">Missing aanmeldingen × compensation.</param>
/// <param name="Bedrag">The amount.</param>
/// <param name="Omschrijving">In words.</param>
public sealed record Contractregel(string Sleutel, int Contractjaar, LocalDate Vervaldatum, Grondslag Grondslag, Bedrag Bedrag, string Omschrijving);

/// <summary>A total per group (contract year, calendar year, product or profiel).</summary>
/// <param name="Groep">The group, e.g. "2026", "jaar 1", "re-integratie", "profiel 2".</param>
/// <param name="Verschuldigd">Due in that group.</param>
/// <param name="BovenPlafond">Of which above the plafond.</param>
/// <param name="Verwacht">Pending in that group.</param>
public sealed record Totaal(string Groep, Bedrag Verschuldigd, Bedrag BovenPlafond, Bedrag Verwacht);

/// <summary>
/// All trajecten of a contract settled on one peildatum (domain.md §4, §12): the settlement per traject, how due
/// amounts fit under each calendar year's plafond (filled in order of due date, traject id, line key; a line
/// crossing it is split), the instroomgarantie compensation, and totals per contract year, calendar year, product
/// and profiel.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="Peildatum">The peildatum.</param>
/// <param name="Trajecten">The settlement per traject, in traject id order.</param>
/// <param name="Plafond">The plafond allocation of every due line (empty when the contract has no plafond).</param>
/// <param name="Contractregels">Contract-level lines due or pending (instroomgarantie).</param>
public sealed record ContractAfrekening(
    string ContractId,
    LocalDate Peildatum,
    ValueList<Afrekening> Trajecten,
    ValueList<PlafondToedeling> Plafond,
    ValueList<Contractregel> Contractregels)
{
    /// <summary>Due on the trajecten, plafond regardless.</summary>
    public Bedrag TotaalVerschuldigd => Trajecten.Aggregate(Bedrag.Nul, (s, a) => s + a.TotaalVerschuldigd);

    /// <summary>Of the due amount, what lies above the plafond.</summary>
    public Bedrag TotaalBovenPlafond => Plafond.Aggregate(Bedrag.Nul, (s, p) => s + p.BovenPlafond);

    /// <summary>Due on the contract itself: the instroomgarantie lines (<see cref="Contractregels"/>), outside the plafond.</summary>
    public Bedrag TotaalContractregels => Contractregels.Aggregate(Bedrag.Nul, (s, c) => s + c.Bedrag);

    /// <summary>
    /// What the invoices add up to on this peildatum: due on the trajecten, less what lies above the plafond, plus the
    /// contract lines. An invoice run on the same date with the same events brings the invoiced total to this amount.
    /// </summary>
    public Bedrag TotaalTeFactureren => TotaalVerschuldigd - TotaalBovenPlafond + TotaalContractregels;

    /// <summary>Pending on the trajecten.</summary>
    public Bedrag TotaalVerwacht => Trajecten.Aggregate(Bedrag.Nul, (s, a) => s + a.TotaalVerwacht);

    /// <summary>Totals per contract year of the due date.</summary>
    public ValueList<Totaal> PerContractjaar { get; init; } = ValueList<Totaal>.Empty;

    /// <summary>Totals per calendar year of the due date.</summary>
    public ValueList<Totaal> PerKalenderjaar { get; init; } = ValueList<Totaal>.Empty;

    /// <summary>Totals per product.</summary>
    public ValueList<Totaal> PerProduct { get; init; } = ValueList<Totaal>.Empty;

    /// <summary>Totals per cliëntprofiel.</summary>
    public ValueList<Totaal> PerProfiel { get; init; } = ValueList<Totaal>.Empty;

    /// <summary>The part of a due line above the plafond (zero when none).</summary>
    /// <param name="trajectId">The traject.</param>
    /// <param name="sleutel">The line key.</param>
    /// <returns>The amount above the plafond.</returns>
    public Bedrag BovenPlafondVan(string trajectId, string sleutel)
    {
        foreach (var p in Plafond)
        {
            if (p.TrajectId == trajectId && p.Sleutel == sleutel)
            {
                return p.BovenPlafond;
            }
        }

        return Bedrag.Nul;
    }
}

/// <summary>Contract-level settlement.</summary>
public static class ContractSettlement
{
    /// <summary>
    /// Settles every traject of <paramref name="contract"/> on <paramref name="peildatum"/> and applies the plafond
    /// and the instroomgarantie.
    /// </summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with their events.</param>
    /// <param name="peildatum">The peildatum.</param>
    /// <returns>The contract settlement.</returns>
    /// <exception cref="BekostigingException">For a traject outside the contract, or malformed events (naming the traject).</exception>
    public static ContractAfrekening Settle(this Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, LocalDate peildatum)
        => Settle(contract, trajecten, peildatum, CancellationToken.None);

    /// <summary>
    /// Settles every traject of <paramref name="contract"/> on <paramref name="peildatum"/> and applies the plafond
    /// and the instroomgarantie; <paramref name="annulering"/> is looked at before each traject.
    /// </summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with their events.</param>
    /// <param name="peildatum">The peildatum.</param>
    /// <param name="annulering">Cancels the settlement.</param>
    /// <returns>The contract settlement.</returns>
    /// <exception cref="BekostigingException">For a traject outside the contract, or malformed events (naming the traject).</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static ContractAfrekening Settle(this Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, LocalDate peildatum, CancellationToken annulering)
    {
        Preconditions.NotNull(contract, nameof(contract));
        Preconditions.NotNull(trajecten, nameof(trajecten));
        var settled = new List<(Traject Traject, Afrekening Afrekening, Tijdlijn Tijdlijn)>();
        var ids = new TrajectIds(contract.Id);
        var context = contract.Context; // one tariff memo for every traject of the contract
        foreach (var t in trajecten)
        {
            annulering.ThrowIfCancellationRequested();
            ids.Voeg(t.Traject.Id);

            (Afrekening, Tijdlijn) r;
            try
            {
                r = contract.SettleMetTijdlijn(t.Traject, t.Gebeurtenissen, peildatum, context, metKernen: true);
            }
            catch (BekostigingException e) when (e.Code == FoutCode.OngeldigBedrag)
            {
                // An amount the terms make beyond what money can be here: named with its contract and traject.
                throw new BekostigingException(FoutCode.BedragBuitenBereik, $"contract {contract.Id}: {e.Regel}", t.Traject.Id, e.GebeurtenisId);
            }

            settled.Add((t.Traject, r.Item1, r.Item2));
        }

        settled.Sort((x, y) => string.CompareOrdinal(x.Traject.Id, y.Traject.Id));

        // The plafond and the totals need only each line's key, amount and due date; the lines' texts are built only
        // for a settlement someone reads.
        var kernen = new (Regelkern[] Verschuldigd, Regelkern[] Verwacht)[settled.Count];
        for (var i = 0; i < settled.Count; i++)
        {
            kernen[i] = (Regelkern.Van(settled[i].Afrekening.Verschuldigd), Regelkern.Van(settled[i].Afrekening.Verwacht));
        }

        var plafond = Plafond(contract, settled, kernen);
        var regels = Instroomgarantie(contract, settled.Select(s => s.Tijdlijn), peildatum);
        var totalen = new Totalen(contract, settled.ConvertAll(s => s.Traject), kernen, plafond);

        var afrekeningen = new Afrekening[settled.Count];
        for (var i = 0; i < settled.Count; i++)
        {
            afrekeningen[i] = settled[i].Afrekening;
        }

        return new ContractAfrekening(
            contract.Id,
            peildatum,
            ValueList<Afrekening>.Own(afrekeningen),
            plafond.ToValueList(),
            regels.ToValueList())
        {
            PerContractjaar = ValueList<Totaal>.Uitgesteld(totalen, Totalen.PerContractjaar),
            PerKalenderjaar = ValueList<Totaal>.Uitgesteld(totalen, Totalen.PerKalenderjaar),
            PerProduct = ValueList<Totaal>.Uitgesteld(totalen, Totalen.PerProduct),
            PerProfiel = ValueList<Totaal>.Uitgesteld(totalen, Totalen.PerProfiel),
        };
    }

    /// <summary>
    /// Allocates the plafond per calendar year to the due lines in order of due date, traject id and key (first come,
    /// first served; a line that does not fit wholly is split).
    /// </summary>
    private static List<PlafondToedeling> Plafond(Raamovereenkomst contract, List<(Traject Traject, Afrekening Afrekening, Tijdlijn Tijdlijn)> settled, (Regelkern[] Verschuldigd, Regelkern[] Verwacht)[] kernen)
    {
        var result = new List<PlafondToedeling>();
        if (contract.Plafond is not { } plafond)
        {
            return result;
        }

        var aantal = 0;
        foreach (var k in kernen)
        {
            aantal += k.Verschuldigd.Length;
        }

        // The trajecten are sorted by id (ordinal) and every id occurs once, so a traject's position orders as its id.
        var due = new List<(int Volgorde, int Traject, Regelkern Regel)>(aantal);
        for (var i = 0; i < settled.Count; i++)
        {
            foreach (var k in kernen[i].Verschuldigd)
            {
                due.Add((due.Count, i, k));
            }
        }

        // Due date, traject id, key; the position in the input keeps the order of lines that tie (a stable sort).
        due.Sort(static (x, y) =>
        {
            var c = x.Regel.Vervaldatum.CompareTo(y.Regel.Vervaldatum);
            if (c == 0)
            {
                c = x.Traject.CompareTo(y.Traject);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.Regel.Sleutel, y.Regel.Sleutel);
            }

            return c != 0 ? c : x.Volgorde.CompareTo(y.Volgorde);
        });

        result.Capacity = due.Count;
        var used = new Dictionary<int, Bedrag>();
        foreach (var (_, traject, line) in due)
        {
            var trajectId = settled[traject].Traject.Id;
            var year = line.Vervaldatum.Year;
            used.TryGetValue(year, out var sum);
            var room = Bedrag.Max(Bedrag.Nul, plafond - sum);
            var within = Bedrag.Min(room, line.Bedrag);
            used[year] = sum + within;
            result.Add(new PlafondToedeling(trajectId, line.Sleutel, year, within, line.Bedrag - within));
        }

        return result;
    }

    /// <summary>
    /// The totals per contract year, calendar year, product and profiel, computed together on first read (an invoice
    /// run never reads them). Groups are ordered by name (ordinal).
    /// </summary>
    private sealed class Totalen : IUitgesteldeLijsten
    {
        public const int PerContractjaar = 0;
        public const int PerKalenderjaar = 1;
        public const int PerProduct = 2;
        public const int PerProfiel = 3;

        private Raamovereenkomst? _contract;
        private List<Traject>? _trajecten;
        private (Regelkern[] Verschuldigd, Regelkern[] Verwacht)[]? _kernen;
        private List<PlafondToedeling>? _plafond;
        private Totaal[][]? _lijsten;

        public Totalen(Raamovereenkomst contract, List<Traject> trajecten, (Regelkern[] Verschuldigd, Regelkern[] Verwacht)[] kernen, List<PlafondToedeling> plafond)
        {
            _contract = contract;
            _trajecten = trajecten;
            _kernen = kernen;
            _plafond = plafond;
        }

        public T[] Lijst<T>(int welke)
        {
            lock (this)
            {
                if (_lijsten is null)
                {
                    _lijsten = Bereken();
                    _contract = null; // the totals are known: let the inputs go
                    _trajecten = null;
                    _kernen = null;
                    _plafond = null;
                }

                return (T[])(object)_lijsten[welke];
            }
        }

        private Totaal[][] Bereken()
        {
            var contract = _contract!;
            var boven = new Dictionary<(string, string), Bedrag>(_plafond!.Count);
            foreach (var p in _plafond)
            {
                boven.Add((p.TrajectId, p.Sleutel), p.BovenPlafond);
            }

            var groepen = new Dictionary<string, (Bedrag Verschuldigd, Bedrag Boven, Bedrag Verwacht)>[4];
            for (var g = 0; g < groepen.Length; g++)
            {
                groepen[g] = new Dictionary<string, (Bedrag, Bedrag, Bedrag)>(StringComparer.Ordinal);
            }

            // Group names are made once per value (a year, a profiel) rather than once per line.
            var namen = new Dictionary<(int Soort, int Waarde), string>();
            string Naam(int soort, int waarde, string voorvoegsel)
            {
                if (!namen.TryGetValue((soort, waarde), out var naam))
                {
                    namen[(soort, waarde)] = naam = voorvoegsel + waarde.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return naam;
            }

            void Tel(string groep, int g, Bedrag verschuldigd, Bedrag bovenPlafond, Bedrag verwacht)
            {
                groepen[g].TryGetValue(groep, out var t);
                groepen[g][groep] = (t.Verschuldigd + verschuldigd, t.Boven + bovenPlafond, t.Verwacht + verwacht);
            }

            void Regel(Traject traject, Regelkern k, bool isDue)
            {
                var b = isDue && boven.TryGetValue((traject.Id, k.Sleutel), out var x) ? x : Bedrag.Nul;
                var verschuldigd = isDue ? k.Bedrag : Bedrag.Nul;
                var verwacht = isDue ? Bedrag.Nul : k.Bedrag;
                Tel(Naam(0, contract.Contractjaar(k.Vervaldatum), "jaar "), PerContractjaar, verschuldigd, b, verwacht);
                Tel(Naam(1, k.Vervaldatum.Year, string.Empty), PerKalenderjaar, verschuldigd, b, verwacht);
                Tel(traject.Product, PerProduct, verschuldigd, b, verwacht);
                Tel(Naam(3, traject.Profiel, "profiel "), PerProfiel, verschuldigd, b, verwacht);
            }

            for (var i = 0; i < _trajecten!.Count; i++)
            {
                foreach (var k in _kernen![i].Verschuldigd)
                {
                    Regel(_trajecten[i], k, isDue: true);
                }

                foreach (var k in _kernen[i].Verwacht)
                {
                    Regel(_trajecten[i], k, isDue: false);
                }
            }

            var result = new Totaal[4][];
            for (var g = 0; g < groepen.Length; g++)
            {
                var namenVanGroep = new List<string>(groepen[g].Keys);
                namenVanGroep.Sort(StringComparer.Ordinal);
                result[g] = namenVanGroep.ConvertAll(n => new Totaal(n, groepen[g][n].Verschuldigd, groepen[g][n].Boven, groepen[g][n].Verwacht)).ToArray();
            }

            return result;
        }
    }

    private static List<Contractregel> Instroomgarantie(Raamovereenkomst contract, IEnumerable<Tijdlijn> tijdlijnen, LocalDate peildatum)
    {
        var result = new List<Contractregel>();
        if (contract.Instroomgarantie is not { } g)
        {
            return result;
        }

        var aanmeldingen = tijdlijnen.Where(t => t.Aanmelding is not null).Select(t => t.Aanmelding!.Datum).ToList();
        var end = contract.Einddatum;
        for (var k = 1; Kalender.BeginContractjaar(contract.Ingangsdatum, k) <= end; k++)
        {
            var yearEnd = Kalender.EindeContractjaar(contract.Ingangsdatum, k);
            var due = yearEnd.PlusDays(1);
            if (due > peildatum)
            {
                break; // the shortfall of a year is known, and due, only after it
            }

            var begin = Kalender.BeginContractjaar(contract.Ingangsdatum, k);
            var count = aanmeldingen.Count(d => d >= begin && d <= yearEnd);
            var missing = g.AanmeldingenPerContractjaar - count;
            if (missing <= 0)
            {
                continue;
            }

            var tarief = contract.Tarief(g.VergoedingPerOntbrekende, begin);
            var product = missing * tarief.Euros; // at most 2^31 × 10^12 (about 2.1e21), far inside decimal's range
            if (product > Invoicing.Historiecontrole.GrootsteBedrag)
            {
                throw new BekostigingException(FoutCode.BedragBuitenBereik,
                    $"instroomgarantie of contract {contract.Id}, contract year {k}: {missing} ontbrekende aanmeldingen × {tarief} = {product.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)} euros, more than the largest amount an invoice can carry and be read back (1,000,000,000,000.00).");
            }

            result.Add(new Contractregel(
                "instroomgarantie/" + k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                k,
                due,
                new Grondslag(missing, tarief, $"{missing} ontbrekende aanmeldingen × {tarief}"),
                tarief * missing,
                $"instroomgarantie contract year {k}: {count} of {g.AanmeldingenPerContractjaar} guaranteed aanmeldingen"));
        }

        return result;
    }
}
