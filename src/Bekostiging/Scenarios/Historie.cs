using System.Collections.Generic;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Scenarios;

/// <summary>One drawn client history: the events, the guidance hours delivered, and the profiel.</summary>
internal sealed class ClientHistorie
{
    public ClientHistorie(int profiel, List<Gebeurtenis> gebeurtenissen, decimal uren, int startTrede)
    {
        Profiel = profiel;
        Gebeurtenissen = gebeurtenissen;
        Uren = uren;
        StartTrede = startTrede;
    }

    public int Profiel { get; }

    public List<Gebeurtenis> Gebeurtenissen { get; }

    /// <summary>Guidance hours delivered up to the horizon (provider cost).</summary>
    public decimal Uren { get; }

    public int StartTrede { get; }
}

/// <summary>
/// Draws a client's history month by month (see docs/scenario.md): month 1 is intake (intake and trajectplan
/// milestones, guidance hours); from month 2 a client without work may be placed on the month's first day; a running
/// plaatsing may end on a month's last day; uitval ends the traject on a month's last day; a traject that runs its
/// course ends with an Afronding on the window's last day. A plaatsing keeps running after the traject ends, so its
/// durability is decided by the same monthly chances up to the horizon.
/// </summary>
internal static class Historie
{
    public static ClientHistorie Trek(ref Willekeur rng, Scenario s, Gedrag g, int doorlooptijdMaanden, LocalDate horizon)
    {
        var events = new List<Gebeurtenis>(24);
        var aanmelding = s.Contract.Ingangsdatum.PlusMonths(rng.Tot(s.AanmeldingsperiodeMaanden)).PlusDays(rng.Tot(28));
        var start = aanmelding.PlusDays(7);
        if (start > s.Contract.Einddatum)
        {
            // A referral at the very end of the contract still starts within its term.
            start = s.Contract.Einddatum;
            aanmelding = aanmelding < start ? aanmelding : start;
        }

        events.Add(new Aanmelding("A", aanmelding));
        events.Add(new Start("S", start));
        events.Add(new Mijlpaal("M1", start.PlusDays(7), Mijlpaal.Soorten.Intake));
        events.Add(new Mijlpaal("M2", start.PlusDays(21), Mijlpaal.Soorten.Trajectplan));

        var startTrede = System.Math.Max(1, 5 - g.Profiel);
        var trede = startTrede;
        var geplaatst = false;
        var plaatsingBegin = default(LocalDate);
        var plaatsingen = 0;
        var uren = 0m;
        var n = 0;
        var beeindigd = false;
        var volgende = start;
        for (var k = 1; k <= doorlooptijdMaanden; k++)
        {
            var maandBegin = start.PlusMonths(k - 1);
            var maandEinde = start.PlusMonths(k).PlusDays(-1);
            if (maandBegin > horizon)
            {
                break;
            }

            volgende = start.PlusMonths(k);

            if (!geplaatst && k >= 2 && rng.Kans(g.KansPlaatsingPerMaand))
            {
                var u = Kies(ref rng, g.Uitstroom);
                plaatsingen++;
                geplaatst = true;
                plaatsingBegin = maandBegin;
                events.Add(new Plaatsing("P" + plaatsingen, maandBegin, u.Type, u.UrenPerWeek));
            }

            var h = geplaatst ? g.UrenBegeleidingPerMaand / 2m : g.UrenBegeleidingPerMaand;
            var dag = 0;
            while (h > 0m)
            {
                var deel = h > 8m ? 8m : h;
                events.Add(new Uren("U" + (++n), maandBegin.PlusDays(7 + dag), deel));
                uren += maandBegin.PlusDays(7 + dag) <= horizon ? deel : 0m;
                h -= deel;
                dag++;
            }

            if (trede < 6 && rng.Kans(g.KansTredeOmhoogPerMaand))
            {
                trede++;
                events.Add(new Trede("R" + (++n), maandBegin.PlusDays(20), trede));
            }

            if (geplaatst && plaatsingBegin < maandBegin && rng.Kans(g.KansEindePlaatsingPerMaand))
            {
                events.Add(new PlaatsingEinde("E" + plaatsingen, maandEinde, "P" + plaatsingen));
                geplaatst = false;
            }

            if (rng.Kans(g.KansUitvalPerMaand))
            {
                events.Add(new Uitval("X", maandEinde, "uitval"));
                beeindigd = true;
                break;
            }
        }

        if (!beeindigd)
        {
            events.Add(new Afronding("F", Duur.Maanden(doorlooptijdMaanden).LaatsteDag(start)));
        }

        // The job goes on after the traject: durability is decided by the same monthly chance.
        if (geplaatst)
        {
            for (var j = 0; volgende.PlusMonths(j) <= horizon; j++)
            {
                if (rng.Kans(g.KansEindePlaatsingPerMaand))
                {
                    events.Add(new PlaatsingEinde("E" + plaatsingen, volgende.PlusMonths(j + 1).PlusDays(-1), "P" + plaatsingen));
                    break;
                }
            }
        }

        return new ClientHistorie(g.Profiel, events, uren, startTrede);
    }

    private static Uitstroomkans Kies(ref Willekeur rng, ValueList<Uitstroomkans> kansen)
    {
        decimal total = 0m;
        foreach (var k in kansen)
        {
            total += k.Gewicht;
        }

        var x = (decimal)rng.Volgende() * total;
        foreach (var k in kansen)
        {
            if (x < k.Gewicht)
            {
                return k;
            }

            x -= k.Gewicht;
        }

        return kansen[kansen.Count - 1];
    }
}
