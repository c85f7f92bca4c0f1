using System.Collections.Generic;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement.Regels;

/// <summary>A result fee, once per traject, for the first spell that meets the result definition and its durability (domain.md §6, §12).</summary>
internal sealed class BijResultaatRegel : Regel<BijResultaat>
{
    private static readonly Regeltekst Resultaat = new(
        "{0}: result for plaatsing {1} from {2}",
        "resultaat {3}, {4} u/w",
        "{0} if plaatsing {1} lasts until {5}");

    private static readonly Regeltekst CumulatiefTekst = new(
        "{0}: worked in {1} of the last {2} ISO weeks by the week of {3}",
        "resultaat {4}, {1} van {2} weken gewerkt",
        "{0} if work continues so that {1} of the last {2} weeks are worked by the week of {3}");

    public override void Evalueer(BijResultaat r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        var d = r.Definitie;
        if (t.Plaatsingen.Count == 0)
        {
            return; // no plaatsing, no result, nothing to list
        }

        var qualifying = Resultaten.Kwalificerend(t, d, r.Code, uit, r, static (r, p) => r.KlasseVoor(p.Type, p.UrenPerWeek) is not null);
        if (d.Duurzaamheid is CumulatieveDuurzaamheid cum)
        {
            Cumulatief(r, index, ctx, uit, qualifying, cum);
            return;
        }

        var termijn = d.Duurzaamheid switch
        {
            AaneengeslotenDuurzaamheid a => a.Termijn,
            BegrippenDuurzaamheid => ctx.Begrippen.Duurzaamheidstermijn,
            _ => (Duur?)null,
        };
        var paid = false;
        foreach (var s in Resultaten.Spells(t, qualifying, d.MaximaleOnderbreking, r.Code, uit))
        {
            var due = Resultaten.Vervaldatum(s.Begin, termijn, d.Wachttijd);
            if (paid)
            {
                foreach (var l in s.Leden)
                {
                    uit.NietBetaalbaarVoor(l, Reden.ResultaatAlBetaald, new Uitleg("the result of rule {0} is paid once per traject, already for an earlier spell.", r.Code), r.Code);
                }

                continue;
            }

            if (due > s.Begin && !s.Duurt(due.PlusDays(-1)))
            {
                foreach (var l in s.Leden)
                {
                    uit.NietBetaalbaarVoor(l, Reden.NietDuurzaam, new Uitleg("spell {0} from {1} ended on {2}, before it lasted until {3}.", s.Naam(), s.Begin, s.Einde!.Value, due.PlusDays(-1)), r.Code);
                }

                continue;
            }

            var first = s.Eerste.Plaatsing;
            var klasse = r.KlasseVoor(first.Type, first.UrenPerWeek)!;
            var bedrag = ctx.TrajectTarief(klasse.Bedrag);
            uit.Add(new Post
            {
                RegelCode = r.Code,
                RegelIndex = index,
                Vervaldatum = due,
                Bedrag = bedrag,
                Hoeveelheid = 1m,
                Tarief = bedrag,
                Bronnen = s.Bronnen(),
                Tekst = Resultaat,
                Args = new Argumenten(r.Code, s.Naam(), s.Begin, Arg.Object(first.Type), first.UrenPerWeek, due.PlusDays(-1)),
                MetVoorwaarde = s.Open(due),
            });
            paid = true;
        }
    }

    private static void Cumulatief(BijResultaat r, int index, RegelContext ctx, Posten uit, List<PlaatsingInfo> qualifying, CumulatieveDuurzaamheid cum)
    {
        var t = ctx.Tijdlijn;
        var inPeriod = new List<PlaatsingInfo>(qualifying.Count);
        foreach (var q in qualifying)
        {
            if (t.InActievePeriode(q.Begin))
            {
                inPeriod.Add(q);
            }
            else
            {
                uit.NietBetaalbaarVoor(q, Reden.NaActievePeriode, new Uitleg("begins on {0}, after the last active day {1}{2}.", q.Begin, t.LaatsteActieveDag, ActievePeriode.EindeUitleg(t)), r.Code);
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
            var sources = new List<PlaatsingInfo>(inPeriod.Count);
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
            var bedrag = ctx.TrajectTarief(klasse.Bedrag);
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

            uit.Add(new Post
            {
                RegelCode = r.Code,
                RegelIndex = index,
                Vervaldatum = due,
                Bedrag = bedrag,
                Hoeveelheid = 1m,
                Tarief = bedrag,
                Bronnen = Resultaten.BronnenVan(sources),
                Tekst = CumulatiefTekst,
                Args = new Argumenten(r.Code, cum.Weken, cum.VanWeken, week, Arg.Object(decisive.Type)),
                MetVoorwaarde = open,
            });
            foreach (var q in inPeriod)
            {
                if (!sources.Contains(q))
                {
                    uit.NietBetaalbaarVoor(q, Reden.ResultaatAlBetaald, new Uitleg("the result of rule {0} is paid once per traject.", r.Code), r.Code);
                }
            }

            return;
        }

        foreach (var q in inPeriod)
        {
            uit.NietBetaalbaarVoor(q, Reden.NietDuurzaam, new Uitleg("never worked in {0} of {1} ISO weeks.", cum.Weken, cum.VanWeken), r.Code);
        }
    }

    /// <summary>The Monday of the ISO week of a date (as <see cref="Kalender.MaandagVanWeek"/>, without its adjuster).</summary>
    private static LocalDate Maandag(LocalDate d) => d.PlusDays(1 - (int)d.DayOfWeek);
}
