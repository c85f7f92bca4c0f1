using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement.Regels;

/// <summary>A price in equal instalments from the Start, the rest pro rata at uitval when agreed (domain.md §7).</summary>
internal sealed class TermijnenRegel : Regel<Termijnen>
{
    private static readonly Regeltekst Enkel = new("{0}: price at start", "{1}");
    private static readonly Regeltekst Termijn = new("{0}: instalment {2} of {3}", "termijn {2} van {3} van {1}", "if the traject has not ended (uitval/afronding) before {4}");
    private static readonly Regeltekst ProRata = new("{0}: pro rata settlement on uitval ({1} of {2} days)", "{1}/{2} dagen × {3} = {4}, min {5} al vervallen");

    public override void Evalueer(Termijnen r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        if (t.Start is null)
        {
            return;
        }

        var start = t.Start;
        var prijs = ctx.TrajectTarief(r.Prijs);
        var delen = RegelContext.InGelijkeDelen(prijs, r.Aantal);
        LocalDate? cutoff = t.Einde?.Datum;
        var alreadyDue = Bedrag.Nul;
        for (var i = 0; i < r.Aantal; i++)
        {
            var due = r.Interval.Na(start.Datum, i);
            if (cutoff is { } c && due > c)
            {
                break;
            }

            alreadyDue += delen[i];
            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = Tekst.Index(i + 1),
                RegelIndex = index,
                Vervaldatum = due,
                Bedrag = delen[i],
                Hoeveelheid = 1m,
                Tarief = delen[i],
                Bronnen = new Bronnen(start.Id),
                Tekst = r.Aantal == 1 ? Enkel : Termijn,
                Args = new Argumenten(r.Code, prijs, i + 1, r.Aantal, due),
                MetVoorwaarde = t.Einde is null && i > 0,
            });
        }

        if (r.ProRataBijUitval && t.Einde is Events.Uitval uitval)
        {
            var last = t.LaatsteActieveDag;
            var activeDays = Period.Between(start.Datum, last, PeriodUnits.Days).Days + 1;
            var windowDays = Period.Between(start.Datum, t.VensterEinde, PeriodUnits.Days).Days + 1;
            var proRata = Bedrag.Afgerond(prijs.Euros * activeDays / windowDays);
            var rest = proRata - alreadyDue;
            if (rest > Bedrag.Nul)
            {
                uit.Add(new Post
                {
                    RegelCode = r.Code,
                    SleutelDeel = "prorata",
                    RegelIndex = index,
                    Vervaldatum = uitval.Datum,
                    Bedrag = rest,
                    Hoeveelheid = (decimal)activeDays / windowDays,
                    Tarief = prijs,
                    Bronnen = new Bronnen(start.Id, uitval.Id),
                    Tekst = ProRata,
                    Args = new Argumenten(r.Code, activeDays, windowDays, prijs, proRata, alreadyDue),
                });
            }
        }
    }
}
