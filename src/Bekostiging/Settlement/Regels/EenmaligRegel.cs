using NodaTime;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A one-off fee when its aanleiding happens (domain.md §7); with pro rata at uitval, a share of it by days.</summary>
internal sealed class EenmaligRegel : Regel<Eenmalig>
{
    private static readonly Regeltekst Vergoeding = new("{0}: one-off fee at {1} ({2}, {3})", "one-off fee at {1}");
    private static readonly Regeltekst ProRata = new("{0}: pro rata settlement on uitval ({1} of {2} days)", "{1}/{2} dagen × {3}");

    public override void Evalueer(Eenmalig r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        if (r.Aanleiding == Aanleiding.Reclame)
        {
            return; // only in a gereclameerd traject, settled there
        }

        if (r.ProRataBijUitval && t.Einde is Events.Uitval)
        {
            ProRataBijUitval(r, index, ctx, uit);
            return;
        }

        if (ActievePeriode.Aanleiding(t, r.Aanleiding, r.Mijlpaal, r.Code, uit) is not { } trigger)
        {
            return;
        }

        var bedrag = ctx.TrajectTarief(r.Bedrag);
        uit.Add(new Post
        {
            RegelCode = r.Code,
            RegelIndex = index,
            Vervaldatum = trigger.Datum,
            Bedrag = bedrag,
            Hoeveelheid = 1m,
            Tarief = bedrag,
            Bronnen = new Bronnen(trigger.Id),
            Tekst = Vergoeding,
            Args = new Argumenten(r.Code, ActievePeriode.Naam(r.Aanleiding, r.Mijlpaal), trigger.Id, trigger.Datum),
        });
    }

    /// <summary>A fee at the afronding, settled on an Uitval by days: fee × active days ÷ window days, on the Uitval date.</summary>
    private static void ProRataBijUitval(Eenmalig r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        var uitval = t.Einde!;
        if (ActievePeriode.Buiten(t, uitval, r.Code, uit))
        {
            return; // an Uitval after the window's last day (or without a Start) settles nothing
        }

        var start = t.Start!;
        var prijs = ctx.TrajectTarief(r.Bedrag);
        var activeDays = Period.Between(start.Datum, uitval.Datum, PeriodUnits.Days).Days + 1;
        var windowDays = Period.Between(start.Datum, t.VensterEinde, PeriodUnits.Days).Days + 1;
        uit.Add(new Post
        {
            RegelCode = r.Code,
            SleutelDeel = "prorata",
            RegelIndex = index,
            Vervaldatum = uitval.Datum,
            Bedrag = Bedrag.Afgerond(prijs.Euros * activeDays / windowDays),
            Hoeveelheid = (decimal)activeDays / windowDays,
            Tarief = prijs,
            Bronnen = new Bronnen(start.Id, uitval.Id),
            Tekst = ProRata,
            Args = new Argumenten(r.Code, activeDays, windowDays, prijs),
        });
    }
}
