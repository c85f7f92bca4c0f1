using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>A line before the maximum is applied and the peildatum splits due from pending.</summary>
internal sealed class Kandidaat
{
    public required string Sleutel { get; init; }

    public required string RegelCode { get; init; }

    public required int RegelIndex { get; init; }

    public required LocalDate Vervaldatum { get; init; }

    public required Grondslag Grondslag { get; set; }

    public required Bedrag Bedrag { get; set; }

    public required string[] Bronnen { get; init; }

    public required string Omschrijving { get; init; }

    public string? Voorwaarde { get; init; }
}

/// <summary>The rules of domain.md §7 and §12 applied to one validated timeline.</summary>
internal sealed partial class TrajectBerekening
{
    private readonly Tijdlijn _t;
    private readonly ITariefregeling _tarieven;
    private readonly List<Kandidaat> _regels = new();
    private readonly List<NietBetaalbaar> _nietBetaalbaar = new();

    public TrajectBerekening(Tijdlijn tijdlijn, ITariefregeling tarieven)
    {
        _t = tijdlijn;
        _tarieven = tarieven;
    }

    private Bekostigingsmodel Model => _t.Traject.Model;

    public Afrekening Bereken(LocalDate peildatum)
    {
        if (_t.Reclame is not null)
        {
            Gereclameerd();
            ApplyMaximum();
        }
        else
        {
            for (var i = 0; i < Model.Regels.Count; i++)
            {
                switch (Model.Regels[i])
                {
                    case Eenmalig r: Eenmalig(r, i); break;
                    case PerEenheid r: PerEenheid(r, i); break;
                    case PerModule r: PerModule(r, i); break;
                    case PerPeriode r: PerPeriode(r, i); break;
                    case Termijnen r: Termijnen(r, i); break;
                    case BijResultaat r: BijResultaat(r, i); break;
                    case Trap r: Trap(r, i); break;
                    case PerTrede r: PerTrede(r, i); break;
                    case Verlengingstarief r: Verlengingstarief(r, i); break;
                    default: throw new InvalidOperationException($"Unknown rule type {Model.Regels[i].GetType().Name}.");
                }
            }

            foreach (var v in _t.VerlengingenNaEinde)
            {
                NotPayable(v, Reden.VerlengingNaEinde, $"approved on {Tekst.Datum(v.Datum)}, after the traject ended on {Tekst.Datum(_t.Einde!.Datum)}; it extends nothing.", null);
            }

            ApplyMaximum();
        }

        return Assemble(peildatum);
    }

    // ---------- helpers ----------

    private Bedrag TrajectTarief(Bedrag basis) => _tarieven.Tarief(basis, _t.TariefDatum);

    private Bedrag DagTarief(Bedrag basis, LocalDate datum) => _tarieven.Tarief(basis, datum);

    private void NotPayable(Gebeurtenis e, Reden reden, string toelichting, string? regel)
        => _nietBetaalbaar.Add(new NietBetaalbaar(e.Id, reden, toelichting, regel));

    private void Add(Kandidaat k, Gebeurtenis? bron)
    {
        if (k.Bedrag.IsNul)
        {
            foreach (var id in k.Bronnen)
            {
                _nietBetaalbaar.Add(new NietBetaalbaar(id, Reden.NulBedrag, $"{k.Omschrijving}: the amount is € 0,00, so no line is made.", k.RegelCode));
            }

            return;
        }

        _ = bron;
        _regels.Add(k);
    }

