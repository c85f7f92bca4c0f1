using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>A built history: the events as given and the peildatum drawn with them.</summary>
internal sealed record GebouwdeHistorie(IReadOnlyList<Gebeurtenis> Gebeurtenissen, LocalDate Peildatum);

/// <summary>
/// Builds one valid history for a traject from a seed (domain.md §5, §12): Aanmelding, Start ≥ Aanmelding, Uren
/// (≤ 24 per date in total), Modules, Mijlpalen, Treden, Plaatsingen with optional ends (end ≥ begin, unique ids),
/// Verlengingen approved on or before the window's last day at that moment, at most one Uitval or Afronding, now and
/// then a Reclame in time, Intrekkingen that keep the history valid whatever else is withdrawn, and exact duplicates.
/// <para>
/// The builder of tests/Bekostiging.Tests/Settlement/HistoryGenerators.cs at commit 8af1884, frozen (see
/// <see cref="GevarieerdeHistories"/>); the only change is that histories begin in 2026–2028 instead of 2025–2027, so
/// that every traject starts within the term of the sample contract.
/// </para>
/// </summary>
internal sealed class HistorieBouwer
{
    private readonly Traject _traject;
    private readonly Random _r;
    private readonly int _size;
    private readonly List<Gebeurtenis> _events = new();
    private readonly List<LocalDate> _hot = new();
    private int _n;

    public HistorieBouwer(Traject traject, int zaad, int size)
    {
        _traject = traject;
        _r = new Random(zaad);
        _size = size;
    }

