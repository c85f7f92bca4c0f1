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

/// <summary>What every draw of one simulation run shares, computed once: the contract's dates, the periods, the horizon.</summary>
internal sealed class Trekking
{
    public Trekking(Scenario s, int doorlooptijdMaanden, LocalDate horizon)
    {
        Ingangsdatum = s.Contract.Ingangsdatum;
        Einddatum = s.Contract.Einddatum;
        AanmeldingsperiodeMaanden = s.AanmeldingsMaanden;
        DoorlooptijdMaanden = doorlooptijdMaanden;
        Horizon = horizon;

        // Every referral date a draw can give (month a of the referral period, day b of that month), with its start
        // and the start plus k months for k = 0 … doorlooptijd: calendar arithmetic done once instead of per client.
        var dates = AanmeldingsperiodeMaanden * DagenPerMaand;
        _aanmelding = new LocalDate[dates];
        _maanden = new LocalDate[dates * (doorlooptijdMaanden + 1)];
        for (var a = 0; a < AanmeldingsperiodeMaanden; a++)
        {
            for (var b = 0; b < DagenPerMaand; b++)
            {
                var i = (a * DagenPerMaand) + b;
                var aanmelding = Ingangsdatum.PlusMonths(a).PlusDays(b);
                var start = aanmelding.PlusDays(7);
                if (start > Einddatum)
                {
                    // A referral at the very end of the contract still starts within its term.
                    start = Einddatum;
                    aanmelding = aanmelding < start ? aanmelding : start;
                }

                _aanmelding[i] = aanmelding;
                for (var k = 0; k <= doorlooptijdMaanden; k++)
                {
                    _maanden[(i * (doorlooptijdMaanden + 1)) + k] = start.PlusMonths(k);
                }
            }
        }
    }

    /// <summary>The referral day drawn within a month: 0 … 27.</summary>
    public const int DagenPerMaand = 28;

    private readonly LocalDate[] _aanmelding;
    private readonly LocalDate[] _maanden;

    /// <summary>The referral date of draw (month <paramref name="maand"/>, day <paramref name="dag"/>).</summary>
    public LocalDate Aanmelding(int maand, int dag) => _aanmelding[(maand * DagenPerMaand) + dag];

    /// <summary>The start of that draw plus <paramref name="k"/> months (k = 0 is the start).</summary>
    public LocalDate StartPlusMaanden(int maand, int dag, int k) => _maanden[(((maand * DagenPerMaand) + dag) * (DoorlooptijdMaanden + 1)) + k];

    public LocalDate Ingangsdatum { get; }

    public LocalDate Einddatum { get; }

    public int AanmeldingsperiodeMaanden { get; }

    public int DoorlooptijdMaanden { get; }

    public LocalDate Horizon { get; }
}

/// <summary>A profiel's behaviour with its monthly chances converted once.</summary>
internal sealed class Profielgedrag
{
    public Profielgedrag(Gedrag g)
    {
        Gedrag = g;
        Plaatsing = new Kans(g.KansPlaatsingPerMaand);
        TredeOmhoog = new Kans(g.KansTredeOmhoogPerMaand);
        EindePlaatsing = new Kans(g.KansEindePlaatsingPerMaand);
        Uitval = new Kans(g.KansUitvalPerMaand);
    }

    public Gedrag Gedrag { get; }

    public Kans Plaatsing { get; }

    public Kans TredeOmhoog { get; }

    public Kans EindePlaatsing { get; }

    public Kans Uitval { get; }
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
    // Event ids of the usual numbers, made once ("U1", "P2", …): a simulation draws millions of events.
    private static readonly string[] UIds = Ids("U");
    private static readonly string[] RIds = Ids("R");
    private static readonly string[] PIds = Ids("P");
    private static readonly string[] EIds = Ids("E");

    /// <summary>Draws one client's history into <paramref name="events"/> (cleared first; the simulation reuses one list per thread).</summary>
    public static ClientHistorie Trek(ref Willekeur rng, Trekking s, Profielgedrag pg, List<Gebeurtenis> events)
        => Trek(ref rng, s, pg, events, 0, s.AanmeldingsperiodeMaanden);

    /// <summary>Draws one client's history with its aanmelding in months <paramref name="maandVan"/> … + <paramref name="maanden"/> − 1 of the period (a contract year of an instroom).</summary>
    public static ClientHistorie Trek(ref Willekeur rng, Trekking s, Profielgedrag pg, List<Gebeurtenis> events, int maandVan, int maanden)
    {
        var g = pg.Gedrag;
        var horizon = s.Horizon;
        var doorlooptijdMaanden = s.DoorlooptijdMaanden;
        events.Clear();
        var am = maandVan + rng.Tot(maanden);
        var ad = rng.Tot(Trekking.DagenPerMaand);
        var aanmelding = s.Aanmelding(am, ad);
        var start = s.StartPlusMaanden(am, ad, 0);

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
        var maandBegin = start;
        for (var k = 1; k <= doorlooptijdMaanden; k++)
        {
            // Month k runs start + (k − 1) months t/m start + k months − 1 day, each computed from the start.
            var maandVolgende = s.StartPlusMaanden(am, ad, k);
            var maandEinde = maandVolgende.PlusDays(-1);
            if (maandBegin > horizon)
            {
                break;
            }

            volgende = maandVolgende;

            if (!geplaatst && k >= 2 && rng.Kans(pg.Plaatsing))
            {
                var u = Kies(ref rng, g.Uitstroom);
                plaatsingen++;
                geplaatst = true;
                plaatsingBegin = maandBegin;
                events.Add(new Plaatsing(Id(PIds, "P", plaatsingen), maandBegin, u.Type, u.UrenPerWeek));
            }

            var h = geplaatst ? g.UrenBegeleidingPerMaand / 2m : g.UrenBegeleidingPerMaand;
            var dag = 0;
            while (h > 0m)
            {
                var deel = h > 8m ? 8m : h;
                var datum = maandBegin.PlusDays(7 + dag);
                events.Add(new Uren(Id(UIds, "U", ++n), datum, deel));
                uren += datum <= horizon ? deel : 0m;
                h -= deel;
                dag++;
            }

            if (trede < 6 && rng.Kans(pg.TredeOmhoog))
            {
                trede++;
                events.Add(new Trede(Id(RIds, "R", ++n), maandBegin.PlusDays(20), trede));
            }

            if (geplaatst && plaatsingBegin < maandBegin && rng.Kans(pg.EindePlaatsing))
            {
                events.Add(new PlaatsingEinde(Id(EIds, "E", plaatsingen), maandEinde, Id(PIds, "P", plaatsingen)));
                geplaatst = false;
            }

            if (rng.Kans(pg.Uitval))
            {
                events.Add(new Uitval("X", maandEinde, "uitval"));
                beeindigd = true;
                break;
            }

            maandBegin = maandVolgende;
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
                if (rng.Kans(pg.EindePlaatsing))
                {
                    events.Add(new PlaatsingEinde(Id(EIds, "E", plaatsingen), volgende.PlusMonths(j + 1).PlusDays(-1), Id(PIds, "P", plaatsingen)));
                    break;
                }
            }
        }

        return new ClientHistorie(g.Profiel, events, uren, startTrede);
    }

    private static string[] Ids(string prefix)
    {
        var ids = new string[256];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ids;
    }

    private static string Id(string[] cache, string prefix, int n)
        => n < cache.Length ? cache[n] : prefix + n.ToString(System.Globalization.CultureInfo.CurrentCulture);

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
