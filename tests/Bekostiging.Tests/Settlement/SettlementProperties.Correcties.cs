using System;
using System.Collections.Generic;
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

/// <summary>
/// Properties for issue 14 over the existing generators: the end of a withdrawn plaatsing (point 1), treden before the
/// Start (point 2) and complete accounting (point 4). Each has a <c>…_can_fail</c> twin that runs the same check
/// against a settler with the old or a plausible wrong behaviour and requires FsCheck to find a counter-example.
/// </summary>
public class CorrectieProperties
{
    private readonly ITestOutputHelper _output;

    public CorrectieProperties(ITestOutputHelper output) => _output = output;

    // ---------- point 1: the end of a withdrawn plaatsing ----------

    /// <summary>
    /// Withdrawing a plaatsing but not its ends settles like withdrawing both (the same lines, keys, amounts and due
    /// dates), and each remaining end is listed as not payable because its plaatsing was withdrawn.
    /// </summary>
    public static string? IngetrokkenPlaatsing(Afrekenaar settle, Historie h)
    {
        var actief = h.Actief();
        var ids = new HashSet<string>(h.Ids, StringComparer.Ordinal);
        foreach (var p in actief.OfType<Plaatsing>())
        {
            // Only when no other active plaatsing has the id (then the end would end that one).
            if (actief.OfType<Plaatsing>().Count(x => x.Sleutel == p.Sleutel) != 1)
            {
                continue;
            }

            var einden = actief.OfType<PlaatsingEinde>().Where(e => e.PlaatsingId == p.Sleutel).ToList();
            if (einden.Count == 0)
            {
                continue;
            }

            var n = 0;
            string Nieuw()
            {
                string id;
                do
                {
                    id = "X" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                while (ids.Contains(id));
                return id;
            }

            var alleen = h.Gebeurtenissen.Append(new Intrekking(Nieuw(), p.Datum, p.Id)).ToList();
            var beide = alleen.Concat(einden.Select(e => new Intrekking(Nieuw(), e.Datum, e.Id))).ToList();
            Afrekening a;
            try
            {
                a = settle(h.Traject, alleen, h.LatereDatum);
            }
            catch (BekostigingException ex)
            {
                return $"[ingetrokken plaatsing] withdrawing plaatsing {p.Id} but not its end {einden[0].Id} is refused: {ex.Code}";
            }

            var b = settle(h.Traject, beide, h.LatereDatum);
            var la = string.Join("; ", a.AlleRegels.Select(r => $"{r.Sleutel} {r.Vervaldatum} {r.Bedrag}"));
            var lb = string.Join("; ", b.AlleRegels.Select(r => $"{r.Sleutel} {r.Vervaldatum} {r.Bedrag}"));
            if (la != lb)
            {
                return $"[ingetrokken plaatsing] withdrawing plaatsing {p.Id} alone gives [{la}], withdrawing it with its ends [{lb}]";
            }

            if (a.Status != b.Status)
            {
                return $"[ingetrokken plaatsing] status {a.Status} vs {b.Status}";
            }

            foreach (var e in einden)
            {
                // A reclame voids everything: then that is the reason (domain.md §12).
                var reden = actief.Any(x => x is Reclame) ? Reden.Gereclameerd : Reden.PlaatsingIngetrokken;
                if (!a.NietBetaalbaarItems.Any(x => x.GebeurtenisId == e.Id && x.Reden == reden))
                {
                    return $"[ingetrokken plaatsing] end {e.Id} of withdrawn plaatsing {p.Id} is not listed as PlaatsingIngetrokken";
                }
            }
        }

        return null;
    }

    [Property(MaxTest = 2000)]
    public Property The_end_of_a_withdrawn_plaatsing_is_not_payable_and_changes_nothing() =>
        SettlementProperties.Geldt(HistoryGenerators.Histories(), h => IngetrokkenPlaatsing(SettlementChecks.Engine, h));

    /// <summary>The old engine: an end whose plaatsing is not active is an unknown plaatsing.</summary>
    private static Afrekening OudeEinden(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var actief = new Historie(t, e, p, p, 0).Actief();
        if (actief.OfType<PlaatsingEinde>().FirstOrDefault(pe => !actief.OfType<Plaatsing>().Any(x => x.Sleutel == pe.PlaatsingId)) is { } wees)
        {
            throw new BekostigingException(FoutCode.OnbekendePlaatsing, "unknown plaatsing", t.Id, wees.Id);
        }

        return SettlementChecks.Engine(t, e, p);
    }

    [Fact]
    public void Withdrawn_plaatsing_property_can_fail_refusing_the_orphaned_end() =>
        VindtTegenvoorbeeld(h => IngetrokkenPlaatsing(OudeEinden, h), "[ingetrokken plaatsing]");

    // ---------- point 2: treden before the Start ----------

    /// <summary>
    /// The lines of every PerTrede rule, worked out here from domain.md §12: the baseline is the highest of the rung at
    /// start and the treden before the Start; in the active period, in (date, sequence, id) order, a Trede above the
    /// highest so far pays (rung − highest) × amount (without any baseline the first Trede is the baseline).
    /// Checked without maxima and without reclame (both change the lines on purpose).
    /// </summary>
    public static string? Treden(Afrekenaar settle, Historie h)
    {
        var regels = h.Model.Regels.OfType<PerTrede>().ToList();
        var actief = h.Actief();
        var start = actief.OfType<Start>().SingleOrDefault();
        if (regels.Count == 0 || start is null || actief.Any(e => e is Reclame))
        {
            return null;
        }

        var traject = h.Traject with { Model = h.Model with { Maximum = null, Deelmaxima = ValueList<Deelmaximum>.Empty } };
        var einde = actief.SingleOrDefault(e => e is Uitval or Afronding);
        var venster = SettlementChecks.Venster(h, start, actief, einde);
        var laatste = einde is not null && einde.Datum < venster ? einde.Datum : venster;
        var treden = actief.OfType<Trede>().OrderBy(t => t.Datum).ThenBy(t => t.Volgnummer).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        int? hoogste = h.Traject.StartTrede;
        foreach (var t in treden.Where(t => t.Datum < start.Datum))
        {
            hoogste = hoogste is null || t.Niveau > hoogste ? t.Niveau : hoogste;
        }

        var verwacht = new List<string>();
        foreach (var t in treden.Where(t => t.Datum >= start.Datum && t.Datum <= laatste))
        {
            if (hoogste is null)
            {
                hoogste = t.Niveau;
                continue;
            }

            if (t.Niveau > hoogste)
            {
                foreach (var r in regels)
                {
                    var bedrag = r.BedragPerTrede * (t.Niveau - hoogste.Value);
                    if (!bedrag.IsNul)
                    {
                        verwacht.Add($"{r.Code}/{t.Id} {t.Datum} {bedrag}");
                    }
                }

                hoogste = t.Niveau;
            }
        }

        var codes = regels.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var a = settle(traject, h.Gebeurtenissen, h.LatereDatum);
        var feitelijk = a.AlleRegels.Where(l => codes.Contains(l.RegelCode)).Select(l => $"{l.Sleutel} {l.Vervaldatum} {l.Bedrag}").ToList();
        return verwacht.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(feitelijk.OrderBy(x => x, StringComparer.Ordinal))
            ? null
            : $"[treden] expected [{string.Join("; ", verwacht)}], got [{string.Join("; ", feitelijk)}]";
    }

    [Property(MaxTest = 3000)]
    public Property Treden_before_the_start_set_the_baseline_and_pay_nothing() =>
        SettlementProperties.Geldt(HistoryGenerators.Histories(), h => Treden(SettlementChecks.Engine, h));

    /// <summary>The old engine: treden before the Start ignored (dropped from the events).</summary>
    private static Afrekening ZonderIntake(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var start = new Historie(t, e, p, p, 0).Actief().OfType<Start>().SingleOrDefault();
        var zonder = e.Where(x => !(x is Trede && start is not null && x.Datum < start.Datum)).ToList();
        var doelen = zonder.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        return SettlementChecks.Engine(t, zonder.Where(x => x is not Intrekking i || doelen.Contains(i.DoelId)).ToList(), p);
    }

    [Fact]
    public void Treden_property_can_fail_ignoring_treden_before_the_start() =>
        VindtTegenvoorbeeld(h => Treden(ZonderIntake, h), "[treden]");

    // ---------- point 4: complete accounting ----------

    /// <summary>
    /// Every event is accounted for exactly once (property 6 of <see cref="SettlementChecks.Verantwoording"/>), and the
    /// not-payable list does not contradict the lines: an event that is a source of a line of rule c is not listed as
    /// not payable for rule c, except for the part a cap cut off (hours or modules beyond a maximum, a line reduced by a
    /// maximum), a €0.00 part of the same rule, or a staircase step it missed; and "no fee in this model" is never the
    /// reason for a plaatsing under a model that pays on plaatsingen, nor for a plaatsing's end under a model that pays results.
    /// </summary>
    public static string? Boekhouding(Afrekenaar settle, Historie h)
    {
        if (SettlementChecks.Verantwoording(settle, h) is { } fout)
        {
            return fout;
        }

        var a = settle(h.Traject, h.Gebeurtenissen, h.Peildatum);
        var traps = h.Model.Regels.OfType<Trap>().Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var n in a.NietBetaalbaarItems.Where(n => n.RegelCode is not null))
        {
            // A zero part of the same rule (domain.md §12: no €0.00 lines, their events listed) is no contradiction either.
            var gedeeltelijk = n.Reden is Reden.BovenMaximumEenheden or Reden.BovenMaximumTraject or Reden.BovenMaximumRegels or Reden.NulBedrag
                || (n.Reden == Reden.NietDuurzaam && traps.Contains(n.RegelCode!));
            if (!gedeeltelijk && a.AlleRegels.FirstOrDefault(l => l.RegelCode == n.RegelCode && l.Bronnen.Contains(n.GebeurtenisId)) is { } regel)
            {
                return $"[boekhouding] event {n.GebeurtenisId} earns line {regel.Sleutel} and is also listed as not payable for rule {n.RegelCode} ({n.Reden}: {n.Toelichting})";
            }
        }

        var betaaltOpPlaatsing = !h.Gebeurtenissen.Any(e => e is Reclame) && h.Model.Regels.Any(r => r is BijResultaat or Trap
            || r is Eenmalig { Aanleiding: Aanleiding.EerstePlaatsing } || (r is Prijsdelen pd && pd.Delen.Any(d => d.Aanleiding == Aanleiding.EerstePlaatsing)));
        if (betaaltOpPlaatsing && a.Verantwoording.FirstOrDefault(v => v.Verwijzing == nameof(Reden.GeenVergoeding)
                && h.Gebeurtenissen.Any(e => e.Id == v.GebeurtenisId && e is Plaatsing)) is { } v)
        {
            return $"[boekhouding] plaatsing {v.GebeurtenisId} is listed as 'no fee in this model' under a model that pays on plaatsingen";
        }

        // The end of a plaatsing that earns no result earns nothing either, for the same reason as its plaatsing.
        var betaaltResultaat = !h.Gebeurtenissen.Any(e => e is Reclame) && h.Model.Regels.Any(r => r is BijResultaat or Trap);
        if (betaaltResultaat && a.Verantwoording.FirstOrDefault(v => v.Verwijzing == nameof(Reden.GeenVergoeding)
                && h.Gebeurtenissen.Any(e => e.Id == v.GebeurtenisId && e is PlaatsingEinde)) is { } ve)
        {
            return $"[boekhouding] plaatsingEinde {ve.GebeurtenisId} is listed as 'no fee in this model' under a model that pays results";
        }

        return null;
    }

