using System;
using System.Collections.Generic;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>Assembly of the result: split by peildatum, status, and the accounting of every event.</summary>
internal sealed partial class TrajectBerekening
{
    /// <summary>The details of the settlement, in the order of <see cref="UitgesteldeAfrekening"/>'s lists: due lines, pending lines, and (when listed) not payable and accounting.</summary>
    private object?[] Assemble(LocalDate peildatum)
    {
        _regels.Sort(Kandidaat.Volgorde);

        var due = new List<Afrekeningsregel>(_regels.Count);
        var pending = new List<Afrekeningsregel>();
        foreach (var k in _regels)
        {
            var isDue = k.Vervaldatum <= peildatum;
            var line = new Afrekeningsregel(
                k.Sleutel,
                k.RegelCode,
                k.Vervaldatum,
                k.Grondslag!,
                k.Bedrag,
                ValueList<string>.Own(k.Bronnen!),
                k.Omschrijving!,
                isDue ? null : k.Voorwaarde ?? "due on " + Tekst.Datum(k.Vervaldatum) + " (no further condition)");
            (isDue ? due : pending).Add(line);
        }

        if (!MetNietBetaalbaar)
        {
            return new object?[] { due.ToArray(), pending.ToArray(), null, null };
        }

        foreach (var id in _t.Ingetrokken)
        {
            _nietBetaalbaar.Add(new NietBetaalbaar(id, Reden.Ingetrokken, "withdrawn by an intrekking.", null));
        }

        foreach (var e in _t.Alle)
        {
            if (e is Intrekking i && !_t.IsIngetrokken(i.Id))
            {
                _nietBetaalbaar.Add(new NietBetaalbaar(i.Id, Reden.Intrekking, "withdraws event " + i.DoelId + ".", null));
            }
        }

        var accounting = Account(due, pending);
        return new object?[] { due.ToArray(), pending.ToArray(), _nietBetaalbaar.ToArray(), accounting };
    }

