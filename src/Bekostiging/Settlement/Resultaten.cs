using System;
using System.Collections.Generic;
using System.Text;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>Consecutive qualifying plaatsingen joined by gaps of at most the definition's maximaleOnderbreking (domain.md §6).</summary>
internal sealed class Spell
{
    public List<PlaatsingInfo> Leden { get; } = new(1);

    public PlaatsingInfo Eerste => Leden[0];

    public LocalDate Begin => Eerste.Begin;

    /// <summary>The last working day of the spell, or null while any member is open-ended.</summary>
    public LocalDate? Einde { get; set; }

    /// <summary>Whether the spell still works on <paramref name="totEnMet"/> (an open spell always does).</summary>
    public bool Duurt(LocalDate totEnMet) => Einde is null || Einde >= totEnMet;

    /// <summary>Whether a line due on <paramref name="vervaldatum"/> still depends on the spell lasting (it is open and the date lies after its begin).</summary>
    public bool Open(LocalDate vervaldatum) => Einde is null && vervaldatum > Begin;

    /// <summary>The plaatsingen, then the ends of those that ended.</summary>
    public Bronnen Bronnen() => Resultaten.BronnenVan(Leden);

    /// <summary>The plaatsing's key, or the keys joined by " + " for a spell of several.</summary>
    public string Naam()
    {
        if (Leden.Count == 1)
        {
            return Eerste.Plaatsing.Sleutel;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < Leden.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : " + ").Append(Leden[i].Plaatsing.Sleutel);
        }

        return sb.ToString();
    }
}

/// <summary>
/// What every result rule shares (domain.md §6, §12): which plaatsingen qualify under a result definition, how they
/// join into spells, and when a durability requirement is met. Used by the evaluators of BijResultaat, Trap and
/// any other block that pays for results.
/// </summary>
internal static class Resultaten
{
    /// <summary>
    /// The plaatsingen of the timeline that qualify under <paramref name="d"/>, in order; the rest are listed as not
    /// payable with their reason. <paramref name="heeftKlasse"/> (with <paramref name="staat"/>, usually the rule) says
    /// whether an amount tier fits a plaatsing; null when the rule has no tiers.
    /// </summary>
    public static List<PlaatsingInfo> Kwalificerend<TStaat>(Tijdlijn t, Resultaatdefinitie d, string regel, Posten uit, TStaat staat, Func<TStaat, Plaatsing, bool>? heeftKlasse)
    {
        var result = new List<PlaatsingInfo>(t.Plaatsingen.Count);
        foreach (var info in t.Plaatsingen)
        {
            var p = info.Plaatsing;
            if (!Accepteert(d, p.Type))
            {
                uit.NietBetaalbaarVoor(info, Reden.VoldoetNietAanResultaatdefinitie, new Uitleg("uitstroomtype {0} is not accepted by rule {1}.", Arg.Object(p.Type), regel), regel);
                continue;
            }

            var minimumUren = d.MinimumUrenPerWeek ?? t.Begrippen.MinimumUrenPerWeek;
            if (p.UrenPerWeek < minimumUren)
            {
                uit.NietBetaalbaarVoor(info, Reden.VoldoetNietAanResultaatdefinitie, new Uitleg("{0} hours per week is below the minimum of {1}{2}.", p.UrenPerWeek, minimumUren, d.MinimumUrenPerWeek is null ? " (the contract's begrippen)" : string.Empty), regel);
                continue;
            }

            if (d.MinimumContractMaanden is { } min && p.ContractMaanden is { } months && months < min)
            {
                uit.NietBetaalbaarVoor(info, Reden.VoldoetNietAanResultaatdefinitie, new Uitleg("a contract of {0} months is shorter than the minimum of {1} months.", months, min), regel);
                continue;
            }

            if (heeftKlasse is not null && !heeftKlasse(staat, p))
            {
                uit.NietBetaalbaarVoor(info, Reden.VoldoetNietAanResultaatdefinitie, new Uitleg("{0} at {1} hours per week matches no amount tier of rule {2}.", Arg.Object(p.Type), p.UrenPerWeek, regel), regel);
                continue;
            }

            if (t.Start is null)
            {
                uit.NietBetaalbaarVoor(info, Reden.GeenStart, new Uitleg("the traject has no Start, so no plaatsing can count."), regel);
                continue;
            }

            if (p.Datum < t.Start.Datum)
            {
                uit.NietBetaalbaarVoor(info, Reden.VoorStart, new Uitleg("begins on {0}, before the Start on {1}.", p.Datum, t.Start.Datum), regel);
                continue;
            }

            result.Add(info);
        }

        return result;
    }

