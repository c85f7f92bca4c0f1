using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Contracts;
using NodaTime;

namespace Bekostiging.Invoicing;

/// <summary>What was invoiced for one traject in a period.</summary>
/// <param name="TrajectId">The traject.</param>
/// <param name="Gefactureerd">Debit lines.</param>
/// <param name="Gecrediteerd">Credit lines (negative or zero).</param>
public sealed record TrajectKosten(string TrajectId, Bedrag Gefactureerd, Bedrag Gecrediteerd)
{
    /// <summary>Net cost in the period.</summary>
    public Bedrag Netto => Gefactureerd + Gecrediteerd;
}

/// <summary>The quarterly cost overview of one client (seed 004, prestatie-indicator 10).</summary>
/// <param name="ClientId">The pseudonymous client.</param>
/// <param name="ContactpersoonGemeente">The municipality's contact person, if known.</param>
/// <param name="Trajecten">Cost per traject.</param>
public sealed record ClientKwartaal(string ClientId, string? ContactpersoonGemeente, ValueList<TrajectKosten> Trajecten)
{
    /// <summary>Cost per traject.</summary>
    public ValueList<TrajectKosten> Trajecten { get; init => field = Preconditions.ZonderNull(value, nameof(Trajecten)); } = Preconditions.ZonderNull(Trajecten, nameof(Trajecten));

    /// <summary>Net cost of the client in the quarter.</summary>
    public Bedrag Totaal => Trajecten.Aggregate(Bedrag.Nul, (s, t) => s + t.Netto);
}

/// <summary>
/// A quarterly statement: per client (and contactpersoon gemeente), what was invoiced for each traject by the runs
/// dated in the quarter (domain.md §9, §12), with totals.
/// </summary>
/// <param name="ContractId">The contract.</param>
/// <param name="Jaar">The calendar year.</param>
/// <param name="Kwartaal">The quarter, 1–4.</param>
/// <param name="Clienten">Per client, in client id order.</param>
/// <param name="Contractregels">Net invoiced on contract lines (instroomgarantie) in the quarter.</param>
public sealed record Kwartaaloverzicht(string ContractId, int Jaar, int Kwartaal, ValueList<ClientKwartaal> Clienten, Bedrag Contractregels)
{
    /// <summary>Net total of the quarter (clients and contract lines).</summary>
    public Bedrag Totaal => Clienten.Aggregate(Bedrag.Nul, (s, c) => s + c.Totaal) + Contractregels;

    /// <summary>Builds the statement of a quarter from the invoices of a contract.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="jaar">The calendar year.</param>
    /// <param name="kwartaal">The quarter, 1–4.</param>
    /// <param name="facturen">The contract's invoices (concepts are ignored).</param>
    /// <returns>The statement.</returns>
    public static Kwartaaloverzicht Maak(string contractId, int jaar, int kwartaal, IEnumerable<Factuur> facturen)
    {
        var periode = Kalender.KwartaalPeriode(jaar, kwartaal);
        var lines = facturen.Where(f => !f.IsConcept && f.ContractId == contractId && periode.Contains(f.Factuurdatum)).SelectMany(f => f.Regels).ToList();
        var clients = lines.Where(l => l.TrajectId is not null)
            .GroupBy(l => l.ClientId ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ClientKwartaal(
                g.Key,
                g.Select(l => l.ContactpersoonGemeente).FirstOrDefault(c => c is not null),
                g.GroupBy(l => l.TrajectId!, StringComparer.Ordinal)
                    .OrderBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new TrajectKosten(
                        t.Key,
                        t.Where(l => l.Soort == Regelsoort.Debet).Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag),
                        t.Where(l => l.Soort == Regelsoort.Credit).Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag)))
                    .ToValueList()))
            .ToValueList();
        var contractLines = lines.Where(l => l.TrajectId is null).Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag);
        return new Kwartaaloverzicht(contractId, jaar, kwartaal, clients, contractLines);
    }
}

/// <summary>A contract summary over a period: invoiced, credited, held back above the plafond, and pending.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="Periode">The period.</param>
/// <param name="Gefactureerd">Debit lines of runs dated in the period.</param>
/// <param name="Gecrediteerd">Credit lines of runs dated in the period (negative or zero).</param>
/// <param name="BovenPlafond">Held back above the plafond at the period's end.</param>
/// <param name="Verwacht">Pending at the period's end.</param>
public sealed record Contractoverzicht(string ContractId, DateInterval Periode, Bedrag Gefactureerd, Bedrag Gecrediteerd, Bedrag BovenPlafond, Bedrag Verwacht)
{
    /// <summary>Net invoiced in the period.</summary>
    public Bedrag Netto => Gefactureerd + Gecrediteerd;

    /// <summary>Builds the summary from the invoices and the contract settlement at the period's end.</summary>
    /// <param name="periode">The period.</param>
    /// <param name="facturen">The contract's invoices.</param>
    /// <param name="afrekeningOpEinde">The contract settlement on the period's last day.</param>
    /// <returns>The summary.</returns>
    public static Contractoverzicht Maak(DateInterval periode, IEnumerable<Factuur> facturen, ContractAfrekening afrekeningOpEinde)
    {
        Preconditions.NotNull(periode, nameof(periode));
        Preconditions.NotNull(afrekeningOpEinde, nameof(afrekeningOpEinde));
        var lines = facturen.Where(f => !f.IsConcept && f.ContractId == afrekeningOpEinde.ContractId && periode.Contains(f.Factuurdatum)).SelectMany(f => f.Regels).ToList();
        return new Contractoverzicht(
            afrekeningOpEinde.ContractId,
            periode,
            lines.Where(l => l.Soort == Regelsoort.Debet).Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag),
            lines.Where(l => l.Soort == Regelsoort.Credit).Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag),
            afrekeningOpEinde.TotaalBovenPlafond,
            afrekeningOpEinde.TotaalVerwacht);
    }
}
