using NodaTime;

namespace Bekostiging.Terms;

/// <summary>
/// Which tariff is in force on a date (indexatie). A traject settled on its own uses the tariffs of its model as
/// they are (<see cref="Tariefregeling.Vast"/>); a contract supplies its indexation (domain.md §4).
/// </summary>
public interface ITariefregeling
{
    /// <summary>The tariff in force on <paramref name="datum"/> for a tariff agreed as <paramref name="basis"/> (contract year 1).</summary>
    /// <param name="basis">The tariff as agreed.</param>
    /// <param name="datum">The date that decides the tariff (the start for traject-bound fees, the work date for hours).</param>
    /// <returns>The indexed tariff, whole cents.</returns>
    Bedrag Tarief(Bedrag basis, LocalDate datum);
}

/// <summary>Tariff regimes.</summary>
public static class Tariefregeling
{
    /// <summary>Tariffs as agreed, never indexed.</summary>
    public static ITariefregeling Vast { get; } = new VasteTarieven();

    private sealed class VasteTarieven : ITariefregeling
    {
        public Bedrag Tarief(Bedrag basis, LocalDate datum) => basis;
    }
}
