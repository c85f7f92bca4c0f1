using System;
using System.Collections.Generic;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>A plaatsing with its end, as the timeline knows it.</summary>
internal sealed class PlaatsingInfo
{
    public PlaatsingInfo(Plaatsing plaatsing) => Plaatsing = plaatsing;

    public Plaatsing Plaatsing { get; }

    public PlaatsingEinde? Einde { get; set; }

    public LocalDate Begin => Plaatsing.Datum;

    /// <summary>The last working day, or null while open-ended.</summary>
    public LocalDate? LaatsteDag => Einde?.Datum;
}

/// <summary>
/// The validated, ordered view of one traject's events: duplicates merged, withdrawals resolved, ordered by
/// (date, sequence, id), singletons found, window and active period computed. Every malformed input throws here.
/// </summary>
internal sealed class Tijdlijn
{
    private Tijdlijn(Traject traject) => Traject = traject;

    public Traject Traject { get; }

    /// <summary>Every distinct event given, in (date, sequence, id) order.</summary>
    public List<Gebeurtenis> Alle { get; } = new();

    /// <summary>Ids of events withdrawn by an active Intrekking (Intrekkingen included).</summary>
    public HashSet<string> Ingetrokken { get; } = new(StringComparer.Ordinal);

    /// <summary>Active events other than Intrekkingen, in order.</summary>
    public List<Gebeurtenis> Actief { get; } = new();

    public Aanmelding? Aanmelding { get; private set; }

    public Start? Start { get; private set; }

    public Reclame? Reclame { get; private set; }

    public Gebeurtenis? Einde { get; private set; }

    public List<PlaatsingInfo> Plaatsingen { get; } = new();

    /// <summary>Verlengingen that extended the window, with the window's last day after each.</summary>
    public List<(Verlenging Verlenging, LocalDate NieuwEinde)> Verlengingen { get; } = new();

    /// <summary>Verlengingen approved after Uitval/Afronding: not payable, extend nothing.</summary>
    public List<Verlenging> VerlengingenNaEinde { get; } = new();

    /// <summary>The window's last day after verlengingen (only with a Start).</summary>
    public LocalDate VensterEinde { get; private set; }

    /// <summary>The last active day: the earliest of the window's last day, Uitval and Afronding (only with a Start).</summary>
    public LocalDate LaatsteActieveDag { get; private set; }

    /// <summary>The date whose contract year decides traject-bound tariffs: the Start, else the Aanmelding, else the first event.</summary>
    public LocalDate TariefDatum { get; private set; }

    public bool InActievePeriode(LocalDate d) => Start is not null && d >= Start.Datum && d <= LaatsteActieveDag;

    public static Tijdlijn Bouw(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, Begrippen begrippen)
    {
        var t = new Tijdlijn(traject);
        t.Merge(gebeurtenissen);
        t.ResolveWithdrawals();
        t.Validate(begrippen);
        return t;
    }

    private BekostigingException Error(FoutCode code, string rule, Gebeurtenis? e) => new(code, rule, Traject.Id, e?.Id);

