using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Bekostiging.Events;
using Bekostiging.Settlement.Regels;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>A line before the maximum is applied and the peildatum splits due from pending.</summary>
/// <remarks>
/// A value, kept in a list the calculation reuses. Without details (<see cref="TrajectBerekening.MetDetails"/>) the
/// grondslag, sources, description and condition are left out; the key is kept in two parts and joined only when asked.
/// </remarks>
internal struct Kandidaat
{
    public required string RegelCode { get; init; }

    /// <summary>What follows "code/" in the key (an event id, a month, an index), or null when the key is the code alone.</summary>
    public string? SleutelDeel { get; init; }

    public required int RegelIndex { get; init; }

    public required LocalDate Vervaldatum { get; init; }

    // The texts and sources sit in one object, made only when a calculation builds details: the struct stays small,
    // so adding it to the list is a cheap copy (a copy shares the object; only the maximum changes a grondslag, on the
    // copy that replaces the original).
    private KandidaatDetails? _details;

    public required Grondslag? Grondslag
    {
        readonly get => _details?.Grondslag;
        set => Details(value is not null)?.Grondslag = value;
    }

    public required Bedrag Bedrag { get; set; }

    public required string[]? Bronnen
    {
        readonly get => _details?.Bronnen;
        init => Details(value is not null)?.Bronnen = value;
    }

    public required string? Omschrijving
    {
        readonly get => _details?.Omschrijving;
        init => Details(value is not null)?.Omschrijving = value;
    }

    public string? Voorwaarde
    {
        readonly get => _details?.Voorwaarde;
        init => Details(value is not null)?.Voorwaarde = value;
    }

    /// <summary>The details object, made when a value is to be stored; null when there is none and nothing to store.</summary>
    private KandidaatDetails? Details(bool nodig) => _details ??= nodig ? new KandidaatDetails() : null;

    /// <summary>The stable line key, e.g. <c>uren/U4</c>.</summary>
    public readonly string Sleutel => SleutelDeel is null ? RegelCode : RegelCode + "/" + SleutelDeel;

    /// <summary>Line order: due date, rule order, then key (ordinal) — the key compared without joining its parts where it can.</summary>
    public static int Volgorde(Kandidaat a, Kandidaat b)
    {
        var c = a.Vervaldatum.CompareTo(b.Vervaldatum);
        if (c != 0)
        {
            return c;
        }

        c = a.RegelIndex.CompareTo(b.RegelIndex);
        if (c != 0)
        {
            return c;
        }

        // Same rule, so the same code: "code/x" against "code/y" is x against y, and "code" comes before "code/…".
        if (!string.Equals(a.RegelCode, b.RegelCode, StringComparison.Ordinal))
        {
            return string.CompareOrdinal(a.Sleutel, b.Sleutel);
        }

        return (a.SleutelDeel, b.SleutelDeel) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => string.CompareOrdinal(a.SleutelDeel, b.SleutelDeel),
        };
    }
}

/// <summary>The texts and sources of a <see cref="Kandidaat"/> (only in a calculation with details).</summary>
internal sealed class KandidaatDetails
{
    public Grondslag? Grondslag { get; set; }

    public string[]? Bronnen { get; set; }

    public string? Omschrijving { get; set; }

    public string? Voorwaarde { get; set; }
}

/// <summary>The rules of domain.md §7 and §12 applied to one validated timeline.</summary>
/// <remarks>
/// Two modes share every rule. With details it builds the whole settlement: lines with their texts and sources, what
/// is not payable and why, the accounting of every event. Without details it computes only the lines' amounts and due
/// dates — all a total, or the scenario simulation, needs — and skips the texts (see <see cref="UitlegHandler"/>).
/// <see cref="Afrekenen"/> runs the quick mode and lets the settlement build its details on first use.
/// </remarks>
internal sealed partial class TrajectBerekening
{
    private readonly List<Kandidaat> _regels = new();
    private readonly List<NietBetaalbaar> _nietBetaalbaar = new();
    private Tijdlijn _t = null!;
    private ITariefregeling _tarieven = null!;

    public TrajectBerekening(bool metDetails, bool metNietBetaalbaar = false)
    {
        MetDetails = metDetails || metNietBetaalbaar;
        MetNietBetaalbaar = metNietBetaalbaar;
    }

