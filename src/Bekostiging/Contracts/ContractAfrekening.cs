using System;
using System.Collections.Generic;
using System.Linq;
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
    {
        Preconditions.NotNull(contract, nameof(contract));
        Preconditions.NotNull(trajecten, nameof(trajecten));
        var settled = new List<(Traject Traject, Afrekening Afrekening, Tijdlijn Tijdlijn)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in trajecten)
        {
            if (!ids.Add(t.Traject.Id))
            {
                throw new BekostigingException(FoutCode.OngeldigeParameter, $"traject {t.Traject.Id} is given twice in contract {contract.Id}.", t.Traject.Id);
            }

            var (a, tl) = contract.SettleMetTijdlijn(t.Traject, t.Gebeurtenissen, peildatum);
            settled.Add((t.Traject, a, tl));
        }

        settled.Sort((x, y) => string.CompareOrdinal(x.Traject.Id, y.Traject.Id));

        var plafond = Plafond(contract, settled.Select(s => s.Afrekening));
        var regels = Instroomgarantie(contract, settled.Select(s => s.Tijdlijn), peildatum);

        var boven = plafond.ToDictionary(p => (p.TrajectId, p.Sleutel), p => p.BovenPlafond);
        var lines = settled.SelectMany(s => s.Afrekening.Verschuldigd.Select(l => (s.Traject, Line: l, Due: true))
            .Concat(s.Afrekening.Verwacht.Select(l => (s.Traject, Line: l, Due: false)))).ToList();

        ValueList<Totaal> Group(Func<(Traject Traject, Afrekeningsregel Line, bool Due), string> key) => lines
            .GroupBy(key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Totaal(
                g.Key,
                g.Where(x => x.Due).Aggregate(Bedrag.Nul, (s, x) => s + x.Line.Bedrag),
                g.Where(x => x.Due).Aggregate(Bedrag.Nul, (s, x) => s + (boven.TryGetValue((x.Traject.Id, x.Line.Sleutel), out var b) ? b : Bedrag.Nul)),
                g.Where(x => !x.Due).Aggregate(Bedrag.Nul, (s, x) => s + x.Line.Bedrag)))
            .ToValueList();

        return new ContractAfrekening(
            contract.Id,
            peildatum,
            settled.Select(s => s.Afrekening).ToValueList(),
            plafond.ToValueList(),
            regels.ToValueList())
        {
            PerContractjaar = Group(x => "jaar " + contract.Contractjaar(x.Line.Vervaldatum).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PerKalenderjaar = Group(x => x.Line.Vervaldatum.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PerProduct = Group(x => x.Traject.Product),
            PerProfiel = Group(x => "profiel " + x.Traject.Profiel.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private static List<PlafondToedeling> Plafond(Raamovereenkomst contract, IEnumerable<Afrekening> afrekeningen)
    {
        var result = new List<PlafondToedeling>();
        if (contract.Plafond is not { } plafond)
        {
            return result;
        }

        var due = afrekeningen
            .SelectMany(a => a.Verschuldigd.Select(l => (a.TrajectId, Line: l)))
            .OrderBy(x => x.Line.Vervaldatum)
            .ThenBy(x => x.TrajectId, StringComparer.Ordinal)
            .ThenBy(x => x.Line.Sleutel, StringComparer.Ordinal);
        var used = new Dictionary<int, Bedrag>();
        foreach (var (trajectId, line) in due)
        {
            var year = line.Vervaldatum.Year;
            used.TryGetValue(year, out var sum);
            var room = Bedrag.Max(Bedrag.Nul, plafond - sum);
            var within = Bedrag.Min(room, line.Bedrag);
            used[year] = sum + within;
            result.Add(new PlafondToedeling(trajectId, line.Sleutel, year, within, line.Bedrag - within));
        }

        return result;
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
