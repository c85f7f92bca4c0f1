using Bekostiging.Events;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>An amount per rung climbed on the participatieladder above the highest so far (domain.md §7, §12).</summary>
internal sealed class PerTredeRegel : Regel<PerTrede>
{
    private static readonly Regeltekst Klim = new("{0}: from rung {1} to {2}", "{3} trede(n) × {4}");

    public override void Evalueer(PerTrede r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        int? highest = t.Traject.StartTrede;

        // A Trede before the Start is the intake measurement: the highest such rung (or the rung at start, if higher)
        // is the baseline and pays nothing (domain.md §12).
        if (t.Start is { } start)
        {
            foreach (var e in t.Actief)
            {
                if (e is Trede tr && tr.Datum < start.Datum && (highest is null || tr.Niveau > highest))
                {
                    highest = tr.Niveau;
                }
            }
        }

        foreach (var e in t.Actief)
        {
            if (e is not Trede tr)
            {
                continue;
            }

            if (t.Start is not null && tr.Datum < t.Start.Datum)
            {
                uit.NietBetaalbaarVoor(tr, Reden.VoorStart, new Uitleg("dated {0}, before the Start on {1}: the intake measurement; the baseline is rung {2}.", tr.Datum, t.Start.Datum, highest), r.Code);
                continue;
            }

            if (ActievePeriode.Buiten(t, tr, r.Code, uit))
            {
                continue;
            }

            if (highest is null)
            {
                highest = tr.Niveau;
                uit.NietBetaalbaarVoor(tr, Reden.GeenHogereTrede, new Uitleg("rung {0} is the baseline (no rung at start).", tr.Niveau), r.Code);
                continue;
            }

            if (tr.Niveau <= highest)
            {
                uit.NietBetaalbaarVoor(tr, Reden.GeenHogereTrede, new Uitleg("rung {0} is not above the highest so far ({1}).", tr.Niveau, highest), r.Code);
                continue;
            }

            var climbed = tr.Niveau - highest.Value;
            var bedrag = ctx.TrajectTarief(r.BedragPerTrede);
            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = tr.Id,
                RegelIndex = index,
                Vervaldatum = tr.Datum,
                Bedrag = bedrag * climbed,
                Hoeveelheid = climbed,
                Tarief = bedrag,
                Bronnen = new Bronnen(tr.Id),
                Tekst = Klim,
                Args = new Argumenten(r.Code, highest, tr.Niveau, climbed, bedrag),
            });
            highest = tr.Niveau;
        }
    }
}
