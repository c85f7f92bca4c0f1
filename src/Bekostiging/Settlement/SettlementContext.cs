using Bekostiging.Terms;

namespace Bekostiging.Settlement;

/// <summary>
/// What a settlement needs beyond the traject and its events: the begrippen in force (reclametermijn, …) and the
/// tariff regime (indexatie). A traject settled on its own uses <see cref="Standaard"/>; a contract supplies its own.
/// </summary>
/// <param name="Begrippen">The definitions in force.</param>
/// <param name="Tarieven">The tariff regime.</param>
public sealed record SettlementContext(Begrippen Begrippen, ITariefregeling Tarieven)
{
    /// <summary>Standard begrippen, tariffs as agreed (no indexation).</summary>
    public static SettlementContext Standaard { get; } = new(Begrippen.Standaard, Tariefregeling.Vast);
}
