using System.Collections.Generic;
using System.Linq;
using Bekostiging.Events;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>Assembly of the result: split by peildatum, status, and the accounting of every event.</summary>
internal sealed partial class TrajectBerekening
{
    private Afrekening Assemble(LocalDate peildatum)
    {
        _regels.Sort(static (a, b) =>
        {
            var c = a.Vervaldatum.CompareTo(b.Vervaldatum);
            if (c != 0)
            {
                return c;
            }

            c = a.RegelIndex.CompareTo(b.RegelIndex);
            return c != 0 ? c : string.CompareOrdinal(a.Sleutel, b.Sleutel);
        });

        var due = new List<Afrekeningsregel>();
        var pending = new List<Afrekeningsregel>();
        foreach (var k in _regels)
        {
            var isDue = k.Vervaldatum <= peildatum;
            var line = new Afrekeningsregel(
                k.Sleutel,
                k.RegelCode,
                k.Vervaldatum,
                k.Grondslag,
                k.Bedrag,
                ValueList<string>.Own(k.Bronnen),
                k.Omschrijving,
                isDue ? null : k.Voorwaarde ?? $"due on {Tekst.Datum(k.Vervaldatum)} (no further condition)");
            (isDue ? due : pending).Add(line);
        }

        foreach (var id in _t.Ingetrokken)
        {
            _nietBetaalbaar.Add(new NietBetaalbaar(id, Reden.Ingetrokken, "withdrawn by an intrekking.", null));
        }

        foreach (var e in _t.Alle)
        {
            if (e is Intrekking i && !_t.Ingetrokken.Contains(i.Id))
            {
                _nietBetaalbaar.Add(new NietBetaalbaar(i.Id, Reden.Intrekking, $"withdraws event {i.DoelId}.", null));
            }
        }

        var accounting = Account(due, pending);
        return new Afrekening(
            _t.Traject.Id,
            peildatum,
            Status(peildatum),
            ValueList<Afrekeningsregel>.Own(due.ToArray()),
            ValueList<Afrekeningsregel>.Own(pending.ToArray()),
            ValueList<NietBetaalbaar>.Own(_nietBetaalbaar.ToArray()),
            ValueList<Verantwoording>.Own(accounting));
    }

    private Verantwoording[] Account(List<Afrekeningsregel> due, List<Afrekeningsregel> pending)
    {
        var primary = new Dictionary<string, Verantwoording>(System.StringComparer.Ordinal);
        foreach (var line in due)
        {
            foreach (var id in line.Bronnen)
            {
                if (!primary.ContainsKey(id))
                {
                    primary[id] = new Verantwoording(id, Plaats.Verschuldigd, line.Sleutel);
                }
            }
        }

        foreach (var line in pending)
        {
            foreach (var id in line.Bronnen)
            {
                if (!primary.ContainsKey(id))
                {
                    primary[id] = new Verantwoording(id, Plaats.Verwacht, line.Sleutel);
                }
            }
        }

        foreach (var n in _nietBetaalbaar)
        {
            if (!primary.ContainsKey(n.GebeurtenisId))
            {
                primary[n.GebeurtenisId] = new Verantwoording(n.GebeurtenisId, Plaats.NietBetaalbaar, n.Reden.ToString());
            }
        }

        var result = new Verantwoording[_t.Alle.Count];
        for (var i = 0; i < _t.Alle.Count; i++)
        {
            var e = _t.Alle[i];
            if (!primary.TryGetValue(e.Id, out var v))
            {
                var entry = new NietBetaalbaar(e.Id, Reden.GeenVergoeding, $"no fee in this model; {Effect(e)}", null);
                _nietBetaalbaar.Add(entry);
                v = new Verantwoording(e.Id, Plaats.NietBetaalbaar, nameof(Reden.GeenVergoeding));
            }

            result[i] = v;
        }

        return result;
    }

    private string Effect(Gebeurtenis e) => e switch
    {
        Aanmelding a => $"starts the reclametermijn on {Tekst.Datum(a.Datum)}.",
        Start s => $"starts the window, t/m {Tekst.Datum(_t.VensterEinde)}.",
        Uitval u => $"ends the active period on {Tekst.Datum(u.Datum)}.",
        Afronding a => $"ends the traject on {Tekst.Datum(a.Datum)}.",
        PlaatsingEinde pe => $"ends plaatsing {pe.PlaatsingId} on {Tekst.Datum(pe.Datum)}.",
        Verlenging v => $"extends the window by {v.Periode}.",
        Plaatsing p => $"plaatsing {p.Sleutel} ({p.Type}) from {Tekst.Datum(p.Datum)}.",
        Mijlpaal m => $"mijlpaal {m.MijlpaalSoort} reached.",
        Trede t => $"rung {t.Niveau} reached.",
        _ => $"{e.Soort} recorded.",
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

        if (_t.Plaatsingen.Any(p => p.Begin <= peildatum && (p.LaatsteDag is null || p.LaatsteDag >= peildatum)))
        {
            return TrajectStatus.Geplaatst;
        }

        if (_t.Start is { } s && s.Datum <= peildatum)
        {
            return TrajectStatus.Lopend;
        }

        return TrajectStatus.Aangemeld;
    }
}
