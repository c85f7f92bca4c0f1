using System.Collections.Generic;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>
/// Settles a traject: given its terms and its events, what is due on a peildatum, what is pending, and what is
/// not payable (domain.md §8). A pure function: no clock, no I/O, the same input gives the same output.
/// <code>
/// var afrekening = SettlementEngine.Settle(traject, gebeurtenissen, new LocalDate(2026, 9, 30));
/// Console.WriteLine(afrekening.TotaalVerschuldigd);   // € 750,00
/// </code>
/// </summary>
public static class SettlementEngine
{
    /// <summary>
    /// Settles <paramref name="traject"/> on <paramref name="peildatum"/>. Every event given is used, whatever its date;
    /// the peildatum separates due lines (due date ≤ peildatum) from pending ones and decides the status. To settle
    /// "as known on date t", pass only the events reported by t.
    /// </summary>
    /// <param name="traject">The traject and its model.</param>
    /// <param name="gebeurtenissen">Its events, in any order.</param>
    /// <param name="peildatum">The peildatum.</param>
    /// <param name="context">Begrippen and tariff regime; <see langword="null"/> means <see cref="SettlementContext.Standaard"/>.</param>
    /// <returns>The settlement.</returns>
    /// <exception cref="BekostigingException">When the events are malformed; the error names the traject, the event and the rule.</exception>
    public static Afrekening Settle(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, LocalDate peildatum, SettlementContext? context = null)
    {
        Preconditions.NotNull(traject, nameof(traject));
        return SettleMetTijdlijn(traject, gebeurtenissen, peildatum, context).Afrekening;
    }

    internal static (Afrekening Afrekening, Tijdlijn Tijdlijn) SettleMetTijdlijn(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, LocalDate peildatum, SettlementContext? context, bool metKernen = false)
    {
        var ctx = context ?? SettlementContext.Standaard;
        var tijdlijn = Tijdlijn.Bouw(traject, gebeurtenissen, ctx.Begrippen);
        return (TrajectBerekening.Afrekenen(tijdlijn, ctx.Tarieven, peildatum, metKernen), tijdlijn);
    }
}
