using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>The traject's status on the peildatum (domain.md §12: the first that applies, in this order of precedence).</summary>
public enum TrajectStatus
{
    /// <summary>Referred, not started.</summary>
    Aangemeld,

    /// <summary>Started.</summary>
    Lopend,

    /// <summary>A plaatsing runs on the peildatum.</summary>
    Geplaatst,

    /// <summary>Ended regularly (Afronding).</summary>
    Afgerond,

    /// <summary>Ended early (Uitval).</summary>
    Uitgevallen,

    /// <summary>Returned in time (Reclame): void.</summary>
    Gereclameerd,
}

/// <summary>Why an event (or part of one) produces nothing.</summary>
public enum Reden
{
    /// <summary>The event carries no fee in this model (its effect is described).</summary>
    GeenVergoeding,

    /// <summary>Before the Start.</summary>
    VoorStart,

    /// <summary>The traject has no Start, so nothing but aanmelding and reclame fees can be due.</summary>
    GeenStart,

    /// <summary>After the active period (window end, Uitval or Afronding).</summary>
    NaActievePeriode,

    /// <summary>Beyond the maximum number of units (hours, modules).</summary>
    BovenMaximumEenheden,

    /// <summary>Beyond the maximum per traject.</summary>
    BovenMaximumTraject,

    /// <summary>A once-only fee that an earlier event already triggered.</summary>
    AlBetaald,

    /// <summary>A plaatsing that does not meet the result definition (type, hours, contract length, no tier).</summary>
    VoldoetNietAanResultaatdefinitie,

    /// <summary>A plaatsing (spell) that ended before durability completed.</summary>
    NietDuurzaam,

    /// <summary>The result was already paid for an earlier spell.</summary>
    ResultaatAlBetaald,

    /// <summary>The traject is void by a Reclame.</summary>
    Gereclameerd,

    /// <summary>The event was withdrawn by an Intrekking.</summary>
    Ingetrokken,

    /// <summary>The event is itself an Intrekking.</summary>
    Intrekking,

    /// <summary>A module code without a price.</summary>
    OnbekendeModule,

    /// <summary>A Verlenging approved after Uitval or Afronding: it extends nothing.</summary>
    VerlengingNaEinde,

    /// <summary>The line would be €0.00.</summary>
    NulBedrag,

    /// <summary>A Trede that does not reach a rung higher than before (or is the baseline).</summary>
    GeenHogereTrede,

    /// <summary>A PlaatsingEinde whose plaatsing was withdrawn by an Intrekking (and not reported again under its id): it ends nothing.</summary>
    PlaatsingIngetrokken,

    /// <summary>Beyond a maximum over chosen rules (<see cref="Terms.Bekostigingsmodel.Deelmaxima"/>).</summary>
    BovenMaximumRegels,
}

/// <summary>The basis of a line: quantity × tariff, or a share of a price.</summary>
/// <param name="Hoeveelheid">The quantity (hours, days ÷ days in month, a share, 1 for a fee).</param>
/// <param name="Tarief">The tariff or price the quantity applies to.</param>
/// <param name="Omschrijving">The basis in words, e.g. "1,5 uur × € 86,00".</param>
public sealed record Grondslag(decimal Hoeveelheid, Bedrag Tarief, string Omschrijving);

/// <summary>One line of a settlement: an amount due (or pending) under one rule, with where it came from.</summary>
/// <param name="Sleutel">The stable line key (independent of the peildatum), e.g. <c>uren/E4</c>, <c>arrangement/2026-01</c>.</param>
/// <param name="RegelCode">The code of the rule that produced it.</param>
/// <param name="Vervaldatum">The due date.</param>
/// <param name="Grondslag">The basis.</param>
/// <param name="Bedrag">The amount, rounded once to cents.</param>
/// <param name="Bronnen">The ids of the events it came from.</param>
/// <param name="Omschrijving">The line in words.</param>
/// <param name="Voorwaarde">For a pending line, the condition in words (e.g. "bonus if plaatsing P-1 lasts until 2026-09-30"); otherwise <see langword="null"/>.</param>
public sealed record Afrekeningsregel(
    string Sleutel,
    string RegelCode,
    LocalDate Vervaldatum,
    Grondslag Grondslag,
    Bedrag Bedrag,
    ValueList<string> Bronnen,
    string Omschrijving,
    string? Voorwaarde);

