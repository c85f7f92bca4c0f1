using Bekostiging.Events;
using Bekostiging.Terms;

namespace Bekostiging.Settlement;

/// <summary>Where an event lies relative to the traject's active period (Start t/m the last active day), for rules tied to work or milestones.</summary>
internal static class ActievePeriode
{
    /// <summary>Whether <paramref name="e"/> lies outside the active period; if so it is listed as not payable for <paramref name="regel"/>.</summary>
    public static bool Buiten(Tijdlijn t, Gebeurtenis e, string regel, Posten uit)
    {
        if (t.Start is null)
        {
            uit.NietBetaalbaarVoor(e, Reden.GeenStart, new Uitleg("the traject has no Start, so there is no active period."), regel);
            return true;
        }

        if (e.Datum < t.Start.Datum)
        {
            uit.NietBetaalbaarVoor(e, Reden.VoorStart, new Uitleg("dated {0}, before the Start on {1}.", e.Datum, t.Start.Datum), regel);
            return true;
        }

        if (e.Datum > t.LaatsteActieveDag)
        {
            uit.NietBetaalbaarVoor(e, Reden.NaActievePeriode, new Uitleg("dated {0}, after the last active day {1}{2}.", e.Datum, t.LaatsteActieveDag, EindeUitleg(t)), regel);
            return true;
        }

        return false;
    }

    /// <summary>What ends the active period, in words: " (Uitval U-1)" or " (end of the window)".</summary>
    public static Uitleg EindeUitleg(Tijdlijn t)
        => t.Einde is not null && t.Einde.Datum == t.LaatsteActieveDag
            ? new Uitleg(" ({0} {1})", t.Einde.Soort, t.Einde.Id)
            : new Uitleg(" (end of the window)");

    /// <summary>
    /// The event that makes a one-off fee (or a part of a price) due, or null; later candidates are listed as already
    /// paid, candidates outside the active period as such.
    /// </summary>
    public static Gebeurtenis? Aanleiding(Tijdlijn t, Aanleiding aanleiding, string? mijlpaal, string code, Posten uit)
    {
        switch (aanleiding)
        {
            case Terms.Aanleiding.Aanmelding:
                return t.Aanmelding;
            case Terms.Aanleiding.Start:
                return t.Start;
            case Terms.Aanleiding.Afronding or Terms.Aanleiding.Uitval:
                var end = t.Einde;
                if (end is null || (aanleiding == Terms.Aanleiding.Afronding ? end is not Afronding : end is not Uitval))
                {
                    return null;
                }

                return Buiten(t, end, code, uit) ? null : end;
            case Terms.Aanleiding.EerstePlaatsing:
                Gebeurtenis? eerste = null;
                foreach (var p in t.Plaatsingen)
                {
                    EersteInActievePeriode(t, p.Plaatsing, ref eerste, code, uit);
                }

                return eerste;
            case Terms.Aanleiding.Mijlpaal:
                Gebeurtenis? eersteMijlpaal = null;
                foreach (var e in t.Actief)
                {
                    if (e is Mijlpaal m && m.MijlpaalSoort == mijlpaal)
                    {
                        EersteInActievePeriode(t, m, ref eersteMijlpaal, code, uit);
                    }
                }

                return eersteMijlpaal;
            default:
                return null; // a Reclame: only in a gereclameerd traject, settled there
        }
    }

    /// <summary>The trigger in words: "mijlpaal X" or the aanleiding in lower case.</summary>
    public static Arg Naam(Aanleiding aanleiding, string? mijlpaal) => aanleiding switch
    {
        Terms.Aanleiding.Mijlpaal => new Uitleg("mijlpaal {0}", mijlpaal),
        Terms.Aanleiding.Aanmelding => "aanmelding",
        Terms.Aanleiding.Start => "start",
        Terms.Aanleiding.Afronding => "afronding",
        Terms.Aanleiding.Uitval => "uitval",
        Terms.Aanleiding.EerstePlaatsing => "eersteplaatsing",
        Terms.Aanleiding.Reclame => "reclame",
        _ => aanleiding.ToString().ToLowerInvariant(),
    };

    /// <summary>A candidate for a once-only fee: the first in the active period pays; later ones are listed as already paid.</summary>
    private static void EersteInActievePeriode(Tijdlijn t, Gebeurtenis e, ref Gebeurtenis? eerste, string regel, Posten uit)
    {
        if (Buiten(t, e, regel, uit))
        {
            return;
        }

        if (eerste is null)
        {
            eerste = e;
        }
        else
        {
            uit.NietBetaalbaarVoor(e, Reden.AlBetaald, new Uitleg("the fee of rule {0} is paid once, already for event {1}.", regel, eerste.Id), regel);
        }
    }
}