    /// <summary>Whether the lines get their texts and sources (otherwise only amounts and dates).</summary>
    public bool MetDetails { get; }

    /// <summary>Whether what is not payable is listed, with reasons, and every event accounted for (implies <see cref="MetDetails"/>).</summary>
    public bool MetNietBetaalbaar { get; }

    /// <summary>The lines after <see cref="Bereken"/>, before the peildatum splits them (not sorted without details).</summary>
    public List<Kandidaat> Regels => _regels;

    private Bekostigingsmodel Model => _t.Traject.Model;

    /// <summary>
    /// Settles a timeline: the amounts now, the details (texts, not payable, accounting) when first read. Throws now for
    /// anything that would throw later.
    /// </summary>
    /// <param name="tijdlijn">The validated timeline.</param>
    /// <param name="tarieven">The tariff regime.</param>
    /// <param name="peildatum">The peildatum.</param>
    /// <param name="metKernen">Also keep the lines' cores (key, amount, due date) from this pass, for a contract or invoice run that reads them next.</param>
    public static Afrekening Afrekenen(Tijdlijn tijdlijn, ITariefregeling tarieven, LocalDate peildatum, bool metKernen = false)
    {
        var b = new TrajectBerekening(metDetails: false);
        b.Bereken(tijdlijn, tarieven);
        var verschuldigd = Bedrag.Nul;
        var verwacht = Bedrag.Nul;
        foreach (var k in b._regels)
        {
            if (k.Vervaldatum <= peildatum)
            {
                verschuldigd += k.Bedrag;
            }
            else
            {
                verwacht += k.Bedrag;
            }
        }

        var details = new UitgesteldeAfrekening(tijdlijn, tarieven, peildatum, verschuldigd, verwacht);
        if (metKernen)
        {
            details.ZetKernen(b.Kernen(peildatum));
        }

        return new Afrekening(
            tijdlijn.Traject.Id,
            peildatum,
            b.Status(peildatum),
            ValueList<Afrekeningsregel>.Uitgesteld(details, UitgesteldeAfrekening.Verschuldigd),
            ValueList<Afrekeningsregel>.Uitgesteld(details, UitgesteldeAfrekening.Verwacht),
            ValueList<NietBetaalbaar>.Uitgesteld(details, UitgesteldeAfrekening.NietBetaalbaar),
            ValueList<Verantwoording>.Uitgesteld(details, UitgesteldeAfrekening.Verantwoording));
    }

    /// <summary>The cores of the due and the pending lines (<see cref="UitgesteldeAfrekening.Kern"/>), computed without texts.</summary>
    public static Regelkern[][] Kernen(Tijdlijn tijdlijn, ITariefregeling tarieven, LocalDate peildatum)
    {
        var b = new TrajectBerekening(metDetails: false);
        b.Bereken(tijdlijn, tarieven);
        return b.Kernen(peildatum);
    }

    /// <summary>The cores of the lines just computed, split by <paramref name="peildatum"/>, each part in line order.</summary>
    private Regelkern[][] Kernen(LocalDate peildatum)
    {
        _regels.Sort(Kandidaat.Volgorde);
        var due = 0;
        foreach (var k in _regels)
        {
            due += k.Vervaldatum <= peildatum ? 1 : 0;
        }

        var verschuldigd = new Regelkern[due];
        var verwacht = new Regelkern[_regels.Count - due];
        int i = 0, j = 0;
        foreach (var k in _regels)
        {
            if (k.Vervaldatum <= peildatum)
            {
                verschuldigd[i++] = new Regelkern(k.Sleutel, k.Bedrag, k.Vervaldatum);
            }
            else
            {
                verwacht[j++] = new Regelkern(k.Sleutel, k.Bedrag, k.Vervaldatum);
            }
        }

        return new[] { verschuldigd, verwacht };
    }

    /// <summary>
    /// The details of a settlement in the order of <see cref="UitgesteldeAfrekening"/>'s lists: the lines with their texts,
    /// and with <paramref name="metNietBetaalbaar"/> also what is not payable and the accounting.
    /// </summary>
    public static object?[] Details(Tijdlijn tijdlijn, ITariefregeling tarieven, LocalDate peildatum, bool metNietBetaalbaar)
    {
        var b = new TrajectBerekening(metDetails: true, metNietBetaalbaar);
        b.Bereken(tijdlijn, tarieven);
        return b.Assemble(peildatum);
    }

