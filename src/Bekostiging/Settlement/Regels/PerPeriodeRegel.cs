using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement.Regels;

/// <summary>A tariff per calendar month of the active period, pro rata by days in a part month (domain.md §7).</summary>
internal sealed class PerPeriodeRegel : Regel<PerPeriode>
{
    private static readonly Regeltekst VolleMaand = new("{0}: {1}, {2} of {3} days active", "1 maand × {4}", "if the traject is still active on {5}");
    private static readonly Regeltekst DeelMaand = new("{0}: {1}, {2} of {3} days active", "{2}/{3} × {4}", "if the traject is still active on {5}");

    public override void Evalueer(PerPeriode r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        if (t.Start is null)
        {
            return;
        }

        var begin = t.Start.Datum;
        var last = t.LaatsteActieveDag;
        var month = new LocalDate(begin.Year, begin.Month, 1);
        while (month <= last)
        {
            var monthEnd = Kalender.EindeMaand(month);
            var from = begin > month ? begin : month;
            var to = last < monthEnd ? last : monthEnd;
            if (from <= to)
            {
                var days = to.Day - from.Day + 1; // from and to lie in the same month
                var inMonth = monthEnd.Day;
                var tarief = ctx.DagTarief(r.TariefPerMaand, to);
                var endsHere = t.Einde is not null && t.Einde.Datum == to && to == last;
                var vol = days == inMonth;
                uit.Add(new Post
                {
                    RegelCode = r.Code,
                    SleutelDeel = Tekst.Maand(month),
                    RegelIndex = index,
                    Vervaldatum = to,
                    Bedrag = vol ? tarief : Bedrag.Afgerond(tarief.Euros * days / inMonth),
                    Hoeveelheid = vol ? 1m : (decimal)days / inMonth,
                    Tarief = tarief,
                    Bronnen = endsHere ? new Bronnen(t.Start.Id, t.Einde!.Id) : new Bronnen(t.Start.Id),
                    Tekst = vol ? VolleMaand : DeelMaand,
                    Args = new Argumenten(r.Code, Arg.Maand(month), days, inMonth, tarief, to),
                    MetVoorwaarde = t.Einde is null,
                });
            }

            month = month.PlusMonths(1);
        }
    }
}
