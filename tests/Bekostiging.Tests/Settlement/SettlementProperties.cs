using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.FSharp.Core;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Tests.Settlement;

/// <summary>A way to settle: the engine, or a deliberately broken variant of it.</summary>
public delegate Afrekening Afrekenaar(Traject traject, IReadOnlyList<Gebeurtenis> gebeurtenissen, LocalDate peildatum);

/// <summary>
/// The properties of domain.md §8 as checks over one generated history. Each returns <see langword="null"/> when it
/// holds, else a description that starts with its label (e.g. <c>[behoud]</c>), so that a test can tell which
/// property failed.
/// </summary>
public static class SettlementChecks
{
    public static readonly Afrekenaar Engine = (t, e, p) => SettlementEngine.Settle(t, e, p, HistoryGenerators.Context);

    /// <summary>
    /// 1. Conservation: totals are the sums of the lines; the peildatum splits due from pending; keys are unique;
    /// the lines of a Termijnen rule add up to at most its (unindexed) price. When the traject started, was not
    /// voided and the maximum per traject did not cut the rule, they are exactly the split of §3: the whole price
    /// without an end event, else the instalments due on or before the Uitval/Afronding (or the pro-rata amount).
    /// </summary>
    public static string? Behoud(Afrekenaar settle, Historie h)
    {
        var a = settle(h.Traject, h.Gebeurtenissen, h.Peildatum);
        var somDue = a.Verschuldigd.Sum(r => r.Bedrag.Euros);
        var somPending = a.Verwacht.Sum(r => r.Bedrag.Euros);
        if (a.TotaalVerschuldigd.Euros != somDue || a.TotaalVerwacht.Euros != somPending)
        {
            return $"[behoud] totals {a.TotaalVerschuldigd}/{a.TotaalVerwacht} differ from the sums of the lines {somDue}/{somPending}";
        }

        if (a.Verschuldigd.FirstOrDefault(r => r.Vervaldatum > h.Peildatum) is { } laat)
        {
            return $"[behoud] due line {laat.Sleutel} is due on {D(laat.Vervaldatum)}, after the peildatum {D(h.Peildatum)}";
        }

        if (a.Verwacht.FirstOrDefault(r => r.Vervaldatum <= h.Peildatum) is { } vroeg)
        {
            return $"[behoud] pending line {vroeg.Sleutel} is due on {D(vroeg.Vervaldatum)}, not after the peildatum {D(h.Peildatum)}";
        }

        if (a.AlleRegels.GroupBy(r => r.Sleutel, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
        {
            return $"[behoud] line key {dubbel.Key} is used {dubbel.Count()} times";
        }

        var actief = h.Actief();
        var start = actief.OfType<Start>().SingleOrDefault();
        var einde = actief.SingleOrDefault(e => e is Uitval or Afronding);
        var gereclameerd = actief.Any(e => e is Reclame);
        foreach (var r in h.Model.Regels.OfType<Termijnen>())
        {
            var regels = a.AlleRegels.Where(l => l.RegelCode == r.Code).ToList();
            var som = regels.Aggregate(Bedrag.Nul, (s, l) => s + l.Bedrag);
            if (som > r.Prijs)
            {
                return $"[behoud] the lines of {r.Code} add up to {som}, more than the price {r.Prijs}";
            }

            var gekort = a.NietBetaalbaarItems.Any(n => n.Reden is Reden.BovenMaximumTraject or Reden.BovenMaximumRegels && n.RegelCode == r.Code);
            if (start is null || gereclameerd || gekort)
            {
                continue;
            }

            // The split of §3 (largest remainder), instalment i due on start + (i−1) × interval, those due after the
            // Uitval/Afronding fallen away; with pro rata on Uitval, the total is price × active days ÷ window days
            // when that is more than the instalments already due (domain.md §12).
            var delen = Verdeling.InGelijkeDelen(r.Prijs, r.Aantal);
            var verwacht = Enumerable.Range(0, r.Aantal)
                .Where(i => einde is null || r.Interval.Na(start.Datum, i) <= einde.Datum)
                .Aggregate(Bedrag.Nul, (s, i) => s + delen[i]);
            if (r.ProRataBijUitval && einde is Uitval)
            {
                var venster = Venster(h, start, actief, einde);
                var laatste = einde.Datum < venster ? einde.Datum : venster;
                var proRata = Bedrag.Afgerond(r.Prijs.Euros * (Period.DaysBetween(start.Datum, laatste) + 1) / (Period.DaysBetween(start.Datum, venster) + 1));
                verwacht = Bedrag.Max(verwacht, proRata);
            }

            if (som != verwacht)
            {
                return $"[behoud] the {regels.Count} lines of {r.Code} add up to {som}, not to {verwacht} (price {r.Prijs} in {r.Aantal} instalments{(einde is null ? string.Empty : $", {einde.Soort} on {D(einde.Datum)}")})";
            }

            if (regels.FirstOrDefault(l => l.Sleutel != r.Code + "/prorata" && l.Bedrag != delen[int.Parse(l.Sleutel[(r.Code.Length + 1)..], CultureInfo.InvariantCulture) - 1]) is { } scheef)
            {
                return $"[behoud] instalment {scheef.Sleutel} is {scheef.Bedrag}, not its part of the split of {r.Prijs} in {r.Aantal}";
            }
        }

        return null;
    }

    /// <summary>The window's last day per domain.md §5/§12, computed here from the active events (a reference for the engine's).</summary>
    public static LocalDate Venster(Historie h, Start start, IReadOnlyList<Gebeurtenis> actief, Gebeurtenis? einde)
    {
        var venster = h.Traject.MaximaleDoorlooptijd.LaatsteDag(start.Datum);
        var cap = h.Model.MaximaleDoorlooptijd?.LaatsteDag(start.Datum);
        if (cap < venster)
        {
            venster = cap.Value;
        }

        foreach (var v in actief.OfType<Verlenging>().OrderBy(v => v.Datum).ThenBy(v => v.Volgnummer).ThenBy(v => v.Id, StringComparer.Ordinal))
        {
            if (einde is not null && v.Datum > einde.Datum)
            {
                continue;
            }

            venster = v.Periode.Verleng(venster);
            if (cap < venster)
            {
                venster = cap.Value;
            }
        }

        return venster;
    }

    public static string D(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2. Monotone in time: every line due at t1 is due at t2 ≥ t1 with the same key, amount and due date.</summary>
    public static string? Monotoon(Afrekenaar settle, Historie h)
    {
        var a1 = settle(h.Traject, h.Gebeurtenissen, h.Peildatum);
        var a2 = settle(h.Traject, h.Gebeurtenissen, h.LatereDatum);
        foreach (var r in a1.Verschuldigd)
        {
            if (!a2.Verschuldigd.Any(x => x.Sleutel == r.Sleutel && x.Bedrag == r.Bedrag && x.Vervaldatum == r.Vervaldatum))
            {
                return $"[monotoon] line {r.Sleutel} ({r.Bedrag}, due {D(r.Vervaldatum)}) is due on {D(h.Peildatum)} but not (so) on {D(h.LatereDatum)}";
            }
        }

        return null;
    }

    /// <summary>2b. The lines themselves (due and pending together) do not depend on the peildatum (§12: it only splits them).</summary>
    public static string? Stabiel(Afrekenaar settle, Historie h)
    {
        static string Regels(Afrekening a) => string.Join("; ", a.AlleRegels.OrderBy(r => r.Sleutel, StringComparer.Ordinal).Select(r => $"{r.Sleutel} {r.Bedrag.ToInvariantString()} {D(r.Vervaldatum)}"));
        var r1 = Regels(settle(h.Traject, h.Gebeurtenissen, h.Peildatum));
        var r2 = Regels(settle(h.Traject, h.Gebeurtenissen, h.LatereDatum));
        return r1 == r2 ? null : $"[stabiel] lines at {D(h.Peildatum)}: {r1}\nlines at {D(h.LatereDatum)}: {r2}";
    }

    /// <summary>3. Order independence: a shuffled input gives an identical settlement, keys included.</summary>
    public static string? Volgorde(Afrekenaar settle, Historie h)
    {
        var a1 = settle(h.Traject, h.Gebeurtenissen, h.Peildatum);
        var geschud = h.Geschud();
        var a2 = settle(h.Traject, geschud, h.Peildatum);
        return a1 == a2 ? null : $"[volgorde] shuffled input ({string.Join(", ", geschud.Select(e => e.Id))}) settles differently: {Verschil(a1, a2)}";
    }

    /// <summary>4. Determinism: settling twice, or settling equal copies, gives equal results; the input is left as it was.</summary>
    public static string? Deterministisch(Afrekenaar settle, Historie h)
    {
        var invoer = h.Gebeurtenissen.ToList();
        var voor = invoer.ToArray();
        var a1 = settle(h.Traject, invoer, h.Peildatum);
        if (!invoer.SequenceEqual(voor, ReferenceEqualityComparer.Instance))
        {
            return "[deterministisch] settling changed the caller's list of events";
        }

        var a2 = settle(h.Traject, invoer, h.Peildatum);
        if (a1 != a2)
        {
            return $"[deterministisch] the second settlement differs: {Verschil(a1, a2)}";
        }

        var a3 = settle(h.Traject with { }, invoer.Select(e => e with { }).ToList(), h.Peildatum);
        return a1 == a3 ? null : $"[deterministisch] a settlement of equal copies differs: {Verschil(a1, a3)}";
    }

    /// <summary>
    /// Known engine bug, reported (see <see cref="SettlementProperties.Maximum_applies_to_the_reclame_fee"/>): in a
    /// gereclameerd traject the maximum per traject is not applied to the reclame fee. While it stands,
    /// <see cref="Maximum"/> skips the cap (not the sign) check for histories with an active Reclame. Set to
    /// <see langword="false"/> once the engine is fixed.
    /// </summary>
    public static bool BekendeFoutMaximumBijReclame { get; }

    /// <summary>
    /// 5. Caps: due + pending never exceed the maximum per traject, and the maximum takes exactly the excess away
    /// (the total is the smaller of the uncapped total and the maximum); hours and modules in lines stay within
    /// their maximum numbers of units; no line is zero or negative.
    /// </summary>
    public static string? Maximum(Afrekenaar settle, Historie h)
    {
        var a = settle(h.Traject, h.Gebeurtenissen, h.LatereDatum);
        if (a.AlleRegels.FirstOrDefault(r => r.Bedrag <= Bedrag.Nul) is { } nul)
        {
            return $"[maximum] line {nul.Sleutel} has amount {nul.Bedrag}";
        }

        foreach (var r in h.Model.Regels)
        {
            var regels = a.AlleRegels.Where(l => l.RegelCode == r.Code).ToList();
            if (r is PerEenheid { MaximumUren: { } maxUren } && regels.Sum(l => l.Grondslag.Hoeveelheid) > maxUren)
            {
                return $"[maximum] the lines of {r.Code} pay {regels.Sum(l => l.Grondslag.Hoeveelheid)} hours, more than the maximum of {maxUren}";
            }

            if (r is PerModule { MaximumAantal: { } maxModules } && regels.Count > maxModules)
            {
                return $"[maximum] {regels.Count} modules paid under {r.Code}, more than the maximum of {maxModules}";
            }
        }

        // Maxima over chosen rules (domain.md §12): the lines of the named rules together never exceed them.
        foreach (var dm in h.Model.Deelmaxima)
        {
            var som = a.AlleRegels.Where(l => dm.Regels.Contains(l.RegelCode)).Aggregate(Bedrag.Nul, (t, l) => t + l.Bedrag);
            if (som > dm.Bedrag)
            {
                return $"[maximum] the lines of {string.Join(", ", dm.Regels)} add up to {som}, more than their maximum of {dm.Bedrag}";
            }
        }

        if (h.Model.Maximum is not { } max || (BekendeFoutMaximumBijReclame && h.Actief().Any(e => e is Reclame)))
        {
            return null;
        }

        var totaal = a.TotaalVerschuldigd + a.TotaalVerwacht;
        if (totaal > max)
        {
            return $"[maximum] due + pending = {totaal} exceeds the maximum per traject {max} (lines: {string.Join(", ", a.AlleRegels.Select(r => $"{r.Sleutel} {r.Bedrag}"))})";
        }

        var zonder = settle(h.Traject with { Model = h.Model with { Maximum = null } }, h.Gebeurtenissen, h.LatereDatum);
        var verwacht = Bedrag.Min(zonder.TotaalVerschuldigd + zonder.TotaalVerwacht, max);
        return totaal == verwacht ? null : $"[maximum] due + pending = {totaal}, but the uncapped total {zonder.TotaalVerschuldigd + zonder.TotaalVerwacht} capped at {max} is {verwacht}";
    }

    /// <summary>
    /// 6. Every event is accounted for: one Verantwoording per distinct event id given, whose reference is the key of a
    /// due or pending line the event is a source of, or a not-payable reason listed for the event; the primary place is
    /// the first that applies (due, pending, not payable); lines and reasons name only events that were given.
    /// </summary>
    public static string? Verantwoording(Afrekenaar settle, Historie h)
    {
        var a = settle(h.Traject, h.Gebeurtenissen, h.Peildatum);
        var ids = new HashSet<string>(h.Ids, StringComparer.Ordinal);
        var entries = a.Verantwoording;
        var entryIds = entries.Select(v => v.GebeurtenisId).ToList();
        if (entryIds.Count != ids.Count || !ids.SetEquals(entryIds))
        {
            return $"[verantwoording] {entries.Count} entries for {ids.Count} distinct events; missing {string.Join(",", ids.Except(entryIds))}; extra or twice {string.Join(",", entryIds.GroupBy(x => x).Where(g => g.Count() > 1 || !ids.Contains(g.Key)).Select(g => g.Key))}";
        }

        var dueBronnen = new HashSet<string>(a.Verschuldigd.SelectMany(r => r.Bronnen), StringComparer.Ordinal);
        var pendingBronnen = new HashSet<string>(a.Verwacht.SelectMany(r => r.Bronnen), StringComparer.Ordinal);
        if (dueBronnen.Concat(pendingBronnen).Concat(a.NietBetaalbaarItems.Select(n => n.GebeurtenisId)).FirstOrDefault(id => !ids.Contains(id)) is { } vreemd)
        {
            return $"[verantwoording] a line or reason names event {vreemd}, which was not given";
        }

        foreach (var v in entries)
        {
            var ok = v.Plaats switch
            {
                Plaats.Verschuldigd => a.Verschuldigd.Any(r => r.Sleutel == v.Verwijzing && r.Bronnen.Contains(v.GebeurtenisId)),
                Plaats.Verwacht => !dueBronnen.Contains(v.GebeurtenisId) && a.Verwacht.Any(r => r.Sleutel == v.Verwijzing && r.Bronnen.Contains(v.GebeurtenisId)),
                Plaats.NietBetaalbaar => !dueBronnen.Contains(v.GebeurtenisId) && !pendingBronnen.Contains(v.GebeurtenisId)
                    && a.NietBetaalbaarItems.Any(n => n.GebeurtenisId == v.GebeurtenisId && n.Reden.ToString() == v.Verwijzing),
                _ => false,
            };
            if (!ok)
            {
                return $"[verantwoording] event {v.GebeurtenisId} is placed {v.Plaats} '{v.Verwijzing}', which is not its primary place";
            }
        }

        return null;
    }

    /// <summary>Where two settlements first differ, in words.</summary>
    public static string Verschil(Afrekening a, Afrekening b)
    {
        if (a.Status != b.Status)
        {
            return $"status {a.Status} vs {b.Status}";
        }

        static string Lijst<T>(string naam, IReadOnlyList<T> x, IReadOnlyList<T> y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                var l = i < x.Count ? x[i]?.ToString() : "(none)";
                var r = i < y.Count ? y[i]?.ToString() : "(none)";
                if (l != r)
                {
                    return $"{naam}[{i}]: {l}\n  vs {r}";
                }
            }

            return string.Empty;
        }

        var d = Lijst("due", a.Verschuldigd, b.Verschuldigd) + Lijst("pending", a.Verwacht, b.Verwacht)
            + Lijst("not payable", a.NietBetaalbaarItems, b.NietBetaalbaarItems) + Lijst("accounting", a.Verantwoording, b.Verantwoording);
        return d.Length > 0 ? d : "(equal text, unequal values)";
    }
}

/// <summary>Deliberately broken settlers, each a plausible bug that one property must catch.</summary>
public static class KapotteAfrekenaars
{
    /// <summary>Rounds every instalment to price ÷ n on its own instead of splitting the price (breaks conservation).</summary>
    public static Afrekening TermijnenLosAfgerond(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var a = SettlementChecks.Engine(t, e, p);
        var termijnen = t.Model.Regels.OfType<Termijnen>().ToDictionary(r => r.Code, StringComparer.Ordinal);
        Afrekeningsregel Fout(Afrekeningsregel r) => termijnen.TryGetValue(r.RegelCode, out var tr) && !r.Sleutel.EndsWith("/prorata", StringComparison.Ordinal)
            ? r with { Bedrag = Bedrag.Afgerond(tr.Prijs.Euros / tr.Aantal) }
            : r;
        return a with { Verschuldigd = a.Verschuldigd.Select(Fout).ToValueList(), Verwacht = a.Verwacht.Select(Fout).ToValueList() };
    }

    /// <summary>Settles only the events dated on or before the peildatum (breaks monotonicity: a later Intrekking or Reclame removes due lines).</summary>
    public static Afrekening AlleenTotPeildatum(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        try
        {
            return SettlementChecks.Engine(t, e.Where(x => x.Datum <= p).ToList(), p);
        }
        catch (BekostigingException)
        {
            // A prefix by date may be malformed (an Intrekking before its target); then settle everything.
            return SettlementChecks.Engine(t, e, p);
        }
    }

    /// <summary>Orders events of one date by their input position instead of (sequence, id) (breaks order independence).</summary>
    public static Afrekening OpInvoervolgorde(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var positie = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var x in e)
        {
            positie.TryAdd(x.Id, positie.Count);
        }

        return SettlementChecks.Engine(t, e.Select(x => x with { Volgnummer = positie[x.Id] }).ToList(), p);
    }

    /// <summary>Sorts the caller's list in place (a side effect; breaks "side-effect free").</summary>
    public static Afrekening SorteertInvoer(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        if (e is List<Gebeurtenis> lijst)
        {
            lijst.Sort((x, y) => x.Datum.CompareTo(y.Datum));
            lijst.Reverse();
        }

        return SettlementChecks.Engine(t, e, p);
    }

    /// <summary>Ignores the maximum per traject.</summary>
    public static Afrekening ZonderMaximum(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
        => SettlementChecks.Engine(t with { Model = t.Model with { Maximum = null } }, e, p);

    /// <summary>Ignores the maxima over chosen rules (keeps the maximum per traject).</summary>
    public static Afrekening ZonderDeelmaxima(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
        => SettlementChecks.Engine(t with { Model = t.Model with { Deelmaxima = ValueList<Deelmaximum>.Empty } }, e, p);

    /// <summary>Leaves withdrawn events out of the accounting ("they were withdrawn, so they are gone").</summary>
    public static Afrekening VergeetIngetrokken(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var a = SettlementChecks.Engine(t, e, p);
        return a with { Verantwoording = a.Verantwoording.Where(v => v.Verwijzing != nameof(Reden.Ingetrokken)).ToValueList() };
    }
}

/// <summary>
/// FsCheck properties of the settlement engine (domain.md §8) over generated trajecten and valid histories
/// (<see cref="HistoryGenerators"/>): 29,000 generated histories per run, plus 1,500 in the coverage test. Every
/// generated history is valid, so an exception from the engine is a failure too. The <c>…_can_fail</c> tests run the
/// same checks against broken settlers and require FsCheck to find a counter-example, so no property holds vacuously.
/// </summary>
public class SettlementProperties
{
    private readonly ITestOutputHelper _output;

    public SettlementProperties(ITestOutputHelper output) => _output = output;

    /// <summary>The checks as an FsCheck property, with the failing check's description as label.</summary>
    public static Property Geldt(Arbitrary<Historie> histories, Func<Historie, string?> check) =>
        Prop.ForAll(histories, h =>
        {
            var fout = check(h);
            return Prop.Label(fout is null, fout ?? "ok");
        });

    private static string? Alle(Historie h, params Func<Afrekenaar, Historie, string?>[] checks)
        => checks.Select(c => c(SettlementChecks.Engine, h)).FirstOrDefault(f => f is not null);

    // ---------- the properties (engine) ----------

    [Property(MaxTest = 5000)]
    public Property Conservation_totals_are_line_sums_and_instalments_add_up_to_the_price() =>
        Geldt(HistoryGenerators.Histories(), h => SettlementChecks.Behoud(SettlementChecks.Engine, h));

    [Property(MaxTest = 5000)]
    public Property Monotone_in_time_lines_due_at_t1_stay_due_at_t2() =>
        Geldt(HistoryGenerators.Histories(), h => Alle(h, SettlementChecks.Monotoon, SettlementChecks.Stabiel));

    [Property(MaxTest = 5000)]
    public Property Order_independent_shuffled_events_give_an_identical_settlement() =>
        Geldt(HistoryGenerators.Histories(), h => SettlementChecks.Volgorde(SettlementChecks.Engine, h));

    [Property(MaxTest = 4000)]
    public Property Deterministic_and_side_effect_free() =>
        Geldt(HistoryGenerators.Histories(), h => SettlementChecks.Deterministisch(SettlementChecks.Engine, h));

    [Property(MaxTest = 5000)]
    public Property Maximum_per_traject_is_never_exceeded_and_no_line_is_zero_or_negative() =>
        Geldt(HistoryGenerators.HistoriesMetMaximum(), h => SettlementChecks.Maximum(SettlementChecks.Engine, h));

    [Property(MaxTest = 5000)]
    public Property Every_event_is_accounted_for_once_in_its_primary_place() =>
        Geldt(HistoryGenerators.Histories(), h => SettlementChecks.Verantwoording(SettlementChecks.Engine, h));

    /// <summary>Splits add up to the whole: the no cure less pay parts are the rounded share and the rest.</summary>
    [Property(MaxTest = 1000)]
    public Property No_cure_less_pay_parts_add_up_to_the_price() =>
        Prop.ForAll(
            Gen.Choose(0, 100_000_000).ToArbitrary(),
            Gen.Choose(0, 10_000).Select(p => p / 100m).ToArbitrary(),
            (cents, pct) =>
            {
                var prijs = Bedrag.VanCenten(cents);
                var model = Bekostigingsmodellen.NoCureLessPay(prijs, pct, Resultaatdefinitie.Standaard);
                var start = ((Eenmalig)model.Regels[0]).Bedrag;
                var rest = ((BijResultaat)model.Regels[1]).Klassen.Select(k => k.Bedrag).Distinct().Single();
                return start + rest == prijs && start == Bedrag.Afgerond(prijs.Euros * pct / 100m) && !rest.IsNegatief;
            });

    /// <summary>
    /// Regression: the minimal counter-example FsCheck found for property 5. domain.md §12 applies the maximum per
    /// traject "after reclame", and §8 says a cap is never exceeded; the engine once skipped the maximum for a
    /// gereclameerd traject, so a reclame fee above the maximum was due in full.
    /// </summary>
    [Fact]
    public void Maximum_applies_to_the_reclame_fee()
    {
        var model = new Bekostigingsmodel("Eigen model", ValueList.Of<Betaalregel>(new Eenmalig("r1", Aanleiding.Reclame, Bedrag.Van(1336.40m))), Bedrag.Van(800m));
        var traject = new Traject("T-1", "C-1", 1, "re-integratie", model, Duur.Maanden(9));
        var events = new Gebeurtenis[] { new Aanmelding("E001", new LocalDate(2026, 3, 27)), new Reclame("E003", new LocalDate(2026, 5, 8)) };
        var a = SettlementEngine.Settle(traject, events, new LocalDate(2026, 6, 25), HistoryGenerators.Context);
        Assert.Equal(Bedrag.Van(800m), a.TotaalVerschuldigd + a.TotaalVerwacht);
    }

    // ---------- generator coverage ----------

    /// <summary>The generators reach every building block, preset, trigger and event kind, and the corner cases the properties rely on.</summary>
    [Fact]
    public void Generators_cover_every_building_block_and_event_kind()
    {
        var sample = HistoryGenerators.HistorieGen(35).Sample(1500, new Rnd(7UL), 60);
        var tellingen = new Dictionary<string, int>(StringComparer.Ordinal);
        void Tel(string wat) => tellingen[wat] = tellingen.GetValueOrDefault(wat) + 1;
        foreach (var h in sample)
        {
            var m = h.Model;
            Tel("model " + m.Naam);
            foreach (var r in m.Regels)
            {
                Tel(r.GetType().Name);
                switch (r)
                {
                    case Eenmalig e: Tel("Eenmalig " + e.Aanleiding); break;
                    case PerEenheid pe: Tel(pe.MaximumUren is null ? "PerEenheid zonder maximum" : "PerEenheid met maximum"); break;
                    case Termijnen t when t.ProRataBijUitval: Tel("Termijnen pro rata"); break;
                    case BijResultaat b: Tel("BijResultaat " + b.Definitie.Duurzaamheid.GetType().Name); Tel(b.Klassen.Count > 1 ? "tiers" : "one tier"); Tel(b.Definitie.MaximaleOnderbreking > 0 ? "maxGap" : "no gap"); break;
                }
            }

            if (m.Maximum is not null)
            {
                Tel("Maximum");
            }

            if (m.Deelmaxima.Count > 0)
            {
                Tel("Deelmaximum");
            }

            if (m.Regels.OfType<Eenmalig>().Any(e => e.ProRataBijUitval))
            {
                Tel("Eenmalig pro rata");
            }

            foreach (var e in h.Gebeurtenissen.DistinctBy(e => e.Id))
            {
                Tel(e.GetType().Name);
            }

            if (h.Gebeurtenissen.Count > h.Ids.Count)
            {
                Tel("duplicates");
            }

            if (h.Gebeurtenissen.OfType<Intrekking>().Any(i => h.Gebeurtenissen.Any(x => x.Id == i.DoelId && x is Intrekking)))
            {
                Tel("withdrawn intrekking");
            }

            var a = SettlementChecks.Engine(h.Traject, h.Gebeurtenissen, h.LatereDatum);
            foreach (var n in a.NietBetaalbaarItems)
            {
                Tel("reason " + n.Reden);
            }

            Tel("status " + a.Status);
            if (a.Verwacht.Count > 0)
            {
                Tel("pending");
            }
        }

        var vereist = new[]
        {
            "Eenmalig", "PerEenheid", "PerModule", "PerPeriode", "Termijnen", "Prijsdelen", "BijResultaat", "Trap", "PerTrede", "Verlengingstarief",
            "PerEenheid zonder maximum", "PerEenheid met maximum", "Termijnen pro rata", "tiers", "maxGap",
            "BijResultaat AaneengeslotenDuurzaamheid", "BijResultaat CumulatieveDuurzaamheid", "BijResultaat GeenDuurzaamheid",
            "Maximum", "Deelmaximum", "Eenmalig pro rata", "duplicates", "withdrawn intrekking", "pending",
            "Aanmelding", "Start", "Reclame", "Mijlpaal", "Uren", "Module", "Trede", "Plaatsing", "PlaatsingEinde", "Verlenging", "Uitval", "Afronding", "Intrekking",
        }
            .Concat(Enum.GetValues<Aanleiding>().Select(x => "Eenmalig " + x))
            .Concat(Enum.GetValues<TrajectStatus>().Select(x => "status " + x))
            .Concat(Enum.GetValues<Reden>().Select(x => "reason " + x))
            .Concat(new[]
            {
                "Uurtarief", "Trajectprijs bij start", "Trajectprijs bij afronding", "Trajectprijs in delen", "Trajectprijs in termijnen", "Starttarief plus resultaatbonus",
                "No cure, less pay", "No cure, no pay", "UWV IRO", "UWV Werkfit / Naar Werk", "UWV plaatsingsfee", "Gestaffeld", "Bouwstenen", "Arrangement", "Eigen model",
            }.Select(x => "model " + x));
        foreach (var kv in tellingen.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"{kv.Key}: {kv.Value}");
        }

        var ontbreekt = vereist.Where(v => tellingen.GetValueOrDefault(v) == 0).ToList();
        Assert.True(ontbreekt.Count == 0, "never generated: " + string.Join(", ", ontbreekt));
    }

    // ---------- each property can fail ----------

    private void VindtTegenvoorbeeld(Arbitrary<Historie> histories, Func<Historie, string?> check, string label)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(2000)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL), FSharpOption<int>.None)));
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(config, Geldt(histories, check)));
        _output.WriteLine(ex.Message);
        Assert.Contains(label, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BekostigingException", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conservation_can_fail_instalments_rounded_one_by_one() =>
        VindtTegenvoorbeeld(HistoryGenerators.Histories(), h => SettlementChecks.Behoud(KapotteAfrekenaars.TermijnenLosAfgerond, h), "[behoud]");

    [Fact]
    public void Monotonicity_can_fail_settling_only_events_up_to_the_peildatum() =>
        VindtTegenvoorbeeld(HistoryGenerators.Histories(), h => SettlementChecks.Monotoon(KapotteAfrekenaars.AlleenTotPeildatum, h), "[monotoon]");

    [Fact]
    public void Order_independence_can_fail_ordering_by_input_position() =>
        VindtTegenvoorbeeld(HistoryGenerators.Histories(), h => SettlementChecks.Volgorde(KapotteAfrekenaars.OpInvoervolgorde, h), "[volgorde]");

    [Fact]
    public void Determinism_can_fail_sorting_the_callers_list() =>
        VindtTegenvoorbeeld(HistoryGenerators.Histories(), h => SettlementChecks.Deterministisch(KapotteAfrekenaars.SorteertInvoer, h), "[deterministisch]");

    [Fact]
    public void Maximum_can_fail_ignoring_the_maximum() =>
        VindtTegenvoorbeeld(HistoryGenerators.HistoriesMetMaximum(), h => SettlementChecks.Maximum(KapotteAfrekenaars.ZonderMaximum, h), "[maximum]");

    [Fact]
    public void Maximum_over_rules_can_fail_ignoring_the_maxima_over_rules() =>
        VindtTegenvoorbeeld(HistoryGenerators.HistoriesMetMaximum(), h => SettlementChecks.Maximum(KapotteAfrekenaars.ZonderDeelmaxima, h), "[maximum]");

    [Fact]
    public void Accounting_can_fail_forgetting_withdrawn_events() =>
        VindtTegenvoorbeeld(HistoryGenerators.Histories(), h => SettlementChecks.Verantwoording(KapotteAfrekenaars.VergeetIngetrokken, h), "[verantwoording]");
}
