using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Settlement;
using NodaTime;

namespace Bekostiging.Invoicing;

/// <summary>The settings of an invoice run.</summary>
/// <param name="Btw">The VAT rule (no default: exempt or 21 % is the caller's decision).</param>
/// <param name="Nummering">Gives the number of the n-th invoice of the contract (n = earlier invoices + 1), e.g. <c>n =&gt; $"F-2026-{n:0000}"</c>.</param>
public sealed record Factuurinstellingen(Btw Btw, Func<int, string> Nummering)
{
    /// <summary>
    /// What the run does with trajecten invoiced before that are missing from its input: by default it stops and
    /// names them (<see cref="OntbrekendeTrajecten.Weigeren"/>); <see cref="OntbrekendeTrajecten.Crediteren"/> states
    /// that they really ended, and credits them.
    /// </summary>
    public OntbrekendeTrajecten OntbrekendeTrajecten { get; init; } = OntbrekendeTrajecten.Weigeren;

    /// <summary>A numbering "prefix0001", "prefix0002", ….</summary>
    /// <param name="prefix">The prefix, e.g. "ABG-2026-": empty, or file-safe (<see cref="Kenmerk.FoutInBestandsnaam"/>), because invoice files are named after the number.</param>
    /// <returns>The numbering function.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="prefix"/> is null.</exception>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for a prefix outside the file-safe alphabet.</exception>
    public static Func<int, string> Reeks(string prefix)
    {
        Preconditions.NotNull(prefix, nameof(prefix));
        if (prefix.Length > 0)
        {
            _ = Kenmerk.BestandsnaamVeilig(prefix, nameof(prefix));
        }

        return n => prefix + n.ToString("0000", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Invoice runs (domain.md §9): recompute the settlement at the run date t with the events reported by t, then
/// compare it per line key with everything invoiced before. A new or larger amount becomes a debit line; a smaller
/// or vanished amount a credit line that refers to the last debit line of the same key. Running twice adds nothing;
/// however runs are spaced, their sum equals the settlement at the last run. History is input and never changed.
/// </summary>
public static class Facturatie
{
    /// <summary>Runs an invoice at <paramref name="factuurdatum"/> and returns the invoice to issue (possibly empty).</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with all events known to the caller (those reported after the run date are ignored).</param>
    /// <param name="eerdereFacturen">Every invoice issued before for this contract.</param>
    /// <param name="factuurdatum">The run date t.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <returns>The new invoice.</returns>
    /// <exception cref="BekostigingException">For an inconsistent history or malformed events.</exception>
    public static Factuur Run(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen)
        => Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: false, CancellationToken.None);

    /// <summary>Runs an invoice at <paramref name="factuurdatum"/>; <paramref name="annulering"/> is looked at before each traject.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with all events known to the caller (those reported after the run date are ignored).</param>
    /// <param name="eerdereFacturen">Every invoice issued before for this contract.</param>
    /// <param name="factuurdatum">The run date t.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <param name="annulering">Cancels the run (nothing is issued: the invoice is only returned at the end).</param>
    /// <returns>The new invoice.</returns>
    /// <exception cref="BekostigingException">For an inconsistent history or malformed events.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static Factuur Run(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen, CancellationToken annulering)
        => Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: false, annulering);

    /// <summary>The invoice a run would produce (dry run), marked as concept, numbered "CONCEPT".</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with their events.</param>
    /// <param name="eerdereFacturen">Every invoice issued before.</param>
    /// <param name="factuurdatum">The run date.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <returns>The preview.</returns>
    public static Factuur Preview(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen)
        => Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: true, CancellationToken.None);

