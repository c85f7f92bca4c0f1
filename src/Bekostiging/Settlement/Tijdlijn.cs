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
/// <remarks>
/// Built in two steps: the events (merge, withdrawals, their own validation) and the window (which depends on the
/// traject's model and doorlooptijd and on the begrippen). <see cref="VoorTraject"/> reuses the first step for the same
/// events under another model, as the scenario simulation does. Small trajecten, the usual case, need no dictionaries:
/// the lookups scan short lists and switch to a dictionary only when the lists grow.
/// </remarks>
internal sealed class Tijdlijn
{
    // Above this many events (or plaatsingen) lookups use a dictionary instead of scanning.
    private const int KleinAantal = 16;

    // Shared empty lists of timelines that have none: never added to (each Add below first makes its own list).
    private static readonly List<PlaatsingInfo> GeenPlaatsingen = new(0);
    private static readonly List<(Verlenging Verlenging, LocalDate NieuwEinde)> GeenVerlengingen = new(0);
    private static readonly List<Verlenging> GeenVerlengingenNaEinde = new(0);
    private static readonly List<Gebeurtenis> GeenGebeurtenissen = new(0);
    private static readonly List<PlaatsingEinde> GeenEinden = new(0);

    private HashSet<string>? _ingetrokken;
    private bool _heeftVerlenging;

    private Tijdlijn(Traject traject, List<Gebeurtenis> alle)
    {
        Traject = traject;
        Alle = alle;
        Actief = alle;
    }

    public Traject Traject { get; private set; }

    /// <summary>Every distinct event given, in (date, sequence, id) order.</summary>
    public List<Gebeurtenis> Alle { get; private set; }

    /// <summary>Whether an active Intrekking withdraws the event (Intrekkingen included).</summary>
    public bool IsIngetrokken(string id) => _ingetrokken is not null && _ingetrokken.Contains(id);

    /// <summary>Ids of events withdrawn by an active Intrekking, in the order of <see cref="Alle"/>.</summary>
    public IEnumerable<string> Ingetrokken => _ingetrokken ?? (IEnumerable<string>)Array.Empty<string>();

    /// <summary>Active events other than Intrekkingen, in order (the same list as <see cref="Alle"/> when there are none).</summary>
    public List<Gebeurtenis> Actief { get; private set; }

    public Aanmelding? Aanmelding { get; private set; }

    public Start? Start { get; private set; }

    public Reclame? Reclame { get; private set; }

    public Gebeurtenis? Einde { get; private set; }

    public List<PlaatsingInfo> Plaatsingen { get; private set; } = GeenPlaatsingen;

    /// <summary>Verlengingen that extended the window, with the window's last day after each.</summary>
    public List<(Verlenging Verlenging, LocalDate NieuwEinde)> Verlengingen { get; private set; } = GeenVerlengingen;

    /// <summary>
    /// Active PlaatsingEinden whose plaatsing was withdrawn (and not reported again under its id): a correction, so
    /// each is not payable with that reason and ends nothing (domain.md §12).
    /// </summary>
    public List<PlaatsingEinde> EindenVanIngetrokken { get; private set; } = GeenEinden;

    /// <summary>The begrippen the timeline was built under (durability term and minimum hours for definitions that take them).</summary>
    public Begrippen Begrippen { get; private set; } = Begrippen.Standaard;

    /// <summary>Verlengingen approved after Uitval/Afronding: not payable, extend nothing.</summary>
    public List<Verlenging> VerlengingenNaEinde { get; private set; } = GeenVerlengingenNaEinde;

    /// <summary>The window's last day after verlengingen (only with a Start).</summary>
    public LocalDate VensterEinde { get; private set; }

    /// <summary>The last active day: the earliest of the window's last day, Uitval and Afronding (only with a Start).</summary>
    public LocalDate LaatsteActieveDag { get; private set; }

    /// <summary>The date whose contract year decides traject-bound tariffs: the Start, else the Aanmelding, else the first event.</summary>
    public LocalDate TariefDatum { get; private set; }

    public bool InActievePeriode(LocalDate d) => Start is not null && d >= Start.Datum && d <= LaatsteActieveDag;