    /// <summary>Where an event lies relative to the active period, for rules tied to work or milestones.</summary>
    private bool OutsideActivePeriod(Gebeurtenis e, string regel)
    {
        if (_t.Start is null)
        {
            NotPayable(e, Reden.GeenStart, "the traject has no Start, so there is no active period.", regel);
            return true;
        }

        if (e.Datum < _t.Start.Datum)
        {
            NotPayable(e, Reden.VoorStart, $"dated {Tekst.Datum(e.Datum)}, before the Start on {Tekst.Datum(_t.Start.Datum)}.", regel);
            return true;
        }

        if (e.Datum > _t.LaatsteActieveDag)
        {
            NotPayable(e, Reden.NaActievePeriode, $"dated {Tekst.Datum(e.Datum)}, after the last active day {Tekst.Datum(_t.LaatsteActieveDag)}{EindeUitleg()}.", regel);
            return true;
        }

        return false;
    }

    private string EindeUitleg()
    {
        if (_t.Einde is not null && _t.Einde.Datum == _t.LaatsteActieveDag)
        {
            return $" ({_t.Einde.Soort} {_t.Einde.Id})";
        }

        return " (end of the window)";
    }

    private static Grondslag Stuk(Bedrag bedrag, string omschrijving) => new(1m, bedrag, omschrijving);

    // ---------- reclame ----------

    private void Gereclameerd()
    {
        var reclame = _t.Reclame!;
        for (var i = 0; i < Model.Regels.Count; i++)
        {
            if (Model.Regels[i] is Eenmalig { Aanleiding: Aanleiding.Reclame } r)
            {
                var bedrag = TrajectTarief(r.Bedrag);
                Add(
                    new Kandidaat
                    {
                        Sleutel = r.Code,
                        RegelCode = r.Code,
                        RegelIndex = i,
                        Vervaldatum = reclame.Datum,
                        Grondslag = Stuk(bedrag, "reclamevergoeding"),
                        Bedrag = bedrag,
                        Bronnen = new[] { reclame.Id },
                        Omschrijving = $"{r.Code}: fee for the reclame of {Tekst.Datum(reclame.Datum)}",
                    },
                    reclame);
            }
        }

        foreach (var e in _t.Actief)
        {
            if (e != reclame)
            {
                NotPayable(e, Reden.Gereclameerd, $"the traject is void by the reclame of {Tekst.Datum(reclame.Datum)} (event {reclame.Id}).", null);
            }
        }
    }

    // ---------- Eenmalig ----------

    private void Eenmalig(Eenmalig r, int index)
    {
        Gebeurtenis? trigger = null;
        switch (r.Aanleiding)
        {
            case Aanleiding.Aanmelding:
                trigger = _t.Aanmelding;
                break;
            case Aanleiding.Reclame:
                return; // only in a gereclameerd traject, handled there
            case Aanleiding.Start:
                trigger = _t.Start;
                break;
            case Aanleiding.Afronding or Aanleiding.Uitval:
                var end = _t.Einde;
                if (end is null || (r.Aanleiding == Aanleiding.Afronding ? end is not Afronding : end is not Uitval))
                {
                    return;
                }

                if (!OutsideActivePeriod(end, r.Code))
                {
                    trigger = end;
                }

                break;
            case Aanleiding.EerstePlaatsing:
                trigger = FirstInActivePeriod(_t.Plaatsingen.Select(p => (Gebeurtenis)p.Plaatsing), r.Code);
                break;
            case Aanleiding.Mijlpaal:
                trigger = FirstInActivePeriod(_t.Actief.OfType<Mijlpaal>().Where(m => m.MijlpaalSoort == r.Mijlpaal), r.Code);
                break;
        }

        if (trigger is null)
        {
            return;
        }

        var bedrag = TrajectTarief(r.Bedrag);
        var wat = r.Aanleiding == Aanleiding.Mijlpaal ? $"mijlpaal {r.Mijlpaal}" : r.Aanleiding.ToString().ToLowerInvariant();
        Add(
            new Kandidaat
            {
                Sleutel = r.Code,
                RegelCode = r.Code,
                RegelIndex = index,
                Vervaldatum = trigger.Datum,
                Grondslag = Stuk(bedrag, $"one-off fee at {wat}"),
                Bedrag = bedrag,
                Bronnen = new[] { trigger.Id },
                Omschrijving = $"{r.Code}: one-off fee at {wat} ({trigger.Id}, {Tekst.Datum(trigger.Datum)})",
            },
            trigger);
    }