    [Property(MaxTest = 5000)]
    public Property Every_event_is_accounted_for_exactly_once_without_contradiction() =>
        SettlementProperties.Geldt(HistoryGenerators.Histories(), h => Boekhouding(SettlementChecks.Engine, h));

    /// <summary>A plausible bug: every source of a line also listed as not payable for the line's rule.</summary>
    private static Afrekening DubbelGeboekt(Traject t, IReadOnlyList<Gebeurtenis> e, LocalDate p)
    {
        var a = SettlementChecks.Engine(t, e, p);
        var extra = a.AlleRegels.SelectMany(l => l.Bronnen.Select(id => new NietBetaalbaar(id, Reden.ResultaatAlBetaald, "listed twice", l.RegelCode)));
        return a with { NietBetaalbaarItems = a.NietBetaalbaarItems.Concat(extra).ToValueList() };
    }

    [Fact]
    public void Accounting_property_can_fail_listing_earning_events_as_not_payable() =>
        VindtTegenvoorbeeld(h => Boekhouding(DubbelGeboekt, h), "[boekhouding]");

    private void VindtTegenvoorbeeld(Func<Historie, string?> check, string label)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(3000)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL), FSharpOption<int>.None)));
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(config, SettlementProperties.Geldt(HistoryGenerators.Histories(), check)));
        _output.WriteLine(ex.Message);
        Assert.Contains(label, ex.Message, StringComparison.Ordinal);
    }
}
