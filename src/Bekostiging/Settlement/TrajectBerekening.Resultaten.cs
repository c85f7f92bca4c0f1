using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>Results: spells, durability (aaneengesloten and cumulatief), BijResultaat and Trap (domain.md §6, §12).</summary>
internal sealed partial class TrajectBerekening
{
    /// <summary>Consecutive qualifying plaatsingen joined by gaps of at most maximaleOnderbreking.</summary>
    private sealed class Spell
    {
        public List<PlaatsingInfo> Leden { get; } = new(1);

        public PlaatsingInfo Eerste => Leden[0];

        public LocalDate Begin => Eerste.Begin;

        /// <summary>The last working day of the spell, or null while any member is open-ended.</summary>
        public LocalDate? Einde { get; set; }

        /// <summary>Whether any spell earned a Trap step (bookkeeping of <see cref="Trap"/>).</summary>
        public bool HeeftStap { get; set; }

        public bool Duurt(LocalDate totEnMet) => Einde is null || Einde >= totEnMet;

        /// <summary>The plaatsingen, then the ends of those that ended.</summary>
        public string[] Bronnen() => BronnenVan(Leden);

        public string Naam()
        {
            if (Leden.Count == 1)
            {
                return Eerste.Plaatsing.Sleutel;
            }

            var sb = new StringBuilder();
            for (var i = 0; i < Leden.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : " + ").Append(Leden[i].Plaatsing.Sleutel);
            }

