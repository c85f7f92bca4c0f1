using Bekostiging.Events;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A tariff per hour worked in the active period, up to a maximum number of hours (domain.md §7).</summary>
internal sealed class PerEenheidRegel : Regel<PerEenheid>
{
    private static readonly Regeltekst Uren = new("{0}: {1} hours on {2}", "{1} uur × {3}");

    public override void Evalueer(PerEenheid r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        var used = 0m;

        // Hours repeat (2 hours, 2 hours, …): the last product is remembered, as rounding a product is not free.
        (Bedrag Tarief, decimal Uren, Bedrag Bedrag) laatste = default;
        foreach (var e in t.Actief)
        {
            if (e is not Events.Uren u || ActievePeriode.Buiten(t, u, r.Code, uit))
            {
                continue;
            }

            var hours = u.Aantal;
            if (r.MaximumUren is { } max)
            {
                var left = max - used;
                if (left <= 0m)
                {
                    uit.NietBetaalbaarVoor(u, Reden.BovenMaximumEenheden, new Uitleg("{0} hours beyond the maximum of {1} hours.", u.Aantal, max), r.Code);
                    continue;
                }

                if (hours > left)
                {
                    uit.NietBetaalbaarVoor(u, Reden.BovenMaximumEenheden, new Uitleg("{0} of {1} hours beyond the maximum of {2} hours.", hours - left, u.Aantal, max), r.Code);
                    hours = left;
                }
            }

            used += hours;
            var tarief = ctx.DagTarief(r.Tarief, u.Datum);
            if (laatste.Tarief != tarief || laatste.Uren != hours || laatste.Bedrag.IsNul)
            {
                laatste = (tarief, hours, tarief * hours);
            }

            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = u.Id,
                RegelIndex = index,
                Vervaldatum = u.Datum,
                Bedrag = laatste.Bedrag,
                Hoeveelheid = hours,
                Tarief = tarief,
                Bronnen = new Bronnen(u.Id),
                Tekst = Uren,
                Args = new Argumenten(r.Code, hours, u.Datum, tarief),
            });
        }
    }
}