    /// <summary>
    /// The spells of <paramref name="kwalificerend"/>: plaatsingen joined while the gap after the spell's last day is at
    /// most <paramref name="maxGap"/> days. A spell whose first plaatsing begins after the active period counts for
    /// nothing; its members are listed as not payable.
    /// </summary>
    public static List<Spell> Spells(Tijdlijn t, List<PlaatsingInfo> kwalificerend, int maxGap, string regel, Posten uit)
    {
        var eligible = new List<Spell>(kwalificerend.Count);
        Spell? current = null;
        foreach (var info in kwalificerend)
        {
            if (current is not null && (current.Einde is null || info.Begin <= current.Einde.Value.PlusDays(1 + maxGap)))
            {
                current.Leden.Add(info);
                current.Einde = current.Einde is null || info.LaatsteDag is null
                    ? null
                    : (info.LaatsteDag > current.Einde ? info.LaatsteDag : current.Einde);
                continue;
            }

            current = new Spell { Einde = info.LaatsteDag };
            current.Leden.Add(info);
            eligible.Add(current);
        }

        // A result counts only for a spell whose first plaatsing begins within the active period.
        var kept = 0;
        for (var i = 0; i < eligible.Count; i++)
        {
            var s = eligible[i];
            if (t.InActievePeriode(s.Begin))
            {
                eligible[kept++] = s;
                continue;
            }

            foreach (var l in s.Leden)
            {
                uit.NietBetaalbaarVoor(l, Reden.NaActievePeriode, new Uitleg("the spell begins on {0}, after the last active day {1}{2}.", s.Begin, t.LaatsteActieveDag, ActievePeriode.EindeUitleg(t)), regel);
            }
        }

        eligible.RemoveRange(kept, eligible.Count - kept);
        return eligible;
    }

    /// <summary>The due date of a durability requirement of <paramref name="termijn"/> (and the definition's waiting period) for a spell beginning on <paramref name="begin"/>.</summary>
    public static LocalDate Vervaldatum(LocalDate begin, Duur? termijn, Duur? wachttijd)
    {
        var due = begin;
        if (termijn is { } t)
        {
            due = t.Voltooid(begin);
        }

        if (wachttijd is { } w && w.Voltooid(begin) > due)
        {
            due = w.Voltooid(begin);
        }

        return due;
    }

    /// <summary>The ids of the plaatsingen, then of the ends of those that ended.</summary>
    public static Bronnen BronnenVan(List<PlaatsingInfo> plaatsingen)
    {
        if (plaatsingen.Count == 1)
        {
            var l = plaatsingen[0];
            return l.Einde is null ? new Bronnen(l.Plaatsing.Id) : new Bronnen(l.Plaatsing.Id, l.Einde.Id);
        }

        var count = plaatsingen.Count;
        foreach (var l in plaatsingen)
        {
            count += l.Einde is null ? 0 : 1;
        }

        var result = new string[count];
        var i = 0;
        foreach (var l in plaatsingen)
        {
            result[i++] = l.Plaatsing.Id;
        }

        foreach (var l in plaatsingen)
        {
            if (l.Einde is not null)
            {
                result[i++] = l.Einde.Id;
            }
        }

        return new Bronnen(result);
    }

    private static bool Accepteert(Resultaatdefinitie d, Uitstroomtype type)
    {
        var types = d.Uitstroomtypes;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return true;
            }
        }

        return false;
    }
}
