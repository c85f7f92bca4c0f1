using System;
using System.Collections.Generic;
using Bekostiging.Events;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>The ids of the events a line came from: one or two kept inline, more in an array.</summary>
internal readonly struct Bronnen
{
    private readonly string? _eerste;
    private readonly string? _tweede;
    private readonly string[]? _meer;

    public Bronnen(string eerste)
    {
        _eerste = eerste;
        _tweede = null;
        _meer = null;
    }

    public Bronnen(string eerste, string tweede)
    {
        _eerste = eerste;
        _tweede = tweede;
        _meer = null;
    }

    /// <summary>Sources in an array the caller gives away (not changed afterwards).</summary>
    public Bronnen(string[] ids)
    {
        _eerste = null;
        _tweede = null;
        _meer = ids;
    }

    public int Count => _meer?.Length ?? (_eerste is null ? 0 : _tweede is null ? 1 : 2);

    public string this[int i] => _meer is not null ? _meer[i] : i == 0 ? _eerste! : _tweede!;

    public string[] ToArray() => _meer ?? (_eerste is null ? Array.Empty<string>() : _tweede is null ? new[] { _eerste } : new[] { _eerste, _tweede });
}

/// <summary>
/// The templates of a line's three texts over one set of <see cref="Argumenten"/>: its description, its basis in
/// words and (for a line that may still not become due) its condition. One instance per kind of line, made once.
/// </summary>
/// <param name="Omschrijving">The description, e.g. <c>"{0}: module {1} on {2}"</c>.</param>
/// <param name="Grondslag">The basis in words, e.g. <c>"module {1}"</c>.</param>
/// <param name="Voorwaarde">The condition of a pending line, or <see langword="null"/> when it has none of its own.</param>
internal sealed record Regeltekst(string Omschrijving, string Grondslag, string? Voorwaarde = null);

/// <summary>
/// A line as an evaluator yields it, before the maxima and the peildatum: its key, amount, due date, basis and
/// sources, with its texts as a template and arguments (formatted only when read).
/// </summary>
internal struct Post
{
    // The basis text after a maximum reduced the line (a boxed Uitleg), else null: the template's basis applies.
    private object? _verlaagdeGrondslag;

    /// <summary>The code of the rule that yields it (the key's first part).</summary>
    public required string RegelCode { get; init; }

    /// <summary>What follows "code/" in the key (an event id, a month, an index), or null when the key is the code alone.</summary>
    public string? SleutelDeel { get; init; }

    /// <summary>The rule's position in the model (line order breaks ties by it).</summary>
    public required int RegelIndex { get; init; }

    public required LocalDate Vervaldatum { get; init; }

    public required Bedrag Bedrag { get; set; }

    /// <summary>The basis's quantity (hours, a share, 1 for a fee).</summary>
    public required decimal Hoeveelheid { get; init; }

    /// <summary>The basis's tariff or price.</summary>
    public required Bedrag Tarief { get; init; }

    public required Bronnen Bronnen { get; init; }

    public required Regeltekst Tekst { get; init; }

    public Argumenten Args { get; init; }

    /// <summary>Whether the template's condition applies (a line that may still not become due for a reason of its own).</summary>
    public bool MetVoorwaarde { get; init; }

    /// <summary>The stable line key, e.g. <c>uren/U4</c>.</summary>
    public readonly string Sleutel => SleutelDeel is null ? RegelCode : RegelCode + "/" + SleutelDeel;

    public readonly Uitleg Omschrijving => new(Tekst.Omschrijving, Args);

    public readonly Uitleg Grondslag => _verlaagdeGrondslag is Uitleg u ? u : new(Tekst.Grondslag, Args);

    public readonly Uitleg Voorwaarde => MetVoorwaarde && Tekst.Voorwaarde is { } v ? new(v, Args) : Uitleg.Geen;