    /// <summary>Builds and validates the timeline of <paramref name="traject"/>.</summary>
    /// <param name="traject">The traject.</param>
    /// <param name="gebeurtenissen">Its events, in any order.</param>
    /// <param name="begrippen">The begrippen in force.</param>
    public static Tijdlijn Bouw(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, Begrippen begrippen)
    {
        Preconditions.NotNull(gebeurtenissen, nameof(gebeurtenissen));
        var t = new Tijdlijn(traject, Merge(traject, gebeurtenissen));
        t.ResolveWithdrawals();
        t.ValidateEvents();
        t.ValidateWindow(begrippen);
        return t;
    }

    /// <summary>
    /// For the scenario simulation, which draws the events itself (none null, every id once) and settles them at once:
    /// the timeline takes over <paramref name="eigen"/> and sorts it in place, and with <paramref name="hergebruik"/> that
    /// object is refilled. The result is the one <see cref="Bouw"/> gives for the same events.
    /// </summary>
    public static Tijdlijn BouwUitEigenLijst(Traject traject, List<Gebeurtenis> eigen, Begrippen begrippen, Tijdlijn? hergebruik)
    {
        eigen.Sort(Order);
        var t = hergebruik ?? new Tijdlijn(traject, eigen);
        t.Traject = traject;
        t.Alle = eigen;
        t.Actief = eigen;
        t._ingetrokken = null;
        t._heeftVerlenging = false;
        t.Aanmelding = null;
        t.Start = null;
        t.Reclame = null;
        t.Einde = null;
        t.Plaatsingen = GeenPlaatsingen;
        t.Verlengingen = GeenVerlengingen;
        t.VerlengingenNaEinde = GeenVerlengingenNaEinde;
        t.VensterEinde = default;
        t.LaatsteActieveDag = default;
        t.TariefDatum = default;
        t.EindenVanIngetrokken = GeenEinden;
        t.ResolveWithdrawals();
        t.ValidateEvents();
        t.ValidateWindow(begrippen);
        return t;
    }