    public GebouwdeHistorie Bouw()
    {
        var basis = new LocalDate(2026, 1, 1).PlusDays(Tussen(0, 3 * 365));
        if (Kans(0.2))
        {
            basis = Kalender.EindeMaand(basis);
        }
        else if (Kans(0.03))
        {
            basis = new LocalDate(2028, 2, 29);
        }

        var aanmelding = Kans(0.9) ? Voeg(new Aanmelding(Id(), basis)) : null;
        Start? start = null;
        if (Kans(0.85))
        {
            var s = Kans(0.3) ? basis : basis.PlusDays(Tussen(1, 60));
            start = Voeg(new Start(Id(), Kans(0.2) ? Kalender.EindeMaand(s) : s));
        }

        if (aanmelding is not null && Kans(0.12))
        {
            var deadline = Begrippen.Standaard.Reclametermijn.Voltooid(aanmelding.Datum);
            Voeg(new Reclame(Id(), Kans(0.3) ? deadline : Datum(aanmelding.Datum, deadline)));
        }

        var begin = start?.Datum ?? aanmelding?.Datum ?? basis;
        LocalDate? cap = null;
        var window = begin.PlusDays(365);
        if (start is not null)
        {
            window = _traject.MaximaleDoorlooptijd.LaatsteDag(start.Datum);
            cap = _traject.Model.MaximaleDoorlooptijd?.LaatsteDag(start.Datum);
            if (cap is { } c0 && window > c0)
            {
                window = c0;
            }
        }

        Gebeurtenis? einde = null;
        if (Kans(0.5))
        {
            // Mostly within the window, sometimes on its last day or after it, now and then before the Start.
            var d = Kans(0.15) ? window : start is not null && Kans(0.05) ? begin.PlusDays(-Tussen(1, 30)) : Datum(begin, window.PlusDays(60));
            einde = Voeg(Kans(0.5) ? new Uitval(Id(), d, "uitval") : (Gebeurtenis)new Afronding(Id(), d));
        }

        if (start is not null && Kans(0.35))
        {
            var prev = Kans(0.8) ? start.Datum : (aanmelding?.Datum ?? start.Datum);
            for (var k = Tussen(1, 3); k > 0; k--)
            {
                var d = Kans(0.25) ? window : Datum(prev, window);
                var periode = Kans(0.6) ? Duur.Maanden(Tussen(1, 6)) : Kans(0.5) ? Duur.Weken(Tussen(1, 12)) : Duur.Dagen(Tussen(1, 90));
                Voeg(new Verlenging(Id(), d, periode));
                if (einde is null || d <= einde.Datum)
                {
                    window = periode.Verleng(window);
                    if (cap is { } c && window > c)
                    {
                        window = c;
                    }
                }

                prev = d;
            }
        }

        var laatste = einde is not null && einde.Datum < window ? einde.Datum : window;
        var van = begin.PlusDays(-14);
        var tot = laatste.PlusDays(45);
        _hot.Add(begin);
        _hot.Add(laatste);
        _hot.Add(laatste.PlusDays(1));
        _hot.Add(Datum(van, tot));
        _hot.Add(Datum(van, tot));

        var schaal = 1 + (_size / 8);
        var urenPerDag = new Dictionary<LocalDate, decimal>();
        for (var k = Tussen(0, 2 * schaal); k > 0; k--)
        {
            var d = Dag(van, tot);
            urenPerDag.TryGetValue(d, out var sum);
            var uren = Kans(0.1) ? 24m : Tussen(1, 40) * 0.25m;
            uren = Math.Min(uren, 24m - sum);
            if (uren > 0m)
            {
                urenPerDag[d] = sum + uren;
                Voeg(new Uren(Id(), d, uren));
            }
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Module(Id(), Dag(van, tot), Kies(Generatoren.ModuleCodes)));
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Mijlpaal(Id(), Dag(van, tot), Kies(Generatoren.MijlpaalSoorten)));
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Trede(Id(), Dag(van, tot), Tussen(1, 6)));
        }

        var plaatsingen = Tussen(0, Math.Min(5, 1 + (_size / 20)));
        for (var k = 1; k <= plaatsingen; k++)
        {
            var p = Voeg(NieuwePlaatsing(Dag(van, tot.PlusDays(60)), Kans(0.5) ? null : "P" + k.ToString(CultureInfo.InvariantCulture)));
            if (Kans(0.6))
            {
                Voeg(Einde(p));
            }
        }

        if (Kans(0.3))
        {
            Intrekkingen(Tussen(1, 4));
        }

        var invoer = new List<Gebeurtenis>(_events);
        if (_events.Count > 0 && Kans(0.15))
        {
            for (var k = Tussen(1, 3); k > 0; k--)
            {
                var e = Kies(_events);
                invoer.Insert(_r.Next(invoer.Count + 1), Kans(0.5) ? e : e with { });
            }
        }

        var t1 = Peildatum(basis, tot);
        var t2 = Kans(0.15) ? t1 : Peildatum(basis, tot);
        if (t2 < t1)
        {
            (t1, t2) = (t2, t1);
        }

        return new GebouwdeHistorie(invoer, t1);
    }

    // ---------- intrekkingen ----------

    /// <summary>
    /// Withdrawals that keep the history valid in every combination: an event whose withdrawal and restoration are
    /// both harmless ("toggle-safe") may get an Intrekking that may itself be withdrawn (chains); a plaatsing with its
    /// end, or an Uitval/Afronding, may be corrected by permanent Intrekkingen plus a new event.
    /// </summary>
    private void Intrekkingen(int aantal)
    {
        var targeted = new HashSet<string>(StringComparer.Ordinal);
        var permanent = new HashSet<string>(StringComparer.Ordinal);
        var toggle = new List<Intrekking>();

        bool OpenEinden(Plaatsing p) => _events.OfType<PlaatsingEinde>().Any(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id));
        bool ToggleSafe(Gebeurtenis e) => e switch
        {
            Uren or Module or Mijlpaal or Trede or Start or Reclame or Uitval or Afronding or PlaatsingEinde => true,
            Aanmelding => !_events.OfType<Reclame>().Any(),
            Verlenging v => v.Datum == _events.OfType<Verlenging>().Max(x => x.Datum),
            Plaatsing p => !OpenEinden(p),
            _ => false,
        };

        Intrekking Trek(Gebeurtenis doel, bool toggleSafe)
        {
            var i = Voeg(new Intrekking(Id(), doel.Datum.PlusDays(Tussen(0, 90)), doel.Id));
            targeted.Add(doel.Id);
            if (toggleSafe)
            {
                toggle.Add(i);
            }
            else
            {
                permanent.Add(doel.Id);
            }

            return i;
        }

        for (var k = 0; k < aantal; k++)
        {
            switch (Tussen(0, 3))
            {
                case 0:
                {
                    var kandidaten = _events.Where(e => !targeted.Contains(e.Id) && ToggleSafe(e)).ToList();
                    if (kandidaten.Count > 0)
                    {
                        Trek(Kies(kandidaten), true);
                    }

                    break;
                }

                case 1:
                {
                    // A plaatsing reported in error: withdraw it and its end, maybe report a corrected one under the same id.
                    var kandidaten = _events.OfType<Plaatsing>()
                        .Where(p => !targeted.Contains(p.Id) && !_events.OfType<PlaatsingEinde>().Any(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id) && targeted.Contains(pe.Id)))
                        .ToList();
                    if (kandidaten.Count == 0)
                    {
                        break;
                    }

                    var p = Kies(kandidaten);
                    foreach (var pe in _events.OfType<PlaatsingEinde>().Where(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id)).ToList())
                    {
                        Trek(pe, false);
                    }

                    Trek(p, false);
                    if (Kans(0.25))
                    {
                        // The plaatsing alone is withdrawn and its ends stay reported: they end nothing (domain.md §12).
                        foreach (var pe in _events.OfType<PlaatsingEinde>().Where(pe => pe.PlaatsingId == p.Sleutel && permanent.Contains(pe.Id)).ToList())
                        {
                            Voeg(pe with { Id = Id() });
                        }
                    }
                    else if (Kans(0.6))
                    {
                        var nieuw = Voeg(NieuwePlaatsing(p.Datum.PlusDays(Tussen(-10, 10)), p.Sleutel));
                        if (Kans(0.5))
                        {
                            Voeg(Einde(nieuw));
                        }
                    }

                    break;
                }

                case 2:
                {
                    // An end reported in error: withdraw it and report another end, not earlier.
                    var kandidaten = _events.Where(e => e is Uitval or Afronding && !targeted.Contains(e.Id)).ToList();
                    if (kandidaten.Count == 0)
                    {
                        break;
                    }

                    var oud = Kies(kandidaten);
                    Trek(oud, false);
                    var d = oud.Datum.PlusDays(Tussen(0, 60));
                    Voeg(Kans(0.5) ? new Uitval(Id(), d, "gecorrigeerd") : (Gebeurtenis)new Afronding(Id(), d));
                    break;
                }

                default:
                {
                    var kandidaten = toggle.Where(i => !targeted.Contains(i.Id)).ToList();
                    if (kandidaten.Count > 0)
                    {
                        Trek(Kies(kandidaten), true);
                    }

                    break;
                }
            }
        }
    }

    // ---------- helpers ----------

    private Plaatsing NieuwePlaatsing(LocalDate begin, string? plaatsingId) => new(
        Id(),
        begin,
        Kies(Generatoren.AlleTypes),
        Kies(new[] { 4m, 8m, 11.5m, 12m, 16m, 20m, 24m, 31.75m, 32m, 36m, 40m, 168m }),
        Kans(0.5) ? null : Tussen(1, 24),
        plaatsingId);

    /// <summary>An end of the plaatsing: anywhere, or right around a durability boundary (months, 26 weeks, 182 days).</summary>
    private PlaatsingEinde Einde(Plaatsing p)
    {
        LocalDate d;
        if (Kans(0.5))
        {
            d = p.Datum.PlusDays(Tussen(0, 500));
        }
        else
        {
            var grens = Kans(0.7) ? Duur.Maanden(Kies(new[] { 1, 2, 3, 6, 12 })) : Kans(0.5) ? Duur.Weken(26) : Duur.Dagen(182);
            d = grens.LaatsteDag(p.Datum).PlusDays(Tussen(-1, 1));
            if (d < p.Datum)
            {
                d = p.Datum;
            }
        }

        return new PlaatsingEinde(Id(), d, p.Sleutel);
    }

    private LocalDate Peildatum(LocalDate basis, LocalDate tot)
    {
        if (Kans(0.4) && _events.Count > 0)
        {
            return Kies(_events).Datum.PlusDays(Tussen(-1, 1));
        }

        return Datum(basis.PlusDays(-30), tot.PlusDays(800));
    }

    private T Voeg<T>(T e)
        where T : Gebeurtenis
    {
        // Verlengingen keep sequence 0 so that the engine's order (date, sequence, id) is the order they were
        // generated in: with month-end clamping, two verlengingen of one date give different windows in either order.
        var v = e is not Verlenging && Kans(0.15) ? (T)((Gebeurtenis)e with { Volgnummer = Tussen(1, 3) }) : e;
        _events.Add(v);
        return v;
    }

    private string Id() => "E" + (++_n).ToString("000", CultureInfo.InvariantCulture);

    private bool Kans(double p) => _r.NextDouble() < p;

    private int Tussen(int lo, int hi) => _r.Next(lo, hi + 1);

    private T Kies<T>(IReadOnlyList<T> xs) => xs[_r.Next(xs.Count)];

    private LocalDate Datum(LocalDate van, LocalDate tot) => tot <= van ? van : van.PlusDays(_r.Next(0, Period.DaysBetween(van, tot) + 1));

    /// <summary>A date in [van, tot], a third of the time one of a few shared dates so that events meet on one day.</summary>
    private LocalDate Dag(LocalDate van, LocalDate tot) => Kans(0.33) ? Kies(_hot) : Datum(van, tot);
}