    private static int Order(Gebeurtenis a, Gebeurtenis b)
    {
        var c = a.Datum.CompareTo(b.Datum);
        if (c != 0)
        {
            return c;
        }

        c = a.Volgnummer.CompareTo(b.Volgnummer);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private void Merge(IEnumerable<Gebeurtenis> gebeurtenissen)
    {
        Preconditions.NotNull(gebeurtenissen, nameof(gebeurtenissen));
        var byId = new Dictionary<string, Gebeurtenis>(StringComparer.Ordinal);
        foreach (var e in gebeurtenissen)
        {
            if (e is null)
            {
                throw Error(FoutCode.OngeldigeParameter, "an event is null.", null);
            }

            if (byId.TryGetValue(e.Id, out var earlier))
            {
                if (!earlier.Equals(e))
                {
                    throw Error(FoutCode.DubbeleGebeurtenis, $"event id {e.Id} is given twice with different content ({earlier.Soort} and {e.Soort}); correct with an Intrekking and a new id.", e);
                }

                continue;
            }

            byId.Add(e.Id, e);
            Alle.Add(e);
        }

        Alle.Sort(Order);
    }

    private void ResolveWithdrawals()
    {
        var byId = new Dictionary<string, Gebeurtenis>(StringComparer.Ordinal);
        var withdrawers = new Dictionary<string, List<Intrekking>>(StringComparer.Ordinal);
        foreach (var e in Alle)
        {
            byId[e.Id] = e;
        }

        var any = false;
        foreach (var e in Alle)
        {
            if (e is Intrekking i)
            {
                any = true;
                if (!byId.ContainsKey(i.DoelId))
                {
                    throw Error(FoutCode.OnbekendDoelVanIntrekking, $"intrekking {i.Id} withdraws event {i.DoelId}, which the traject does not have.", i);
                }

                if (!withdrawers.TryGetValue(i.DoelId, out var list))
                {
                    withdrawers[i.DoelId] = list = new List<Intrekking>();
                }

                list.Add(i);
            }
        }

        if (any)
        {
            // 0 = unknown, 1 = being decided (cycle guard), 2 = active, 3 = withdrawn.
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            bool IsActive(Gebeurtenis e)
            {
                if (state.TryGetValue(e.Id, out var s))
                {
                    if (s == 1)
                    {
                        throw Error(FoutCode.IntrekkingsCyclus, $"intrekkingen withdraw each other in a cycle through event {e.Id}.", e);
                    }

                    return s == 2;
                }

                state[e.Id] = 1;
                var active = true;
                if (withdrawers.TryGetValue(e.Id, out var ws))
                {
                    foreach (var w in ws)
                    {
                        if (IsActive(w))
                        {
                            active = false;
                        }
                    }
                }

                state[e.Id] = active ? 2 : 3;
                return active;
            }

            foreach (var e in Alle)
            {
                if (!IsActive(e))
                {
                    Ingetrokken.Add(e.Id);
                }
            }
        }

        foreach (var e in Alle)
        {
            if (e is not Intrekking && !Ingetrokken.Contains(e.Id))
            {
                Actief.Add(e);
            }
        }
    }

    private void Validate(Begrippen begrippen)
    {
        var plaatsingen = new Dictionary<string, PlaatsingInfo>(StringComparer.Ordinal);
        var urenPerDag = new Dictionary<LocalDate, decimal>();
        foreach (var e in Actief)
        {
            switch (e)
            {
                case Aanmelding a:
                    Aanmelding = Single(Aanmelding, a);
                    break;
                case Start s:
                    Start = Single(Start, s);
                    break;
                case Reclame r:
                    Reclame = Single(Reclame, r);
                    break;
                case Uitval or Afronding:
                    if (Einde is not null)
                    {
                        throw Error(FoutCode.DubbeleGebeurtenisSoort, $"a second end of the traject ({e.Soort} {e.Id} after {Einde.Soort} {Einde.Id}); correct with an Intrekking.", e);
                    }

                    Einde = e;
                    break;
                case Uren u:
                    if (u.Aantal <= 0m || u.Aantal > 24m)
                    {
                        throw Error(FoutCode.OngeldigeUren, $"hours per Uren event lie in (0, 24]; got {u.Aantal.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", u);
                    }

                    urenPerDag.TryGetValue(u.Datum, out var sum);
                    sum += u.Aantal;
                    if (sum > 24m)
                    {
                        throw Error(FoutCode.TeveelUrenPerDag, $"the Uren events of {Tekst.Datum(u.Datum)} total {sum.ToString(System.Globalization.CultureInfo.InvariantCulture)} hours; at most 24 hours a day per traject.", u);
                    }

                    urenPerDag[u.Datum] = sum;
                    break;
                case Trede tr when tr.Niveau is < 1 or > 6:
                    throw Error(FoutCode.OngeldigeTrede, $"a rung on the participatieladder is 1–6; got {tr.Niveau}.", tr);
                case Plaatsing p:
                    if (p.UrenPerWeek <= 0m || p.UrenPerWeek > 168m)
                    {
                        throw Error(FoutCode.OngeldigePlaatsing, $"hours per week lie in (0, 168]; got {p.UrenPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", p);
                    }

                    if (p.ContractMaanden is < 1)
                    {
                        throw Error(FoutCode.OngeldigePlaatsing, $"a contract length is at least 1 month, or open-ended; got {p.ContractMaanden}.", p);
                    }

                    if (plaatsingen.ContainsKey(p.Sleutel))
                    {
                        throw Error(FoutCode.DubbelePlaatsingId, $"plaatsing id {p.Sleutel} is used by two active plaatsingen.", p);
                    }

                    var info = new PlaatsingInfo(p);
                    plaatsingen.Add(p.Sleutel, info);
                    Plaatsingen.Add(info);
                    break;
            }
        }

        // Ends are matched after all plaatsingen are known: an end may be dated before a wrongly dated begin.
        foreach (var e in Actief)
        {
            if (e is PlaatsingEinde pe)
            {
                if (!plaatsingen.TryGetValue(pe.PlaatsingId, out var info))
                {
                    throw Error(FoutCode.OnbekendePlaatsing, $"plaatsingEinde refers to plaatsing {pe.PlaatsingId}, which the traject does not have.", pe);
                }

                if (info.Einde is not null)
                {
                    throw Error(FoutCode.DubbelPlaatsingEinde, $"plaatsing {pe.PlaatsingId} already ended on {Tekst.Datum(info.Einde.Datum)} (event {info.Einde.Id}).", pe);
                }

                if (pe.Datum < info.Begin)
                {
                    throw Error(FoutCode.EindeVoorBegin, $"plaatsing {pe.PlaatsingId} ends on {Tekst.Datum(pe.Datum)}, before it begins on {Tekst.Datum(info.Begin)}.", pe);
                }

                info.Einde = pe;
            }
        }

        if (Start is not null && Aanmelding is not null && Start.Datum < Aanmelding.Datum)
        {
            throw Error(FoutCode.StartVoorAanmelding, $"the Start ({Tekst.Datum(Start.Datum)}) is before the Aanmelding ({Tekst.Datum(Aanmelding.Datum)}).", Start);
        }

        if (Reclame is not null)
        {
            if (Aanmelding is null)
            {
                throw Error(FoutCode.ReclameZonderAanmelding, "a Reclame needs an Aanmelding: the reclametermijn runs from it.", Reclame);
            }

            var deadline = begrippen.Reclametermijn.Voltooid(Aanmelding.Datum);
            if (Reclame.Datum > deadline)
            {
                throw Error(FoutCode.ReclameTeLaat, $"reclame on {Tekst.Datum(Reclame.Datum)} is after the reclametermijn of {begrippen.Reclametermijn} from the aanmelding of {Tekst.Datum(Aanmelding.Datum)}, which ended on {Tekst.Datum(deadline)}.", Reclame);
            }
        }

        TariefDatum = Start?.Datum ?? Aanmelding?.Datum ?? (Alle.Count > 0 ? Alle[0].Datum : default);
        if (Start is null)
        {
            return;
        }

        var window = Traject.MaximaleDoorlooptijd.LaatsteDag(Start.Datum);
        LocalDate? cap = Traject.Model.MaximaleDoorlooptijd is { } max ? max.LaatsteDag(Start.Datum) : null;
        if (cap is { } c0 && window > c0)
        {
            window = c0;
        }

        foreach (var e in Actief)
        {
            if (e is not Verlenging v)
            {
                continue;
            }

            if (v.Datum > window)
            {
                throw Error(FoutCode.VerlengingNaVenster, $"verlenging approved on {Tekst.Datum(v.Datum)}, after the window's last day {Tekst.Datum(window)}; a verlenging is approved on or before it.", v);
            }

            if (Einde is not null && v.Datum > Einde.Datum)
            {
                VerlengingenNaEinde.Add(v);
                continue;
            }

            window = v.Periode.Verleng(window);
            if (cap is { } c && window > c)
            {
                window = c;
            }

            Verlengingen.Add((v, window));
        }

        VensterEinde = window;
        LaatsteActieveDag = Einde is not null && Einde.Datum < window ? Einde.Datum : window;
    }

    private T Single<T>(T? current, T next)
        where T : Gebeurtenis
    {
        if (current is not null)
        {
            throw Error(FoutCode.DubbeleGebeurtenisSoort, $"a second {next.Soort} ({next.Id} after {current.Id}); a traject has one; correct with an Intrekking.", next);
        }

        return next;
    }
}