    private Gebeurtenis? FirstInActivePeriod(IEnumerable<Gebeurtenis> candidates, string regel)
    {
        Gebeurtenis? first = null;
        foreach (var e in candidates)
        {
            if (OutsideActivePeriod(e, regel))
            {
                continue;
            }

            if (first is null)
            {
                first = e;
            }
            else
            {
                NotPayable(e, Reden.AlBetaald, $"the fee of rule {regel} is paid once, already for event {first.Id}.", regel);
            }
        }

        return first;
    }

    // ---------- PerEenheid (hours) ----------

    private void PerEenheid(PerEenheid r, int index)
    {
        var used = 0m;
        foreach (var e in _t.Actief)
        {
            if (e is not Uren u || OutsideActivePeriod(u, r.Code))
            {
                continue;
            }

            var hours = u.Aantal;
            if (r.MaximumUren is { } max)
            {
                var left = max - used;
                if (left <= 0m)
                {
                    NotPayable(u, Reden.BovenMaximumEenheden, $"{Tekst.Getal(u.Aantal)} hours beyond the maximum of {Tekst.Getal(max)} hours.", r.Code);
                    continue;
                }

                if (hours > left)
                {
                    NotPayable(u, Reden.BovenMaximumEenheden, $"{Tekst.Getal(hours - left)} of {Tekst.Getal(u.Aantal)} hours beyond the maximum of {Tekst.Getal(max)} hours.", r.Code);
                    hours = left;
                }
            }

            used += hours;
            var tarief = DagTarief(r.Tarief, u.Datum);
            Add(
                new Kandidaat
                {
                    Sleutel = r.Code + "/" + u.Id,
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = u.Datum,
                    Grondslag = new Grondslag(hours, tarief, $"{Tekst.Getal(hours)} uur × {tarief}"),
                    Bedrag = tarief * hours,
                    Bronnen = new[] { u.Id },
                    Omschrijving = $"{r.Code}: {Tekst.Getal(hours)} hours on {Tekst.Datum(u.Datum)}",
                },
                u);
        }
    }

    // ---------- PerModule ----------

    private void PerModule(PerModule r, int index)
    {
        var count = 0;
        foreach (var e in _t.Actief)
        {
            if (e is not Module m || OutsideActivePeriod(m, r.Code))
            {
                continue;
            }

            if (r.PrijsVan(m.ModuleCode) is not { } prijs)
            {
                NotPayable(m, Reden.OnbekendeModule, $"module {m.ModuleCode} has no price in rule {r.Code}.", r.Code);
                continue;
            }

            if (r.MaximumAantal is { } max && count >= max)
            {
                NotPayable(m, Reden.BovenMaximumEenheden, $"beyond the maximum of {max} modules.", r.Code);
                continue;
            }

            count++;
            var tarief = DagTarief(prijs, m.Datum);
            Add(
                new Kandidaat
                {
                    Sleutel = r.Code + "/" + m.Id,
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = m.Datum,
                    Grondslag = new Grondslag(1m, tarief, $"module {m.ModuleCode}"),
                    Bedrag = tarief,
                    Bronnen = new[] { m.Id },
                    Omschrijving = $"{r.Code}: module {m.ModuleCode} on {Tekst.Datum(m.Datum)}",
                },
                m);
        }
    }

    // ---------- PerPeriode ----------

