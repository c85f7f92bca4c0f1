using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using NodaTime;

namespace Bekostiging.Invoicing;

/// <summary>What an invoice run does with trajecten that were invoiced before and are missing from its input.</summary>
public enum OntbrekendeTrajecten
{
    /// <summary>Stop the run and name them (the default): a missing traject is far more often a broken export than an ended traject.</summary>
    Weigeren,

    /// <summary>The caller states that they really ended: everything still invoiced for them is credited.</summary>
    Crediteren,
}

/// <summary>Why an invoice history cannot be right: the invoice (its position in the list), the line where it applies, and the rule.</summary>
/// <param name="Factuurindex">The 0-based position of the invoice in the history.</param>
/// <param name="Regelindex">The 0-based position of the line in that invoice, or <see langword="null"/> when the invoice as a whole is wrong.</param>
/// <param name="Regel">The rule broken, naming the invoice number and line number.</param>
public sealed record Historiebevinding(int Factuurindex, int? Regelindex, string Regel);

/// <summary>
/// The one set of checks on what an invoice run is given: the history (every invoice as an invoice run can have made
/// it), which invoices a history would lose, which invoiced trajecten the input lacks, and whether every state of a
/// traject's events by report date (<c>gemeld</c>) can be settled. <c>Facturatie.Run</c> and
/// <c>Facturatie.Preview</c> call them; the tool's <c>valideer</c> calls the same, so what validates also invoices.
/// </summary>
public static class Historiecontrole
{
    /// <summary>The largest amount (in euros, either sign) the JSON format reads back, so the largest an invoice line may carry.</summary>
    public const decimal GrootsteBedrag = 1_000_000_000_000m;

    /// <summary>Finds the first reason why <paramref name="facturen"/> cannot be the history of an invoice run, if any.</summary>
    /// <param name="contractId">The contract the history must belong to, or <see langword="null"/> for "one contract, whichever".</param>
    /// <param name="facturen">The history.</param>
    /// <returns>The first finding, or <see langword="null"/> when the history is consistent.</returns>
    public static Historiebevinding? Vind(string? contractId, IReadOnlyList<Factuur> facturen)
    {
        Preconditions.NotNull(facturen, nameof(facturen));
        var byNumber = new Dictionary<string, int>(facturen.Count, StringComparer.Ordinal);
        for (var i = 0; i < facturen.Count; i++)
        {
            var f = facturen[i];
            if (f is null)
            {
                return new(i, null, $"invoice {i + 1} of the history is missing (null).");
            }

            if (string.IsNullOrWhiteSpace(f.Nummer))
            {
                return new(i, null, $"invoice {i + 1} of the history (dated {f.Factuurdatum:yyyy-MM-dd}) has an empty invoice number.");
            }

            if (f.IsConcept)
            {
                return new(i, null, $"invoice history holds a concept (dry run) {f.Nummer} dated {f.Factuurdatum:yyyy-MM-dd}; only issued invoices are history.");
            }

            contractId ??= f.ContractId;
            if (!string.Equals(f.ContractId, contractId, StringComparison.Ordinal))
            {
                return new(i, null, $"invoice {f.Nummer} belongs to contract {f.ContractId}, not {contractId}; a history holds the invoices of one contract.");
            }

            if (byNumber.TryGetValue(f.Nummer, out var earlier))
            {
                return new(i, null, $"invoice number {f.Nummer} occurs twice in the history of contract {contractId} (invoices {earlier + 1} and {i + 1}).");
            }

            byNumber.Add(f.Nummer, i);
        }

        for (var i = 0; i < facturen.Count; i++)
        {
            var finding = VindInFactuur(facturen, i, byNumber);
            if (finding is not null)
            {
                return finding;
            }
        }

        return null;
    }

    /// <summary>Refuses a history that cannot be right (see <see cref="Vind"/>).</summary>
    /// <param name="contractId">The contract the history must belong to, or <see langword="null"/>.</param>
    /// <param name="facturen">The history.</param>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeFactuurhistorie"/>, naming the invoice, the line and the rule.</exception>
    public static void Check(string? contractId, IReadOnlyList<Factuur> facturen)
    {
        var bevinding = Vind(contractId, facturen);
        Preconditions.Check(bevinding is null, FoutCode.OngeldigeFactuurhistorie, $"{bevinding?.Regel}");
    }