/// <summary>An event (or part of one) that produces nothing, with the reason.</summary>
/// <param name="GebeurtenisId">The event.</param>
/// <param name="Reden">The reason code.</param>
/// <param name="Toelichting">The reason in words.</param>
/// <param name="RegelCode">The rule concerned, or <see langword="null"/> when not about one rule.</param>
public sealed record NietBetaalbaar(string GebeurtenisId, Reden Reden, string Toelichting, string? RegelCode);

/// <summary>Where an event has its primary place in a settlement.</summary>
public enum Plaats
{
    /// <summary>A source of a due line.</summary>
    Verschuldigd,

    /// <summary>A source of a pending line (and of no due line).</summary>
    Verwacht,

    /// <summary>Listed as not payable.</summary>
    NietBetaalbaar,
}

/// <summary>The primary place of one event: every event is accounted for (domain.md §5, "nothing is lost").</summary>
/// <param name="GebeurtenisId">The event.</param>
/// <param name="Plaats">Its primary place.</param>
/// <param name="Verwijzing">The line key (for a line) or the reason code (for not payable).</param>
public sealed record Verantwoording(string GebeurtenisId, Plaats Plaats, string Verwijzing);

/// <summary>
/// What is due on a traject as of a peildatum (domain.md §8): due lines, pending lines, what is not payable and why,
/// the status, totals, and the accounting of every event.
/// </summary>
/// <param name="TrajectId">The traject.</param>
/// <param name="Peildatum">The peildatum.</param>
/// <param name="Status">The status on the peildatum.</param>
/// <param name="Verschuldigd">Lines due on or before the peildatum, in order of due date, rule, key.</param>
/// <param name="Verwacht">Lines due after the peildatum, with their conditions.</param>
/// <param name="NietBetaalbaarItems">Events or parts that produce nothing, with reasons.</param>
/// <param name="Verantwoording">The primary place of every event given.</param>
public sealed record Afrekening(
    string TrajectId,
    LocalDate Peildatum,
    TrajectStatus Status,
    ValueList<Afrekeningsregel> Verschuldigd,
    ValueList<Afrekeningsregel> Verwacht,
    ValueList<NietBetaalbaar> NietBetaalbaarItems,
    ValueList<Verantwoording> Verantwoording)
{
    /// <summary>The sum of the due lines.</summary>
    public Bedrag TotaalVerschuldigd => Som(Verschuldigd);

    /// <summary>The sum of the pending lines.</summary>
    public Bedrag TotaalVerwacht => Som(Verwacht);

    /// <summary>All lines, due and pending.</summary>
    public ValueList<Afrekeningsregel> AlleRegels
    {
        get
        {
            var alle = new Afrekeningsregel[Verschuldigd.Count + Verwacht.Count];
            for (var i = 0; i < Verschuldigd.Count; i++)
            {
                alle[i] = Verschuldigd[i];
            }

            for (var i = 0; i < Verwacht.Count; i++)
            {
                alle[Verschuldigd.Count + i] = Verwacht[i];
            }

            return ValueList<Afrekeningsregel>.Own(alle);
        }
    }

    /// <summary>The sum of the lines; a settlement whose lines are not built yet knows it already.</summary>
    private static Bedrag Som(ValueList<Afrekeningsregel> regels)
    {
        if (regels.IsUitgesteld(out var bron, out var welke) && bron is UitgesteldeAfrekening details)
        {
            return details.Totaal(welke);
        }

        var sum = Bedrag.Nul;
        for (var i = 0; i < regels.Count; i++)
        {
            sum += regels[i].Bedrag;
        }

        return sum;
    }
}