    /// <summary>
    /// The same events for another traject with the same id (another model or doorlooptijd): the events' validation is
    /// reused, the window is computed anew. With <paramref name="hergebruik"/> that object is filled instead of a new one
    /// (the scenario simulation settles one history under several models, one after another).
    /// </summary>
    public Tijdlijn VoorTraject(Traject traject, Begrippen begrippen, Tijdlijn? hergebruik = null)
    {
        if (!string.Equals(traject.Id, Traject.Id, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A timeline is reused only for the same traject id.");
        }

        var t = hergebruik ?? new Tijdlijn(traject, Alle);
        t.Traject = traject;
        t.Alle = Alle;
        t._ingetrokken = _ingetrokken;
        t._heeftVerlenging = _heeftVerlenging;
        t.Actief = Actief;
        t.Aanmelding = Aanmelding;
        t.Start = Start;
        t.Reclame = Reclame;
        t.Einde = Einde;
        t.Plaatsingen = Plaatsingen;
        t.EindenVanIngetrokken = EindenVanIngetrokken;
        t.Verlengingen = GeenVerlengingen;
        t.VerlengingenNaEinde = GeenVerlengingenNaEinde;
        t.VensterEinde = default;
        t.LaatsteActieveDag = default;
        t.ValidateWindow(begrippen);
        return t;
    }

    /// <summary>
    /// This timeline for another traject of the same id whose window is the same (the same doorlooptijd and cap, the
    /// same begrippen): only the traject, and so the model, changes. The scenario simulation settles one history under
    /// several models so.
    /// </summary>
    public Tijdlijn MetZelfdeVenster(Traject traject)
    {
        Traject = traject;
        return this;
    }

    private static BekostigingException Error(Traject traject, FoutCode code, string rule, Gebeurtenis? e) => new(code, rule, traject.Id, e?.Id);

    private BekostigingException Error(FoutCode code, string rule, Gebeurtenis? e) => Error(Traject, code, rule, e);

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

    /// <summary>The distinct events in (date, sequence, id) order; a null event or an id given twice with different content is an error.</summary>
    private static List<Gebeurtenis> Merge(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen)
    {
        // An array or a collection is copied in one go; anything else is enumerated.
        var alle = gebeurtenissen is ICollection<Gebeurtenis> c ? new List<Gebeurtenis>(c) : new List<Gebeurtenis>(gebeurtenissen);
        var schoon = true;
        foreach (var e in alle)
        {
            schoon &= e is not null;
        }

        // The usual case: no nulls and every id once. Otherwise merge the way the rules say, in input order, so the
        // first offending event (null, or an id with different content) is the one reported.
        if (!schoon || HasDuplicateId(alle))
        {
            alle = MergeInInputOrder(traject, alle);
        }

        alle.Sort(Order);
        return alle;
    }

    /// <summary>
    /// Whether two events share an id. Each id gets a fingerprint (an ordinal hash, not randomised, so
    /// equal ids have equal prints); a few prints are compared pair by pair, more are sorted so that only neighbours
    /// with the same print are compared as strings.
    /// </summary>
    private static bool HasDuplicateId(List<Gebeurtenis> alle)
    {
        var n = alle.Count;
        if (n < 2)
        {
            return false;
        }

        var prints = new ulong[n];

        // High 32 bits: the hash; low bits: the position, so a sorted print still leads back to its event.
        for (var i = 0; i < n; i++)
        {
            prints[i] = ((ulong)Vingerafdruk(alle[i].Id) << 32) | (uint)i;
        }

        if (n <= KleinAantal)
        {
            // A few events: compare every pair of prints, the ids only when the prints agree.
            for (var i = 1; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if ((prints[i] >> 32) == (prints[j] >> 32) && string.Equals(alle[i].Id, alle[j].Id, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        Array.Sort(prints, 0, n);
        for (var i = 1; i < n; i++)
        {
            if ((prints[i] >> 32) != (prints[i - 1] >> 32))
            {
                continue;
            }

            // Same print: compare this id with every earlier one of the same print.
            var id = alle[(int)(uint)prints[i]].Id;
            for (var j = i - 1; j >= 0 && (prints[j] >> 32) == (prints[i] >> 32); j--)
            {
                if (string.Equals(alle[(int)(uint)prints[j]].Id, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An ordinal hash of an id (FNV-1a over its UTF-16 code units), the same in every run.</summary>
    private static uint Vingerafdruk(string id)
    {
        var h = 2166136261u;
        foreach (var ch in id)
        {
            h = (h ^ ch) * 16777619u;
        }

        return h;
    }

    private static List<Gebeurtenis> MergeInInputOrder(Traject traject, List<Gebeurtenis> input)
    {
        var byId = new Dictionary<string, Gebeurtenis>(StringComparer.Ordinal);
        var alle = new List<Gebeurtenis>(input.Count);
        foreach (var e in input)
        {
            if (e is null)
            {
                throw Error(traject, FoutCode.OngeldigeParameter, "an event is null.", null);
            }

            if (byId.TryGetValue(e.Id, out var earlier))
            {
                if (!earlier.Equals(e))
                {
                    throw Error(traject, FoutCode.DubbeleGebeurtenis, $"event id {e.Id} is given twice with different content ({earlier.Soort} and {e.Soort}); correct with an Intrekking and a new id.", e);
                }

                continue;
            }

            byId.Add(e.Id, e);
            alle.Add(e);
        }

        return alle;
    }

    private void ResolveWithdrawals()
    {
        var any = false;
        foreach (var e in Alle)
        {
            any |= e is Intrekking;
        }

        if (!any)
        {
            return; // nothing withdrawn: every event is active
        }

        var byId = new Dictionary<string, Gebeurtenis>(StringComparer.Ordinal);
        var withdrawers = new Dictionary<string, List<Intrekking>>(StringComparer.Ordinal);
        foreach (var e in Alle)
        {
            byId[e.Id] = e;
        }

        foreach (var e in Alle)
        {
            if (e is Intrekking i)
            {
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

        var ingetrokken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Alle)
        {
            if (!IsActive(e))
            {
                ingetrokken.Add(e.Id);
            }
        }

        var actief = new List<Gebeurtenis>(Alle.Count);
        foreach (var e in Alle)
        {
            if (e is not Intrekking && !ingetrokken.Contains(e.Id))
            {
                actief.Add(e);
            }
        }

        _ingetrokken = ingetrokken;
        Actief = actief;
    }

    /// <summary>The rules every event stream must keep, whatever the model: singletons, hours, rungs, plaatsingen and their ends.</summary>
    private void ValidateEvents()
    {
        Dictionary<string, PlaatsingInfo>? plaatsingIndex = null;

        // Events are in date order, so the Uren of one date follow each other: a running sum per date suffices.
        var urenDatum = default(LocalDate);
        var urenVanDag = 0m;
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
                case Verlenging:
                    _heeftVerlenging = true;
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

                    if (u.Datum != urenDatum)
                    {
                        urenDatum = u.Datum;
                        urenVanDag = 0m;
                    }

                    urenVanDag += u.Aantal;
                    if (urenVanDag > 24m)
                    {
                        throw Error(FoutCode.TeveelUrenPerDag, $"the Uren events of {Tekst.Datum(u.Datum)} total {urenVanDag.ToString(System.Globalization.CultureInfo.InvariantCulture)} hours; at most 24 hours a day per traject.", u);
                    }

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

                    if (FindPlaatsing(p.Sleutel, plaatsingIndex) is not null)
                    {
                        throw Error(FoutCode.DubbelePlaatsingId, $"plaatsing id {p.Sleutel} is used by two active plaatsingen.", p);
                    }

                    var info = new PlaatsingInfo(p);
                    if (ReferenceEquals(Plaatsingen, GeenPlaatsingen))
                    {
                        Plaatsingen = new List<PlaatsingInfo>(2);
                    }

                    Plaatsingen.Add(info);
                    if (plaatsingIndex is not null || Plaatsingen.Count > KleinAantal)
                    {
                        plaatsingIndex ??= NewIndex(Plaatsingen);
                        plaatsingIndex[p.Sleutel] = info;
                    }

                    break;
            }
        }

        // Ends are matched after all plaatsingen are known: an end may be dated before a wrongly dated begin.
        foreach (var e in Actief)
        {
            if (e is PlaatsingEinde pe)
            {
                if (FindPlaatsing(pe.PlaatsingId, plaatsingIndex) is not { } info)
                {
                    if (HasWithdrawnPlaatsing(pe.PlaatsingId))
                    {
                        if (ReferenceEquals(EindenVanIngetrokken, GeenEinden))
                        {
                            EindenVanIngetrokken = new List<PlaatsingEinde>(1);
                        }

                        EindenVanIngetrokken.Add(pe);
                        continue;
                    }

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
    }

    /// <summary>Whether a plaatsing with this id was given and is withdrawn (only asked for an end without an active plaatsing).</summary>
    private bool HasWithdrawnPlaatsing(string sleutel)
    {
        foreach (var e in Alle)
        {
            if (e is Plaatsing p && string.Equals(p.Sleutel, sleutel, StringComparison.Ordinal) && IsIngetrokken(p.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The reclametermijn (begrippen), the tariff date and the window (the traject's model and doorlooptijd).</summary>
    private void ValidateWindow(Begrippen begrippen)
    {
        Begrippen = begrippen;
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

        foreach (var e in _heeftVerlenging ? Actief : GeenGebeurtenissen)
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
                if (ReferenceEquals(VerlengingenNaEinde, GeenVerlengingenNaEinde))
                {
                    VerlengingenNaEinde = new List<Verlenging>();
                }

                VerlengingenNaEinde.Add(v);
                continue;
            }

            window = v.Periode.Verleng(window);
            if (cap is { } c && window > c)
            {
                window = c;
            }

            if (ReferenceEquals(Verlengingen, GeenVerlengingen))
            {
                Verlengingen = new List<(Verlenging Verlenging, LocalDate NieuwEinde)>();
            }

            Verlengingen.Add((v, window));
        }

        VensterEinde = window;
        LaatsteActieveDag = Einde is not null && Einde.Datum < window ? Einde.Datum : window;
    }

    private static Dictionary<string, PlaatsingInfo> NewIndex(List<PlaatsingInfo> plaatsingen)
    {
        var index = new Dictionary<string, PlaatsingInfo>(StringComparer.Ordinal);
        foreach (var info in plaatsingen)
        {
            index[info.Plaatsing.Sleutel] = info;
        }

        return index;
    }

    private PlaatsingInfo? FindPlaatsing(string sleutel, Dictionary<string, PlaatsingInfo>? index)
    {
        if (index is not null)
        {
            return index.TryGetValue(sleutel, out var found) ? found : null;
        }

        foreach (var info in Plaatsingen)
        {
            if (string.Equals(info.Plaatsing.Sleutel, sleutel, StringComparison.Ordinal))
            {
                return info;
            }
        }

        return null;
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