    private void PerPeriode(PerPeriode r, int index)
    {
        if (_t.Start is null)
        {
            return;
        }

        var begin = _t.Start.Datum;
        var last = _t.LaatsteActieveDag;
        var month = new LocalDate(begin.Year, begin.Month, 1);
        while (month <= last)
        {
            var monthEnd = Kalender.EindeMaand(month);
            var from = begin > month ? begin : month;
            var to = last < monthEnd ? last : monthEnd;
            if (from <= to)
            {
                var days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
                var inMonth = monthEnd.Day;
                var tarief = DagTarief(r.TariefPerMaand, to);
                var fraction = (decimal)days / inMonth;
                var endsHere = _t.Einde is not null && _t.Einde.Datum == to && to == last;
                var bronnen = endsHere ? new[] { _t.Start.Id, _t.Einde!.Id } : new[] { _t.Start.Id };
                Add(
                    new Kandidaat
                    {
                        Sleutel = r.Code + "/" + Tekst.Maand(month),
                        RegelCode = r.Code,
                        RegelIndex = index,
                        Vervaldatum = to,
                        Grondslag = days == inMonth
                            ? new Grondslag(1m, tarief, $"1 maand × {tarief}")
                            : new Grondslag(fraction, tarief, $"{days}/{inMonth} × {tarief}"),
                        Bedrag = days == inMonth ? tarief : Bedrag.Afgerond(tarief.Euros * days / inMonth),
                        Bronnen = bronnen,
                        Omschrijving = $"{r.Code}: {Tekst.Maand(month)}, {days} of {inMonth} days active",
                        Voorwaarde = _t.Einde is null ? $"if the traject is still active on {Tekst.Datum(to)}" : null,
                    },
                    _t.Start);
            }

            month = month.PlusMonths(1);
        }
    }

    // ---------- Termijnen ----------

    private void Termijnen(Termijnen r, int index)
    {
        if (_t.Start is null)
        {
            return;
        }

        var start = _t.Start;
        var prijs = TrajectTarief(r.Prijs);
        var delen = Verdeling.InGelijkeDelen(prijs, r.Aantal);
        LocalDate? cutoff = _t.Einde?.Datum;
        var alreadyDue = Bedrag.Nul;
        for (var i = 0; i < r.Aantal; i++)
        {
            var due = r.Interval.Na(start.Datum, i);
            if (cutoff is { } c && due > c)
            {
                break;
            }

            alreadyDue += delen[i];
            Add(
                new Kandidaat
                {
                    Sleutel = r.Code + "/" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = due,
                    Grondslag = new Grondslag(1m, delen[i], r.Aantal == 1 ? $"{prijs}" : $"termijn {i + 1} van {r.Aantal} van {prijs}"),
                    Bedrag = delen[i],
                    Bronnen = new[] { start.Id },
                    Omschrijving = r.Aantal == 1 ? $"{r.Code}: price at start" : $"{r.Code}: instalment {i + 1} of {r.Aantal}",
                    Voorwaarde = _t.Einde is null && i > 0 ? $"if the traject has not ended (uitval/afronding) before {Tekst.Datum(due)}" : null,
                },
                start);
        }

        if (r.ProRataBijUitval && _t.Einde is Uitval uitval)
        {
            var last = _t.LaatsteActieveDag;
            var activeDays = Period.Between(start.Datum, last, PeriodUnits.Days).Days + 1;
            var windowDays = Period.Between(start.Datum, _t.VensterEinde, PeriodUnits.Days).Days + 1;
            var proRata = Bedrag.Afgerond(prijs.Euros * activeDays / windowDays);
            var rest = proRata - alreadyDue;
            if (rest > Bedrag.Nul)
            {
                Add(
                    new Kandidaat
                    {
                        Sleutel = r.Code + "/prorata",
                        RegelCode = r.Code,
                        RegelIndex = index,
                        Vervaldatum = uitval.Datum,
                        Grondslag = new Grondslag((decimal)activeDays / windowDays, prijs, $"{activeDays}/{windowDays} dagen × {prijs} = {proRata}, min {alreadyDue} al vervallen"),
                        Bedrag = rest,
                        Bronnen = new[] { start.Id, uitval.Id },
                        Omschrijving = $"{r.Code}: pro rata settlement on uitval ({activeDays} of {windowDays} days)",
                    },
                    uitval);
            }
        }
    }