    /// <summary>The invoice a run would produce (dry run); <paramref name="annulering"/> is looked at before each traject.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with their events.</param>
    /// <param name="eerdereFacturen">Every invoice issued before.</param>
    /// <param name="factuurdatum">The run date.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <param name="annulering">Cancels the run.</param>
    /// <returns>The preview.</returns>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static Factuur Preview(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen, CancellationToken annulering)
        => Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: true, annulering);

    /// <summary>
    /// Runs an invoice at <paramref name="factuurdatum"/> and returns the documents to issue, in number order: a factuur
    /// with the debit lines (when there are any), then one creditnota per invoice whose lines are credited. A credit is
    /// never netted into the factuur: each creditnota is a separate document with the next number of the same series
    /// (<see cref="Factuurinstellingen.Nummering"/>, counting every document issued before) and names the invoice it
    /// corrects in <see cref="Factuur.Corrigeert"/>; its lines refer to the lines they credit. Lines are numbered from 1
    /// within each document. The amounts held back above the plafond are reported on the first document.
    /// The lines together are exactly those of <c>Run</c>; store every document and pass them back as history.
    /// </summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with all events known to the caller (those reported after the run date are ignored).</param>
    /// <param name="eerdereFacturen">Every document (factuur and creditnota) issued before for this contract.</param>
    /// <param name="factuurdatum">The run date t.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <param name="annulering">Cancels the run (nothing is issued: the documents are only returned at the end).</param>
    /// <returns>The documents; empty when nothing changed.</returns>
    /// <exception cref="BekostigingException">For an inconsistent history or malformed events.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static ValueList<Factuur> Documenten(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen, CancellationToken annulering = default)
        => Splits(Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: true, annulering), eerdereFacturen, instellingen, concept: false);

    /// <summary>The documents <see cref="Documenten"/> would issue (dry run), marked as concept and numbered "CONCEPT", "CONCEPT-2", ….</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">Its trajecten with their events.</param>
    /// <param name="eerdereFacturen">Every document issued before.</param>
    /// <param name="factuurdatum">The run date.</param>
    /// <param name="instellingen">VAT and numbering.</param>
    /// <param name="annulering">Cancels the dry run.</param>
    /// <returns>The concept documents; empty when nothing changed.</returns>
    /// <exception cref="BekostigingException">For an inconsistent history or malformed events.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static ValueList<Factuur> PreviewDocumenten(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdereFacturen, LocalDate factuurdatum, Factuurinstellingen instellingen, CancellationToken annulering = default)
        => Splits(Build(contract, trajecten, eerdereFacturen, factuurdatum, instellingen, concept: true, annulering), eerdereFacturen, instellingen, concept: true);

    /// <summary>One run's lines as documents: the debit lines on a factuur, the credit lines per corrected invoice on creditnota's.</summary>
    /// <remarks>The run is built as a concept, so the caller's numbering is asked only for the numbers really issued.</remarks>
    private static ValueList<Factuur> Splits(Factuur run, IReadOnlyList<Factuur> eerdere, Factuurinstellingen instellingen, bool concept)
    {
        var groepen = new List<(string? Corrigeert, List<Factuurregel> Regels)>();
        var debet = run.Regels.Where(r => r.Soort == Regelsoort.Debet).ToList();
        if (debet.Count > 0)
        {
            groepen.Add((null, debet));
        }

        var debetGroepen = groepen.Count;

        // Ordered by the number of the corrected invoice in the history (earliest first), then as the run ordered them.
        var volgorde = eerdere.Select((f, i) => (f.Nummer, i)).ToDictionary(x => x.Nummer, x => x.i, StringComparer.Ordinal);
        foreach (var g in run.Regels.Where(r => r.Soort == Regelsoort.Credit)
                     .GroupBy(r => r.Corrigeert?.Factuurnummer)
                     .OrderBy(g => g.Key is null ? int.MaxValue : volgorde.TryGetValue(g.Key, out var i) ? i : int.MaxValue - 1))
        {
            groepen.Add((g.Key, g.ToList()));
        }

        var issued = eerdere.Count(f => !f.IsConcept);
        var documenten = new List<Factuur>(groepen.Count);
        for (var d = 0; d < groepen.Count; d++)
        {
            var (corrigeert, regels) = groepen[d];
            var nummer = concept ? (d == 0 ? "CONCEPT" : "CONCEPT-" + (d + 1).ToString(CultureInfo.InvariantCulture)) : instellingen.Nummering(issued + d + 1);
            documenten.Add(run with
            {
                Nummer = nummer,
                Regels = regels.Select((r, i) => r with { Regelnummer = i + 1 }).ToValueList(),
                Ingehouden = d == 0 ? run.Ingehouden : ValueList<Ingehouden>.Empty,
                Soort = d < debetGroepen ? Documentsoort.Factuur : Documentsoort.Creditnota,
                Corrigeert = corrigeert,
                IsConcept = concept,
            });
        }

        return documenten.ToValueList();
    }

    /// <summary>What has been invoiced net per (traject, key) in a history.</summary>
    /// <param name="facturen">The invoices.</param>
    /// <returns>Net amount per key.</returns>
    public static IReadOnlyDictionary<(string? TrajectId, string Sleutel), Bedrag> Gefactureerd(IEnumerable<Factuur> facturen) => NettoPerSleutel(facturen);

    private static Dictionary<(string?, string), Bedrag> NettoPerSleutel(IEnumerable<Factuur> facturen)
    {
        var regels = 0;
        foreach (var f in facturen)
        {
            regels += f.IsConcept ? 0 : f.Regels.Count;
        }

        var result = new Dictionary<(string?, string), Bedrag>(regels);
        foreach (var f in facturen.Where(f => !f.IsConcept))
        {
            foreach (var r in f.Regels)
            {
                result.TryGetValue((r.TrajectId, r.Sleutel), out var sum);
                result[(r.TrajectId, r.Sleutel)] = sum + r.Bedrag;
            }
        }

        return result;
    }

    private static Factuur Build(Raamovereenkomst contract, IEnumerable<TrajectMetGebeurtenissen> trajecten, IReadOnlyList<Factuur> eerdere, LocalDate t, Factuurinstellingen instellingen, bool concept, CancellationToken annulering)
    {
        Preconditions.NotNull(contract, nameof(contract));
        Preconditions.NotNull(eerdere, nameof(eerdere));
        Preconditions.NotNull(instellingen, nameof(instellingen));
        CheckHistory(contract, eerdere, t);

        // Settle as known on t: only events reported on or before the run date (a traject whose events are all
        // reported is passed as it is).
        var known = new List<TrajectMetGebeurtenissen>();
        foreach (var x in trajecten)
        {
            annulering.ThrowIfCancellationRequested();
            known.Add(AllesGemeld(x.Gebeurtenissen, t) ? x : x with { Gebeurtenissen = x.Gebeurtenissen.Where(e => e.GemeldOp <= t).ToList() });
        }

        if (instellingen.OntbrekendeTrajecten == OntbrekendeTrajecten.Weigeren)
        {
            CheckOntbrekend(contract, eerdere, known, t);
        }

        ContractAfrekening settlement;
        try
        {
            settlement = contract.Settle(known, t, annulering);
        }
        catch (OverflowException e)
        {
            throw new BekostigingException(FoutCode.BedragBuitenBereik, $"contract {contract.Id}: an amount overflowed while settling on {t:yyyy-MM-dd} ({e.Message}); the terms multiply beyond what an invoice can carry.");
        }

        var byTraject = known.ToDictionary(x => x.Traject.Id, x => x.Traject, StringComparer.Ordinal);

        // The part of a line above the plafond (the first allocation of its key, as BovenPlafondVan reads it). Keys
        // are unique in an allocation, so only the lines with a part above need an entry; the rest have none.
        var boven = new Dictionary<(string, string), Bedrag>();
        foreach (var p in settlement.Plafond)
        {
            if (!p.BovenPlafond.IsNul && !boven.ContainsKey((p.TrajectId, p.Sleutel)))
            {
                boven.Add((p.TrajectId, p.Sleutel), p.BovenPlafond);
            }
        }

        // Target per key: the due amount within the plafond. Only the keys whose amount changed need the line's text,
        // so the text is looked up afterwards, from the settlement (or contract line) it belongs to.
        var kernen = new Regelkern[settlement.Trajecten.Count][];
        var aantal = settlement.Contractregels.Count;
        for (var i = 0; i < kernen.Length; i++)
        {
            kernen[i] = Regelkern.Van(settlement.Trajecten[i].Verschuldigd);
            aantal += kernen[i].Length;
        }

        var target = new Dictionary<(string?, string), (Bedrag Bedrag, LocalDate Due, Afrekening? Afrekening, string? Omschrijving)>(aantal);
        for (var i = 0; i < kernen.Length; i++)
        {
            var a = settlement.Trajecten[i];
            foreach (var line in kernen[i])
            {
                var within = line.Bedrag - (boven.TryGetValue((a.TrajectId, line.Sleutel), out var b) ? b : Bedrag.Nul);
                target[(a.TrajectId, line.Sleutel)] = (within, line.Vervaldatum, a, null);
            }
        }

        foreach (var c in settlement.Contractregels)
        {
            target[(null, c.Sleutel)] = (c.Bedrag, c.Vervaldatum, null, c.Omschrijving);
        }

        string Omschrijving((string?, string Sleutel) key, (Bedrag, LocalDate, Afrekening? Afrekening, string? Omschrijving) want)
        {
            if (want.Afrekening is null)
            {
                return want.Omschrijving!;
            }

            string? text = null;
            foreach (var line in want.Afrekening.Verschuldigd)
            {
                if (string.Equals(line.Sleutel, key.Sleutel, StringComparison.Ordinal))
                {
                    text = line.Omschrijving; // the last line of the key, as the target holds the last one
                }
            }

            return text ?? throw new InvalidOperationException($"line {key.Sleutel} of traject {want.Afrekening.TrajectId} is in the amounts but not in the lines.");
        }

        // Only keys whose amount changed make a line; they are put in order (traject id, then key) afterwards.
        var invoiced = NettoPerSleutel(eerdere);
        var changed = new List<(string? TrajectId, string Sleutel)>();
        foreach (var entry in target)
        {
            invoiced.TryGetValue(entry.Key, out var had);
            if (!(entry.Value.Bedrag - had).IsNul)
            {
                changed.Add(entry.Key);
            }
        }

        foreach (var entry in invoiced)
        {
            if (!target.ContainsKey(entry.Key) && !(Bedrag.Nul - entry.Value).IsNul)
            {
                changed.Add(entry.Key);
            }
        }

        changed.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.TrajectId ?? string.Empty, y.TrajectId ?? string.Empty);
            return c != 0 ? c : string.CompareOrdinal(x.Sleutel, y.Sleutel);
        });

        Dictionary<(string?, string), (Factuur Factuur, Factuurregel Line)>? lastDebit = null;
        bool LastDebit((string?, string) key, out (Factuur Factuur, Factuurregel Line) debit)
        {
            lastDebit ??= LastDebits(eerdere);
            return lastDebit.TryGetValue(key, out debit);
        }

        var regels = new List<Factuurregel>(changed.Count);
        foreach (var key in changed)
        {
            target.TryGetValue(key, out var want);
            invoiced.TryGetValue(key, out var had);
            var diff = want.Bedrag - had;
            Historiecontrole.CheckBereik(want.Bedrag, () => $"contract {contract.Id}, traject {key.TrajectId ?? "-"}, line {key.Sleutel}: the amount due");
            Historiecontrole.CheckBereik(diff, () => $"contract {contract.Id}, traject {key.TrajectId ?? "-"}, line {key.Sleutel}: the invoice line (from {had} to {want.Bedrag})");
            var traject = key.TrajectId is not null && byTraject.TryGetValue(key.TrajectId, out var found) ? found : null;
            var soort = diff > Bedrag.Nul ? Regelsoort.Debet : Regelsoort.Credit;
            var due = want.Bedrag.IsNul && LastDebit(key, out var ld) ? ld.Line.Vervaldatum : want.Due;
            var text = soort == Regelsoort.Debet
                ? (had.IsNul ? Omschrijving(key, want) : $"{Omschrijving(key, want)} (verhoogd van {had})")
                : want.Bedrag.IsNul ? $"credit: {key.Sleutel} is niet meer verschuldigd" : $"credit: {key.Sleutel} verlaagd van {had} naar {want.Bedrag}";
            regels.Add(new Factuurregel(
                regels.Count + 1,
                key.TrajectId,
                traject?.ClientId,
                traject?.ContactpersoonGemeente,
                key.Sleutel,
                soort,
                diff,
                Vat(instellingen.Btw, diff, contract, key),
                due,
                text,
                soort == Regelsoort.Credit && LastDebit(key, out var debit) ? new Regelverwijzing(debit.Factuur.Nummer, debit.Line.Regelnummer) : null));
        }

        var ingehouden = settlement.Plafond.Where(p => !p.BovenPlafond.IsNul)
            .Select(p => new Ingehouden(p.TrajectId, p.Sleutel, p.Kalenderjaar, p.BovenPlafond)).ToValueList();
        var issued = eerdere.Where(f => !f.IsConcept).ToList();
        var previousDate = issued.Count == 0 ? contract.Ingangsdatum : issued.Max(f => f.Factuurdatum).PlusDays(1);
        if (previousDate > t)
        {
            previousDate = t;
        }

        return new Factuur(
            concept ? "CONCEPT" : instellingen.Nummering(issued.Count + 1),
            contract.Id,
            t,
            new DateInterval(previousDate, t),
            instellingen.Btw,
            regels.ToValueList(),
            ingehouden,
            concept);
    }

    /// <summary>The last debit line of every key in a history, in date order of the invoices.</summary>
    private static Dictionary<(string?, string), (Factuur Factuur, Factuurregel Line)> LastDebits(IEnumerable<Factuur> facturen)
    {
        var result = new Dictionary<(string?, string), (Factuur, Factuurregel)>();
        foreach (var f in facturen.Where(f => !f.IsConcept).OrderBy(f => f.Factuurdatum))
        {
            foreach (var r in f.Regels)
            {
                if (r.Soort == Regelsoort.Debet)
                {
                    result[(r.TrajectId, r.Sleutel)] = (f, r);
                }
            }
        }

        return result;
    }

    /// <summary>Whether every event was reported on or before <paramref name="t"/>.</summary>
    private static bool AllesGemeld(IReadOnlyList<Gebeurtenis> gebeurtenissen, LocalDate t)
    {
        for (var i = 0; i < gebeurtenissen.Count; i++)
        {
            if (gebeurtenissen[i].GemeldOp > t)
            {
                return false;
            }
        }

        return true;
    }

    private static Bedrag Vat(Btw btw, Bedrag diff, Raamovereenkomst contract, (string? TrajectId, string Sleutel) key)
    {
        var vat = btw.Over(diff);
        Historiecontrole.CheckBereik(vat, () => $"contract {contract.Id}, traject {key.TrajectId ?? "-"}, line {key.Sleutel}: the VAT");
        return vat;
    }

    private static void CheckOntbrekend(Raamovereenkomst contract, IReadOnlyList<Factuur> eerdere, List<TrajectMetGebeurtenissen> known, LocalDate t)
    {
        if (eerdere.Count == 0)
        {
            return;
        }

        var missing = Historiecontrole.Ontbrekend(eerdere, known.Select(x => x.Traject.Id));
        const int shown = 20;
        Preconditions.Check(
            missing.Count == 0,
            FoutCode.OntbrekendeTrajecten,
            $"{missing.Count} trajecten invoiced before are missing from the input of the run on {t:yyyy-MM-dd}: {string.Join(", ", missing.Take(shown)) + (missing.Count > shown ? $", … ({missing.Count - shown} more)" : string.Empty)}. A run without them would credit everything invoiced for them; a broken or partial export is the usual cause. If they really ended, say so (OntbrekendeTrajecten.Crediteren; in the tool: --ontbrekende-trajecten crediteren). Contract {contract.Id}.");
    }

    private static void CheckHistory(Raamovereenkomst contract, IReadOnlyList<Factuur> eerdere, LocalDate t)
    {
        Historiecontrole.Check(contract.Id, eerdere);
        foreach (var f in eerdere)
        {
            Preconditions.Check(f.Factuurdatum <= t, FoutCode.OngeldigeFactuurhistorie, $"invoice {f.Nummer} is dated {f.Factuurdatum:yyyy-MM-dd}, after this run's date {t:yyyy-MM-dd}; runs are made in date order.");
        }
    }
}
