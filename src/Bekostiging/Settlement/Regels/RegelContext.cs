using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Settlement.Regels;

/// <summary>
/// What an evaluator reads besides its rule: the traject's validated timeline, the tariff regime the contract hands
/// to the engine, and the begrippen. Immutable; one per settlement of one traject.
/// </summary>
internal sealed class RegelContext
{
    public RegelContext(Tijdlijn tijdlijn, ITariefregeling tarieven)
    {
        Tijdlijn = tijdlijn;
        Tarieven = tarieven;
    }

    public Tijdlijn Tijdlijn { get; }

    /// <summary>The tariff regime (a contract's indexation, often behind a memo).</summary>
    public ITariefregeling Tarieven { get; }

    /// <summary>The begrippen the timeline was built under.</summary>
    public Begrippen Begrippen => Tijdlijn.Begrippen;

    /// <summary>A traject-bound tariff: <paramref name="basis"/> as in force on the traject's tariff date (its Start, else its Aanmelding).</summary>
    public Bedrag TrajectTarief(Bedrag basis) => Tarieven.Tarief(basis, Tijdlijn.TariefDatum);

    /// <summary>A date-bound tariff: <paramref name="basis"/> as in force on <paramref name="datum"/> (hours, modules, months).</summary>
    public Bedrag DagTarief(Bedrag basis, LocalDate datum) => Tarieven.Tarief(basis, datum);

    /// <summary>A price in <paramref name="aantal"/> equal instalments that add up to it exactly (domain.md §3).</summary>
    public static Bedrag[] InGelijkeDelen(Bedrag prijs, int aantal) => Verdeling.InGelijkeDelen(prijs, aantal);
}