    /// <summary>Reduces the amount to <paramref name="tot"/> under a maximum of <paramref name="maximum"/>, and says so in the basis.</summary>
    public void Verlaag(Bedrag tot, Bedrag maximum)
    {
        _verlaagdeGrondslag = new Uitleg("{0}, reduced from {1} to the maximum of {2}", Grondslag, Bedrag, maximum);
        Bedrag = tot;
    }
}

/// <summary>An event (or part of one) that yields nothing, with the reason as a template and arguments.</summary>
/// <param name="GebeurtenisId">The event.</param>
/// <param name="Reden">The reason code.</param>
/// <param name="Toelichting">The reason in words.</param>
/// <param name="RegelCode">The rule concerned, or <see langword="null"/>.</param>
internal readonly record struct NietBetaalbaarPost(string GebeurtenisId, Reden Reden, Uitleg Toelichting, string? RegelCode)
{
    public NietBetaalbaar Naar() => new(GebeurtenisId, Reden, Toelichting.ToString(), RegelCode);
}

/// <summary>
/// Where evaluators put what they yield: the posts (lines) and the not-payable posts, in the order yielded. One per
/// settlement of one traject; nothing in it outlives that settlement's result.
/// </summary>
internal sealed class Posten
{
    public Posten(bool metNietBetaalbaar = true, int capaciteit = 8)
    {
        MetNietBetaalbaar = metNietBetaalbaar;
        Regels = new List<Post>(capaciteit);
        NietBetaalbaar = new List<NietBetaalbaarPost>(metNietBetaalbaar ? capaciteit : 0);
    }

    /// <summary>Whether not-payable posts are kept (a run that reads only amounts, such as the scenario simulation, drops them).</summary>
    public bool MetNietBetaalbaar { get; }

    public List<Post> Regels { get; }

    public List<NietBetaalbaarPost> NietBetaalbaar { get; }

    /// <summary>Adds a line; a line of € 0,00 is not made, and each of its sources is listed as not payable instead.</summary>
    public void Add(in Post post)
    {
        if (post.Bedrag.IsNul)
        {
            if (MetNietBetaalbaar)
            {
                for (var i = 0; i < post.Bronnen.Count; i++)
                {
                    NietBetaalbaar.Add(new NietBetaalbaarPost(post.Bronnen[i], Reden.NulBedrag, new Uitleg("{0}: the amount is € 0,00, so no line is made.", post.Omschrijving), post.RegelCode));
                }
            }

            return;
        }

        Regels.Add(post);
    }

    /// <summary>Lists an event (or part of one) as not payable, with the reason in words.</summary>
    public void NietBetaalbaarVoor(Gebeurtenis e, Reden reden, in Uitleg toelichting, string? regel) => NietBetaalbaarVoor(e.Id, reden, toelichting, regel);

    /// <summary>Lists an event (by id) as not payable, with the reason in words.</summary>
    public void NietBetaalbaarVoor(string id, Reden reden, in Uitleg toelichting, string? regel)
    {
        if (MetNietBetaalbaar)
        {
            NietBetaalbaar.Add(new NietBetaalbaarPost(id, reden, toelichting, regel));
        }
    }

    /// <summary>
    /// Lists a plaatsing as not payable for a result rule, and its end (if reported) with the same reason: the end earns
    /// nothing either, and "no fee in this model" would not be true under a model that pays results.
    /// </summary>
    public void NietBetaalbaarVoor(PlaatsingInfo info, Reden reden, in Uitleg toelichting, string? regel)
    {
        if (!MetNietBetaalbaar)
        {
            return;
        }

        NietBetaalbaar.Add(new NietBetaalbaarPost(info.Plaatsing.Id, reden, toelichting, regel));
        if (info.Einde is { } einde)
        {
            NietBetaalbaar.Add(new NietBetaalbaarPost(einde.Id, reden, new Uitleg("ends plaatsing {0} on {1}; {2}", info.Plaatsing.Sleutel, einde.Datum, toelichting), regel));
        }
    }
}