    /// <summary>
    /// The invoices of <paramref name="opgeslagen"/> (a history already stored, e.g. where the new one will be written)
    /// that <paramref name="gelezen"/> (the history a run was given) lacks or holds with other content. Replacing the
    /// stored history by one built on <paramref name="gelezen"/> would lose them, or reissue their numbers with other lines.
    /// </summary>
    /// <param name="gelezen">The history given to the run.</param>
    /// <param name="opgeslagen">The history stored before.</param>
    /// <returns>The invoices that would be lost or changed, in the order of <paramref name="opgeslagen"/>; empty when none.</returns>
    public static IReadOnlyList<Factuur> Verloren(IReadOnlyList<Factuur> gelezen, IReadOnlyList<Factuur> opgeslagen)
    {
        Preconditions.NotNull(gelezen, nameof(gelezen));
        Preconditions.NotNull(opgeslagen, nameof(opgeslagen));
        var byNumber = new Dictionary<string, Factuur>(gelezen.Count, StringComparer.Ordinal);
        foreach (var f in gelezen)
        {
            byNumber[f.Nummer] = f;
        }

        return opgeslagen.Where(f => !byNumber.TryGetValue(f.Nummer, out var g) || !g.Equals(f)).ToList();
    }

    /// <summary>
    /// The trajecten that have a net invoiced amount in <paramref name="facturen"/> but are not among
    /// <paramref name="trajectIds"/>: a run without them would credit all of it. A traject credited to zero is not
    /// listed (leaving it out changes nothing).
    /// </summary>
    /// <param name="facturen">The history.</param>
    /// <param name="trajectIds">The trajecten given to the run.</param>
    /// <returns>The missing traject ids in ordinal order; empty when none.</returns>
    public static IReadOnlyList<string> Ontbrekend(IReadOnlyList<Factuur> facturen, IEnumerable<string> trajectIds)
    {
        Preconditions.NotNull(facturen, nameof(facturen));
        Preconditions.NotNull(trajectIds, nameof(trajectIds));
        var given = new HashSet<string>(trajectIds, StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kv in Facturatie.Gefactureerd(facturen))
        {
            if (kv.Key.TrajectId is { } id && !kv.Value.IsNul && !given.Contains(id))
            {
                missing.Add(id);
            }
        }

        return missing.ToList();
    }

    /// <summary>
    /// Settles the traject once for every report date (<c>gemeld</c>) of its events, with the events reported by then,
    /// as an invoice run on that date sees them: an Intrekking reported before the event it withdraws, or a
    /// PlaatsingEinde before its Plaatsing, breaks the run of that date even when the complete stream is valid.
    /// </summary>
    /// <param name="contract">The contract.</param>
    /// <param name="traject">The traject and all its events.</param>
    /// <exception cref="BekostigingException">The first state that cannot be settled, naming the traject, the event, the rule and the report date.</exception>
    public static void CheckMeldingen(Raamovereenkomst contract, TrajectMetGebeurtenissen traject)
    {
        Preconditions.NotNull(contract, nameof(contract));
        Preconditions.NotNull(traject, nameof(traject));
        var events = traject.Gebeurtenissen;
        var dates = events.Select(e => e.GemeldOp).Distinct().OrderBy(d => d).ToList();
        foreach (var d in dates)
        {
            var known = events.Where(e => e.GemeldOp <= d).ToList();
            if (known.Count == events.Count)
            {
                break; // the complete stream: the caller's own check of all events covers it
            }

            try
            {
                contract.Settle(traject.Traject, known, d);
            }
            catch (BekostigingException e)
            {
                throw new BekostigingException(e.Code, $"{e.Regel} (with the events reported by {d:yyyy-MM-dd}, as an invoice run on that date sees them)", e.TrajectId ?? traject.Traject.Id, e.GebeurtenisId);
            }
        }
    }