    /// <summary>Applies every rule of the model to <paramref name="tijdlijn"/>; the lines are in <see cref="Regels"/>.</summary>
    public void Bereken(Tijdlijn tijdlijn, ITariefregeling tarieven)
    {
        _t = tijdlijn;
        _tarieven = tarieven;
        _regels.Clear();
        _nietBetaalbaar.Clear();
        if (_t.Reclame is not null)
        {
            Gereclameerd();
            ApplyMaximum();
            return;
        }

        var regels = Model.Regels;
        for (var i = 0; i < regels.Count; i++)
        {
            ViaRegister(regels[i], i);
        }

        foreach (var pe in _t.EindenVanIngetrokken)
        {
            NotPayable(pe, Reden.PlaatsingIngetrokken, $"its plaatsing was withdrawn: plaatsing {pe.PlaatsingId} has no active report, so this end ends nothing.", null);
        }

        foreach (var v in _t.VerlengingenNaEinde)
        {
            NotPayable(v, Reden.VerlengingNaEinde, $"approved on {Tekst.Datum(v.Datum)}, after the traject ended on {Tekst.Datum(_t.Einde!.Datum)}; it extends nothing.", null);
        }

        ApplyMaximum();
    }

    // ---------- helpers ----------

    /// <summary>A rule whose block has its own evaluator (<see cref="RegelRegister"/>): its posts become lines here.</summary>
    private void ViaRegister(Betaalregel r, int index)
    {
        var uit = new Posten(MetNietBetaalbaar);
        RegelRegister.Voor(r).Evalueer(r, index, new RegelContext(_t, _tarieven), uit);
        foreach (var n in uit.NietBetaalbaar)
        {
            _nietBetaalbaar.Add(n.Naar());
        }

        foreach (var p in uit.Regels)
        {
            _regels.Add(new Kandidaat
            {
                RegelCode = p.RegelCode,
                SleutelDeel = p.SleutelDeel,
                RegelIndex = p.RegelIndex,
                Vervaldatum = p.Vervaldatum,
                Bedrag = p.Bedrag,
                Grondslag = MetDetails ? new Grondslag(p.Hoeveelheid, p.Tarief, p.Grondslag.ToString()) : null,
                Bronnen = MetDetails ? p.Bronnen.ToArray() : null,
                Omschrijving = MetDetails ? p.Omschrijving.ToString() : null,
                Voorwaarde = MetDetails ? p.Voorwaarde.Tekst : null,
            });
        }
    }

    private Bedrag TrajectTarief(Bedrag basis) => _tarieven.Tarief(basis, _t.TariefDatum);

    /// <summary>A text, or null when the calculation builds no details (the interpolation is then not even formatted).</summary>
#pragma warning disable CA1822 // the handler reads this instance's MetDetails
    private string? Uitleg([InterpolatedStringHandlerArgument("")] UitlegHandler tekst) => tekst.Klaar();
#pragma warning restore CA1822

    /// <summary>Lists an event (or part of one) as not payable, with the reason in words (only with details).</summary>
    private void NotPayable(Gebeurtenis e, Reden reden, [InterpolatedStringHandlerArgument("", "reden")] UitlegHandler toelichting, string? regel)
        => NietBetaalbaarItem(e.Id, reden, toelichting.Klaar(), regel);

    private void NotPayable(string id, Reden reden, [InterpolatedStringHandlerArgument("", "reden")] UitlegHandler toelichting, string? regel)
        => NietBetaalbaarItem(id, reden, toelichting.Klaar(), regel);

    private void NietBetaalbaarItem(string id, Reden reden, string? toelichting, string? regel)
    {
        if (MetNietBetaalbaar)
        {
            _nietBetaalbaar.Add(new NietBetaalbaar(id, reden, toelichting!, regel));
        }
    }

    /// <summary>The sources of a line (only with details).</summary>
    private string[]? Bron(string id) => MetDetails ? new[] { id } : null;

    private Grondslag? Stuk(Bedrag bedrag, [InterpolatedStringHandlerArgument("")] UitlegHandler omschrijving)
        => MetDetails ? new Grondslag(1m, bedrag, omschrijving.Klaar()!) : null;