    // ---------- PerTrede ----------

    private void PerTrede(PerTrede r, int index)
    {
        int? highest = _t.Traject.StartTrede;
        foreach (var e in _t.Actief)
        {
            if (e is not Trede tr || OutsideActivePeriod(tr, r.Code))
            {
                continue;
            }

            if (highest is null)
            {
                highest = tr.Niveau;
                NotPayable(tr, Reden.GeenHogereTrede, $"rung {tr.Niveau} is the baseline (no rung at start).", r.Code);
                continue;
            }

            if (tr.Niveau <= highest)
            {
                NotPayable(tr, Reden.GeenHogereTrede, $"rung {tr.Niveau} is not above the highest so far ({highest}).", r.Code);
                continue;
            }

            var climbed = tr.Niveau - highest.Value;
            var bedrag = TrajectTarief(r.BedragPerTrede);
            Add(
                new Kandidaat
                {
                    Sleutel = r.Code + "/" + tr.Id,
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = tr.Datum,
                    Grondslag = new Grondslag(climbed, bedrag, $"{climbed} trede(n) × {bedrag}"),
                    Bedrag = bedrag * climbed,
                    Bronnen = new[] { tr.Id },
                    Omschrijving = $"{r.Code}: from rung {highest} to {tr.Niveau}",
                },
                tr);
            highest = tr.Niveau;
        }
    }

    // ---------- Verlengingstarief ----------

    private void Verlengingstarief(Verlengingstarief r, int index)
    {
        foreach (var (v, nieuwEinde) in _t.Verlengingen)
        {
            var bedrag = TrajectTarief(r.Bedrag);
            Add(
                new Kandidaat
                {
                    Sleutel = r.Code + "/" + v.Id,
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = v.Datum,
                    Grondslag = Stuk(bedrag, "verlengingstarief"),
                    Bedrag = bedrag,
                    Bronnen = new[] { v.Id },
                    Omschrijving = $"{r.Code}: verlenging by {v.Periode}, window t/m {Tekst.Datum(nieuwEinde)}",
                },
                v);
        }
    }

    // ---------- Maximum per traject ----------

    private void ApplyMaximum()
    {
        if (Model.Maximum is not { } max)
        {
            return;
        }

        _regels.Sort(static (a, b) =>
        {
            var c = a.Vervaldatum.CompareTo(b.Vervaldatum);
            if (c != 0)
            {
                return c;
            }

            c = a.RegelIndex.CompareTo(b.RegelIndex);
            return c != 0 ? c : string.CompareOrdinal(a.Sleutel, b.Sleutel);
        });

        var sum = Bedrag.Nul;
        var kept = new List<Kandidaat>(_regels.Count);
        foreach (var k in _regels)
        {
            var left = max - sum;
            if (left <= Bedrag.Nul)
            {
                foreach (var id in k.Bronnen)
                {
                    _nietBetaalbaar.Add(new NietBetaalbaar(id, Reden.BovenMaximumTraject, $"{k.Omschrijving} ({k.Bedrag}) is beyond the maximum of {max} per traject.", k.RegelCode));
                }

                continue;
            }

            if (k.Bedrag > left)
            {
                foreach (var id in k.Bronnen)
                {
                    _nietBetaalbaar.Add(new NietBetaalbaar(id, Reden.BovenMaximumTraject, $"{k.Bedrag - left} of {k.Omschrijving} is beyond the maximum of {max} per traject.", k.RegelCode));
                }

                k.Grondslag = k.Grondslag with { Omschrijving = $"{k.Grondslag.Omschrijving}, reduced from {k.Bedrag} to the maximum of {max}" };
                k.Bedrag = left;
            }

            sum += k.Bedrag;
            kept.Add(k);
        }

        _regels.Clear();
        _regels.AddRange(kept);
    }
}