    /// <summary>Refuses an amount outside what the JSON format reads back.</summary>
    internal static void CheckBereik(Bedrag bedrag, Func<string> wat)
    {
        Preconditions.Check(
            bedrag.Euros <= GrootsteBedrag && bedrag.Euros >= -GrootsteBedrag,
            FoutCode.BedragBuitenBereik,
            $"{wat()} would be {bedrag.Euros.ToString("0.00", CultureInfo.InvariantCulture)} euros; the largest amount an invoice can carry and be read back is ±{GrootsteBedrag.ToString("#,0.00", CultureInfo.InvariantCulture)}.");
    }

    private static Historiebevinding? VindInFactuur(IReadOnlyList<Factuur> facturen, int i, Dictionary<string, int> byNumber)
    {
        var f = facturen[i];
        if (f.Btw is null || f.Btw.Percentage is < 0m or > 100m)
        {
            return new(i, null, $"invoice {f.Nummer}: a VAT percentage lies in [0, 100].");
        }

        if (BtwTekstKlopt(f.Btw) is { } wrongText)
        {
            return new(i, null, $"invoice {f.Nummer}: {wrongText}");
        }

        var regels = f.Regels;
        for (var j = 0; j < regels.Count; j++)
        {
            var r = regels[j];
            var line = $"invoice {f.Nummer}, line {j + 1}";
            if (r is null)
            {
                return new(i, j, $"{line} is missing (null).");
            }

            if (r.Regelnummer != j + 1)
            {
                return new(i, j, $"{line} is numbered {r.Regelnummer}; the lines of an invoice are numbered 1, 2, 3, … in order (repeated or skipped numbers cannot be referred to).");
            }

            if (string.IsNullOrWhiteSpace(r.Sleutel))
            {
                return new(i, j, $"{line} has an empty line key.");
            }

            if (r.TrajectId is not null && string.IsNullOrWhiteSpace(r.TrajectId))
            {
                return new(i, j, $"{line} has an empty traject id.");
            }

            if (r.Bedrag.Euros > GrootsteBedrag || r.Bedrag.Euros < -GrootsteBedrag)
            {
                return new(i, j, $"{line}: the amount {r.Bedrag} lies outside ±{GrootsteBedrag.ToString("#,0.00", CultureInfo.InvariantCulture)}.");
            }

            if (r.Soort == Regelsoort.Debet ? r.Bedrag <= Bedrag.Nul : r.Bedrag >= Bedrag.Nul)
            {
                return new(i, j, r.Soort == Regelsoort.Debet
                    ? $"{line} is a debit of {r.Bedrag}; a debit line charges a positive amount."
                    : $"{line} is a credit of {r.Bedrag}; a credit line carries a negative amount.");
            }

            var vat = f.Btw.Over(r.Bedrag);
            if (r.Btw != vat)
            {
                return new(i, j, $"{line}: VAT {r.Btw} does not match {f.Btw.Percentage.ToString("0.##", CultureInfo.InvariantCulture)} % of {r.Bedrag} (that is {vat}).");
            }

            if (r.Corrigeert is { } c)
            {
                if (r.Soort == Regelsoort.Debet)
                {
                    return new(i, j, $"{line} is a debit that says it corrects {c.Factuurnummer} line {c.Regelnummer}; only a credit corrects a line.");
                }

                if (!byNumber.TryGetValue(c.Factuurnummer, out var k) || k == i)
                {
                    return new(i, j, $"{line} corrects invoice {c.Factuurnummer}, which is not an earlier invoice in the history.");
                }

                var target = facturen[k];
                if (target.Factuurdatum > f.Factuurdatum)
                {
                    return new(i, j, $"{line} corrects invoice {c.Factuurnummer} dated {target.Factuurdatum:yyyy-MM-dd}, after this invoice's date {f.Factuurdatum:yyyy-MM-dd}.");
                }

                if (c.Regelnummer < 1 || c.Regelnummer > target.Regels.Count)
                {
                    return new(i, j, $"{line} corrects line {c.Regelnummer} of invoice {c.Factuurnummer}, which has {target.Regels.Count} lines.");
                }

                var corrected = target.Regels[c.Regelnummer - 1];
                if (corrected is null || corrected.Soort != Regelsoort.Debet || !string.Equals(corrected.TrajectId, r.TrajectId, StringComparison.Ordinal) || !string.Equals(corrected.Sleutel, r.Sleutel, StringComparison.Ordinal))
                {
                    return new(i, j, $"{line} (traject {r.TrajectId ?? "-"}, {r.Sleutel}) corrects line {c.Regelnummer} of invoice {c.Factuurnummer}, which is not a debit of the same traject and key.");
                }
            }
        }

        for (var j = 0; j < f.Ingehouden.Count; j++)
        {
            var h = f.Ingehouden[j];
            if (h is null || h.Bedrag <= Bedrag.Nul || h.Bedrag.Euros > GrootsteBedrag || string.IsNullOrWhiteSpace(h.TrajectId))
            {
                return new(i, null, $"invoice {f.Nummer}, held-back amount {j + 1}: a held-back amount is positive, at most {GrootsteBedrag.ToString("#,0.00", CultureInfo.InvariantCulture)}, and names its traject.");
            }
        }

        return null;
    }

    /// <summary>Whether the VAT's name agrees with its percentage ("vrijgesteld" is 0 %; "21 %" is 21 %); the reason when not.</summary>
    private static string? BtwTekstKlopt(Btw btw)
    {
        var text = (btw.Omschrijving ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return "the VAT has no name (e.g. \"vrijgesteld\" or \"21 %\").";
        }

        if (string.Equals(text, "vrijgesteld", StringComparison.OrdinalIgnoreCase))
        {
            return btw.Percentage == 0m ? null : $"VAT named \"{text}\" (exempt) with a percentage of {btw.Percentage.ToString("0.##", CultureInfo.InvariantCulture)}.";
        }

        if (text.EndsWith("%", StringComparison.Ordinal)
            && decimal.TryParse(text.TrimEnd('%').Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var named)
            && named != btw.Percentage)
        {
            return $"VAT named \"{text}\" with a percentage of {btw.Percentage.ToString("0.##", CultureInfo.InvariantCulture)}.";
        }

        return null;
    }
}