    /// <summary>The primary place of every event: the first due line it is a source of, else the first pending line, else its first not-payable item.</summary>
    private Verantwoording[] Account(List<Afrekeningsregel> due, List<Afrekeningsregel> pending)
    {
        var alle = _t.Alle;
        var result = new Verantwoording?[alle.Count];

        // Where each event id stands in Alle: a scan for a handful of events, a dictionary for many.
        Dictionary<string, int>? index = null;
        if (alle.Count > 16)
        {
            index = new Dictionary<string, int>(alle.Count, StringComparer.Ordinal);
            for (var i = 0; i < alle.Count; i++)
            {
                index[alle[i].Id] = i;
            }
        }

        int IndexOf(string id)
        {
            if (index is not null)
            {
                return index.TryGetValue(id, out var found) ? found : -1;
            }

            for (var i = 0; i < alle.Count; i++)
            {
                if (string.Equals(alle[i].Id, id, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        // Ids are those of the given events; an id could in principle name none of them, and then it is simply not listed.
        void Claim(string id, Plaats plaats, string verwijzing)
        {
            var i = IndexOf(id);
            if (i >= 0 && result[i] is null)
            {
                result[i] = new Verantwoording(id, plaats, verwijzing);
            }
        }

        foreach (var line in due)
        {
            foreach (var id in line.Bronnen)
            {
                Claim(id, Plaats.Verschuldigd, line.Sleutel);
            }
        }

        foreach (var line in pending)
        {
            foreach (var id in line.Bronnen)
            {
                Claim(id, Plaats.Verwacht, line.Sleutel);
            }
        }

        foreach (var n in _nietBetaalbaar)
        {
            Claim(n.GebeurtenisId, Plaats.NietBetaalbaar, n.Reden.ToString());
        }

        var accounting = new Verantwoording[alle.Count];
        for (var i = 0; i < alle.Count; i++)
        {
            var e = alle[i];
            if (result[i] is not { } v)
            {
                var entry = new NietBetaalbaar(e.Id, Reden.GeenVergoeding, "no fee in this model; " + Effect(e), null);
                _nietBetaalbaar.Add(entry);
                v = new Verantwoording(e.Id, Plaats.NietBetaalbaar, nameof(Reden.GeenVergoeding));
            }

            accounting[i] = v;
        }

        return accounting;
    }

    private string Effect(Gebeurtenis e) => e switch
    {
        Aanmelding a => "starts the reclametermijn on " + Tekst.Datum(a.Datum) + ".",
        Start => "starts the window, t/m " + Tekst.Datum(_t.VensterEinde) + ".",
        Uitval u => "ends the active period on " + Tekst.Datum(u.Datum) + ".",
        Afronding a => "ends the traject on " + Tekst.Datum(a.Datum) + ".",
        PlaatsingEinde pe => "ends plaatsing " + pe.PlaatsingId + " on " + Tekst.Datum(pe.Datum) + ".",
        Verlenging v => $"extends the window by {v.Periode}.",
        Plaatsing p => $"plaatsing {p.Sleutel} ({p.Type}) from {Tekst.Datum(p.Datum)}.",
        Mijlpaal m => "mijlpaal " + m.MijlpaalSoort + " reached.",
        Trede t => $"rung {t.Niveau} reached.",
        _ => e.Soort + " recorded.",
    };

    private TrajectStatus Status(LocalDate peildatum)
    {
        if (_t.Reclame is { } r && r.Datum <= peildatum)
        {
            return TrajectStatus.Gereclameerd;
        }

        if (_t.Einde is Uitval u && u.Datum <= peildatum)
        {
            return TrajectStatus.Uitgevallen;
        }

        if (_t.Einde is Afronding a && a.Datum <= peildatum)
        {
            return TrajectStatus.Afgerond;
        }

        foreach (var p in _t.Plaatsingen)
        {
            if (p.Begin <= peildatum && (p.LaatsteDag is null || p.LaatsteDag >= peildatum))
            {
                return TrajectStatus.Geplaatst;
            }
        }

        if (_t.Start is { } s && s.Datum <= peildatum)
        {
            return TrajectStatus.Lopend;
        }

        return TrajectStatus.Aangemeld;
    }
}

/// <summary>
/// The details of a settlement whose amounts are known, built on first use by settling the same timeline again: the
/// lines with their texts when the lines are read; what is not payable and the accounting when those are read (a
/// contract or an invoice run reads only the lines). The result is the one an eager settlement gives: the same rules
/// over the same validated timeline.
/// </summary>
internal sealed class UitgesteldeAfrekening : IUitgesteldeLijsten
{
    public const int Verschuldigd = 0;
    public const int Verwacht = 1;
    public const int NietBetaalbaar = 2;
    public const int Verantwoording = 3;

    private readonly LocalDate _peildatum;
    private Tijdlijn? _tijdlijn;
    private ITariefregeling? _tarieven;
    private object?[]? _regels;
    private object?[]? _alles;
    private Regelkern[][]? _kernen;

    public UitgesteldeAfrekening(Tijdlijn tijdlijn, ITariefregeling tarieven, LocalDate peildatum, Bedrag totaalVerschuldigd, Bedrag totaalVerwacht)
    {
        _tijdlijn = tijdlijn;
        _tarieven = tarieven;
        _peildatum = peildatum;
        TotaalVerschuldigd = totaalVerschuldigd;
        TotaalVerwacht = totaalVerwacht;
    }

    /// <summary>The sum of the due lines, known without the details.</summary>
    public Bedrag TotaalVerschuldigd { get; }

    /// <summary>The sum of the pending lines, known without the details.</summary>
    public Bedrag TotaalVerwacht { get; }

    /// <summary>The total of list <paramref name="welke"/> (due or pending).</summary>
    public Bedrag Totaal(int welke) => welke == Verschuldigd ? TotaalVerschuldigd : TotaalVerwacht;

    /// <summary>Keeps the cores the quick pass computed (see <see cref="TrajectBerekening.Afrekenen"/>).</summary>
    public void ZetKernen(Regelkern[][] kernen) => _kernen = kernen;

    /// <summary>
    /// The key, amount and due date of the lines of list <paramref name="welke"/> (due or pending), in line order and
    /// without their texts: a contract or an invoice run needs no more of most lines.
    /// </summary>
    public Regelkern[] Kern(int welke)
    {
        lock (this)
        {
            if (_kernen is null)
            {
                var bekend = _alles ?? _regels;
                _kernen = bekend is not null
                    ? new[] { Regelkern.Van((Afrekeningsregel[])bekend[Verschuldigd]!), Regelkern.Van((Afrekeningsregel[])bekend[Verwacht]!) }
                    : TrajectBerekening.Kernen(_tijdlijn!, _tarieven!, _peildatum);
            }

            return _kernen[welke];
        }
    }

    public T[] Lijst<T>(int welke)
    {
        lock (this)
        {
            if (_alles is null && welke is Verschuldigd or Verwacht)
            {
                _regels ??= TrajectBerekening.Details(_tijdlijn!, _tarieven!, _peildatum, metNietBetaalbaar: false);
                return (T[])_regels[welke]!;
            }

            if (_alles is null)
            {
                _alles = TrajectBerekening.Details(_tijdlijn!, _tarieven!, _peildatum, metNietBetaalbaar: true);
                _tijdlijn = null; // every detail is known: let the timeline go
                _tarieven = null;
                _regels = null;
            }

            return (T[])_alles[welke]!;
        }
    }
}

/// <summary>A settlement line reduced to what totals and invoice runs compare: its key, amount and due date.</summary>
/// <param name="Sleutel">The line key.</param>
/// <param name="Bedrag">The amount.</param>
/// <param name="Vervaldatum">The due date.</param>
internal readonly record struct Regelkern(string Sleutel, Bedrag Bedrag, LocalDate Vervaldatum)
{
    public static Regelkern[] Van(Afrekeningsregel[] regels)
    {
        var result = new Regelkern[regels.Length];
        for (var i = 0; i < regels.Length; i++)
        {
            result[i] = new Regelkern(regels[i].Sleutel, regels[i].Bedrag, regels[i].Vervaldatum);
        }

        return result;
    }

    /// <summary>The cores of a settlement's due or pending lines: from the deferred settlement without building texts, else from the lines.</summary>
    public static Regelkern[] Van(ValueList<Afrekeningsregel> regels)
    {
        return regels.IsUitgesteld(out var bron, out var welke) && bron is UitgesteldeAfrekening details
            ? details.Kern(welke)
            : Van(System.Linq.Enumerable.ToArray(regels));
    }
}