            return sb.ToString();
        }
    }

    /// <summary>The ids of the plaatsingen, then of the ends of those that ended.</summary>
    private static string[] BronnenVan(List<PlaatsingInfo> plaatsingen)
    {
        var count = plaatsingen.Count;
        foreach (var l in plaatsingen)
        {
            count += l.Einde is null ? 0 : 1;
        }

        var result = new string[count];
        var i = 0;
        foreach (var l in plaatsingen)
        {
            result[i++] = l.Plaatsing.Id;
        }

        foreach (var l in plaatsingen)
        {
            if (l.Einde is not null)
            {
                result[i++] = l.Einde.Id;
            }
        }

        return result;
    }

    private static bool Accepteert(Resultaatdefinitie d, Uitstroomtype type)
    {
        var types = d.Uitstroomtypes;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Monday of the ISO week of a date (as <see cref="Kalender.MaandagVanWeek"/>, without its adjuster).</summary>
    private static LocalDate Maandag(LocalDate d) => d.PlusDays(1 - (int)d.DayOfWeek);

    // Lists and spells of the result rules, reused from rule to rule and traject to traject (a rule is done with them
    // before the next one starts).
    private readonly List<PlaatsingInfo> _kwalificerend = new();
    private readonly List<Spell> _spells = new();
    private readonly List<Spell> _spellVoorraad = new();
    private readonly List<PlaatsingInfo> _inPeriode = new();
    private readonly List<PlaatsingInfo> _bronnen = new();

    /// <summary>
    /// Lists a plaatsing as not payable for a result rule, and its end (if reported) with the same reason: the end earns
    /// nothing either, and "no fee in this model" would not be true under a model that pays results.
    /// </summary>
    private void NotPayable(PlaatsingInfo info, Reden reden, [InterpolatedStringHandlerArgument("", "reden")] UitlegHandler toelichting, string? regel)
    {
        var tekst = toelichting.Klaar();
        NietBetaalbaarItem(info.Plaatsing.Id, reden, tekst, regel);
        if (info.Einde is { } einde && MetNietBetaalbaar)
        {
            NietBetaalbaarItem(einde.Id, reden, "ends plaatsing " + info.Plaatsing.Sleutel + " on " + Tekst.Datum(einde.Datum) + "; " + tekst, regel);
        }
    }

    /// <summary>The plaatsingen that qualify for a rule; the rest are listed with their reason.</summary>
    private List<PlaatsingInfo> Qualifying(Resultaatdefinitie d, BijResultaat? tiers, string regel)
    {
        var result = _kwalificerend;
        result.Clear();
        foreach (var info in _t.Plaatsingen)
        {
            var p = info.Plaatsing;
            if (!Accepteert(d, p.Type))
            {
                NotPayable(info, Reden.VoldoetNietAanResultaatdefinitie, $"uitstroomtype {p.Type} is not accepted by rule {regel}.", regel);
                continue;
            }

            var minimumUren = d.MinimumUrenPerWeek ?? _t.Begrippen.MinimumUrenPerWeek;
            if (p.UrenPerWeek < minimumUren)
            {
                NotPayable(info, Reden.VoldoetNietAanResultaatdefinitie, $"{Tekst.Getal(p.UrenPerWeek)} hours per week is below the minimum of {Tekst.Getal(minimumUren)}{(d.MinimumUrenPerWeek is null ? " (the contract's begrippen)" : string.Empty)}.", regel);
                continue;
            }

            if (d.MinimumContractMaanden is { } min && p.ContractMaanden is { } months && months < min)
            {
                NotPayable(info, Reden.VoldoetNietAanResultaatdefinitie, $"a contract of {months} months is shorter than the minimum of {min} months.", regel);
                continue;
            }

            if (tiers is not null && tiers.KlasseVoor(p.Type, p.UrenPerWeek) is null)
            {
                NotPayable(info, Reden.VoldoetNietAanResultaatdefinitie, $"{p.Type} at {Tekst.Getal(p.UrenPerWeek)} hours per week matches no amount tier of rule {regel}.", regel);
                continue;
            }

            if (_t.Start is null)
            {
                NotPayable(info, Reden.GeenStart, $"the traject has no Start, so no plaatsing can count.", regel);
                continue;
            }

            if (p.Datum < _t.Start.Datum)
            {
                NotPayable(info, Reden.VoorStart, $"begins on {Tekst.Datum(p.Datum)}, before the Start on {Tekst.Datum(_t.Start.Datum)}.", regel);
                continue;
            }

            result.Add(info);
        }

        return result;
    }

    private List<Spell> Spells(List<PlaatsingInfo> qualifying, int maxGap, string regel)
    {
        var eligible = _spells;
        eligible.Clear();
        var used = 0;
        Spell NewSpell(LocalDate? einde)
        {
            if (used == _spellVoorraad.Count)
            {
                _spellVoorraad.Add(new Spell());
            }

            var spell = _spellVoorraad[used++];
            spell.Leden.Clear();
            spell.HeeftStap = false;
            spell.Einde = einde;
            return spell;
        }

        Spell? current = null;
        foreach (var info in qualifying)
        {
            if (current is not null && (current.Einde is null || info.Begin <= current.Einde.Value.PlusDays(1 + maxGap)))
            {
                current.Leden.Add(info);
                current.Einde = current.Einde is null || info.LaatsteDag is null
                    ? null
                    : (info.LaatsteDag > current.Einde ? info.LaatsteDag : current.Einde);
                continue;
            }

            current = NewSpell(info.LaatsteDag);
            current.Leden.Add(info);
            eligible.Add(current);
        }

        // A result counts only for a spell whose first plaatsing begins within the active period.
        var kept = 0;
        for (var i = 0; i < eligible.Count; i++)
        {
            var s = eligible[i];
            if (_t.InActievePeriode(s.Begin))
            {
                eligible[kept++] = s;
                continue;
            }

            foreach (var l in s.Leden)
            {
                NotPayable(l, Reden.NaActievePeriode, $"the spell begins on {Tekst.Datum(s.Begin)}, after the last active day {Tekst.Datum(_t.LaatsteActieveDag)}{EindeUitleg()}.", regel);
            }
        }

        eligible.RemoveRange(kept, eligible.Count - kept);
        return eligible;
    }

    /// <summary>The due date of a durability requirement of <paramref name="termijn"/> (and the definition's waiting period) for a spell beginning on B.</summary>
    private static LocalDate DueDate(LocalDate begin, Duur? termijn, Duur? wachttijd)
    {
        var due = begin;
        if (termijn is { } t)
        {
            due = t.Voltooid(begin);
        }

        if (wachttijd is { } w && w.Voltooid(begin) > due)
        {
            due = w.Voltooid(begin);
        }

        return due;
    }

    private string? Voorwaarde(Spell s, LocalDate due, string? wat)
        => s.Einde is null && due > s.Begin
            ? Uitleg($"{wat} if plaatsing {s.Naam()} lasts until {Tekst.Datum(due.PlusDays(-1))}")
            : null;

    // ---------- BijResultaat ----------

    private void BijResultaat(BijResultaat r, int index)
    {
        var d = r.Definitie;
        if (_t.Plaatsingen.Count == 0)
        {
            return; // no plaatsing, no result, nothing to list
        }

        var qualifying = Qualifying(d, r, r.Code);
        if (d.Duurzaamheid is CumulatieveDuurzaamheid cum)
        {
            Cumulatief(r, index, qualifying, cum);
            return;
        }

        var termijn = d.Duurzaamheid switch
        {
            AaneengeslotenDuurzaamheid a => a.Termijn,
            BegrippenDuurzaamheid => _t.Begrippen.Duurzaamheidstermijn,
            _ => (Duur?)null,
        };
        var paid = false;
        foreach (var s in Spells(qualifying, d.MaximaleOnderbreking, r.Code))
        {
            var due = DueDate(s.Begin, termijn, d.Wachttijd);
            if (paid)
            {
                foreach (var l in s.Leden)
                {
                    NotPayable(l, Reden.ResultaatAlBetaald, $"the result of rule {r.Code} is paid once per traject, already for an earlier spell.", r.Code);
                }

                continue;
            }

            if (due > s.Begin && !s.Duurt(due.PlusDays(-1)))
            {
                foreach (var l in s.Leden)
                {
                    NotPayable(l, Reden.NietDuurzaam, $"spell {s.Naam()} from {Tekst.Datum(s.Begin)} ended on {Tekst.Datum(s.Einde!.Value)}, before it lasted until {Tekst.Datum(due.PlusDays(-1))}.", r.Code);
                }

                continue;
            }

            var first = s.Eerste.Plaatsing;
            var klasse = r.KlasseVoor(first.Type, first.UrenPerWeek)!;
            var bedrag = TrajectTarief(klasse.Bedrag);
            Add(
                new Kandidaat
                {
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = due,
                    Grondslag = Stuk(bedrag, $"resultaat {first.Type}, {Tekst.Getal(first.UrenPerWeek)} u/w"),
                    Bedrag = bedrag,
                    Bronnen = MetDetails ? s.Bronnen() : null,
                    Omschrijving = Uitleg($"{r.Code}: result for plaatsing {s.Naam()} from {Tekst.Datum(s.Begin)}"),
                    Voorwaarde = Voorwaarde(s, due, r.Code),
                },
                first);
            paid = true;
        }
    }

    private void Cumulatief(BijResultaat r, int index, List<PlaatsingInfo> qualifying, CumulatieveDuurzaamheid cum)
    {
        var inPeriod = _inPeriode;
        inPeriod.Clear();
        foreach (var q in qualifying)
        {
            if (_t.InActievePeriode(q.Begin))
            {
                inPeriod.Add(q);
            }
            else
            {
                NotPayable(q, Reden.NaActievePeriode, $"begins on {Tekst.Datum(q.Begin)}, after the last active day {Tekst.Datum(_t.LaatsteActieveDag)}{EindeUitleg()}.", r.Code);
            }
        }

        if (inPeriod.Count == 0)
        {
            return;
        }

        // The weeks from the first plaatsing's week to the last one's (or cum.Weken weeks past the begin of an open one).
        var first = Maandag(inPeriod[0].Begin);
        var limit = default(LocalDate);
        for (var i = 0; i < inPeriod.Count; i++)
        {
            var q = inPeriod[i];
            var begin = Maandag(q.Begin);
            var end = q.LaatsteDag is { } e ? Maandag(e) : begin.PlusWeeks(cum.Weken);
            first = begin < first ? begin : first;
            limit = i == 0 || end > limit ? end : limit;
        }

        static bool Covers(PlaatsingInfo q, LocalDate monday) =>
            Maandag(q.Begin) <= monday && (q.LaatsteDag is not { } e || Maandag(e) >= monday);

        bool AnyCovers(LocalDate monday)
        {
            foreach (var q in inPeriod)
            {
                if (Covers(q, monday))
                {
                    return true;
                }
            }

            return false;
        }

        var window = new Queue<bool>();
        var count = 0;
        for (var week = first; week <= limit; week = week.PlusWeeks(1))
        {
            var covered = AnyCovers(week);
            window.Enqueue(covered);
            count += covered ? 1 : 0;
            if (window.Count > cum.VanWeken && window.Dequeue())
            {
                count--;
            }

            if (count < cum.Weken)
            {
                continue;
            }

            // The plaatsingen covering a week of the window decide: the earliest-beginning one the amount.
            var windowStart = week.PlusWeeks(-(cum.VanWeken - 1));
            var sources = _bronnen;
            sources.Clear();
            foreach (var q in inPeriod)
            {
                for (var k = 0; k < cum.VanWeken; k++)
                {
                    if (Covers(q, windowStart.PlusWeeks(k)))
                    {
                        sources.Add(q);
                        break;
                    }
                }
            }

            var decisive = sources[0].Plaatsing;
            var klasse = r.KlasseVoor(decisive.Type, decisive.UrenPerWeek)!;
            var bedrag = TrajectTarief(klasse.Bedrag);
            var due = week.PlusWeeks(1);
            if (r.Definitie.Wachttijd is { } wacht && wacht.Voltooid(decisive.Datum) > due)
            {
                // domain.md §12: with a waiting period the result is due on the later of the two.
                due = wacht.Voltooid(decisive.Datum);
            }

            var open = false;
            foreach (var q in sources)
            {
                open |= q.LaatsteDag is null;
            }

            Add(
                new Kandidaat
                {
                    RegelCode = r.Code,
                    RegelIndex = index,
                    Vervaldatum = due,
                    Grondslag = Stuk(bedrag, $"resultaat {decisive.Type}, {cum.Weken} van {cum.VanWeken} weken gewerkt"),
                    Bedrag = bedrag,
                    Bronnen = MetDetails ? BronnenVan(sources) : null,
                    Omschrijving = Uitleg($"{r.Code}: worked in {cum.Weken} of the last {cum.VanWeken} ISO weeks by the week of {Tekst.Datum(week)}"),
                    Voorwaarde = open ? Uitleg($"{r.Code} if work continues so that {cum.Weken} of the last {cum.VanWeken} weeks are worked by the week of {Tekst.Datum(week)}") : null,
                },
                decisive);
            foreach (var q in inPeriod)
            {
                if (!sources.Contains(q))
                {
                    NotPayable(q, Reden.ResultaatAlBetaald, $"the result of rule {r.Code} is paid once per traject.", r.Code);
                }
            }

            return;
        }

        foreach (var q in inPeriod)
        {
            NotPayable(q, Reden.NietDuurzaam, $"never worked in {cum.Weken} of {cum.VanWeken} ISO weeks.", r.Code);
        }
    }

    // ---------- Trap ----------

    private void Trap(Trap r, int index)
    {
        if (_t.Plaatsingen.Count == 0)
        {
            return; // no plaatsing, no step, nothing to list
        }

        var d = r.Definitie;
        var spells = Spells(Qualifying(d, null, r.Code), d.MaximaleOnderbreking, r.Code);
        for (var k = 0; k < r.Stappen.Count; k++)
        {
            var step = r.Stappen[k];
            var reached = false;
            foreach (var s in spells)
            {
                var due = DueDate(s.Begin, step.Duur, d.Wachttijd);
                if (!s.Duurt(due.PlusDays(-1)))
                {
                    continue;
                }

                var bedrag = TrajectTarief(step.Bedrag);
                Add(
                    new Kandidaat
                    {
                        RegelCode = r.Code,
                        SleutelDeel = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        RegelIndex = index,
                        Vervaldatum = due,
                        Grondslag = Stuk(bedrag, $"stap {k + 1}: {step.Duur} duurzaam"),
                        Bedrag = bedrag,
                        Bronnen = MetDetails ? s.Bronnen() : null,
                        Omschrijving = Uitleg($"{r.Code}: step {k + 1} ({step.Duur}) for plaatsing {s.Naam()} from {Tekst.Datum(s.Begin)}"),
                        Voorwaarde = Voorwaarde(s, due, Uitleg($"{r.Code} step {k + 1}")),
                    },
                    s.Eerste.Plaatsing);
                s.HeeftStap = true;
                reached = true;
                break;
            }

            if (!reached)
            {
                foreach (var s in spells)
                {
                    NotPayable(s.Eerste, Reden.NietDuurzaam, $"step {k + 1} ({step.Duur}) not reached: spell {s.Naam()} from {Tekst.Datum(s.Begin)} ended on {Tekst.Datum(s.Einde!.Value)}.", r.Code);
                }
            }
        }

        foreach (var s in spells)
        {
            if (s.HeeftStap)
            {
                continue;
            }

            foreach (var l in s.Leden)
            {
                NotPayable(l, Reden.NietDuurzaam, $"spell {s.Naam()} from {Tekst.Datum(s.Begin)} reached no step that an earlier spell had not earned.", r.Code);
            }
        }
    }
}