    private void Add(in Kandidaat k)
    {
        if (k.Bedrag.IsNul)
        {
            if (MetNietBetaalbaar)
            {
                foreach (var id in k.Bronnen!)
                {
                    NotPayable(id, Reden.NulBedrag, $"{k.Omschrijving}: the amount is € 0,00, so no line is made.", k.RegelCode);
                }
            }

            return;
        }

        _regels.Add(k);
    }

    // ---------- reclame ----------

    private void Gereclameerd()
    {
        var reclame = _t.Reclame!;
        for (var i = 0; i < Model.Regels.Count; i++)
        {
            if (Model.Regels[i] is Eenmalig { Aanleiding: Aanleiding.Reclame } r)
            {
                var bedrag = TrajectTarief(r.Bedrag);
                Add(
                    new Kandidaat
                    {
                        RegelCode = r.Code,
                        RegelIndex = i,
                        Vervaldatum = reclame.Datum,
                        Grondslag = Stuk(bedrag, $"reclamevergoeding"),
                        Bedrag = bedrag,
                        Bronnen = Bron(reclame.Id),
                        Omschrijving = Uitleg($"{r.Code}: fee for the reclame of {Tekst.Datum(reclame.Datum)}"),
                    });
            }
        }

        if (!MetNietBetaalbaar)
        {
            return;
        }

        foreach (var e in _t.Actief)
        {
            if (e != reclame)
            {
                NotPayable(e, Reden.Gereclameerd, $"the traject is void by the reclame of {Tekst.Datum(reclame.Datum)} (event {reclame.Id}).", null);
            }
        }
    }

    // ---------- Maximum per traject ----------

    private void ApplyMaximum()
    {
        var deelmaxima = Model.Deelmaxima;
        if (Model.Maximum is null && deelmaxima.Count == 0)
        {
            return;
        }

        _regels.Sort(Kandidaat.Volgorde);

        // domain.md §12: the maxima over chosen rules in the order the model lists them, then the maximum per traject.
        for (var m = 0; m < deelmaxima.Count; m++)
        {
            Cap(deelmaxima[m].Bedrag, deelmaxima[m]);
        }

        if (Model.Maximum is { } max)
        {
            Cap(max, null);
        }
    }

    /// <summary>Caps the lines of <paramref name="scope"/>'s rules (every line when null), in line order: the crossing line is reduced, later ones dropped.</summary>
    private void Cap(Bedrag max, Deelmaximum? scope)
    {
        var reden = scope is null ? Reden.BovenMaximumTraject : Reden.BovenMaximumRegels;
        var sum = Bedrag.Nul;
        var kept = 0;
        for (var i = 0; i < _regels.Count; i++)
        {
            var k = _regels[i];
            if (scope is not null && !scope.Dekt(k.RegelCode))
            {
                _regels[kept++] = k;
                continue;
            }

            var left = max - sum;
            if (left <= Bedrag.Nul)
            {
                if (MetNietBetaalbaar)
                {
                    foreach (var id in k.Bronnen!)
                    {
                        NotPayable(id, reden, $"{k.Omschrijving} ({k.Bedrag}) is beyond the maximum of {max} {Bereik(scope)}.", k.RegelCode);
                    }
                }

                continue;
            }

            if (k.Bedrag > left)
            {
                if (MetDetails)
                {
                    if (MetNietBetaalbaar)
                    {
                        foreach (var id in k.Bronnen!)
                        {
                            NotPayable(id, reden, $"{k.Bedrag - left} of {k.Omschrijving} is beyond the maximum of {max} {Bereik(scope)}.", k.RegelCode);
                        }
                    }

                    k.Grondslag = k.Grondslag! with { Omschrijving = $"{k.Grondslag.Omschrijving}, reduced from {k.Bedrag} to the maximum of {max}" };
                }

                k.Bedrag = left;
            }

            sum += k.Bedrag;
            _regels[kept++] = k;
        }

        _regels.RemoveRange(kept, _regels.Count - kept);
    }

    private static string Bereik(Deelmaximum? scope) => scope is null ? "per traject" : "over rules " + string.Join(", ", scope.Regels);
}
