namespace Bekostiging.Terms;

/// <summary>
/// The standard definitions (begrippen) a contract refers to, with their defaults (domain.md §2). A contract
/// names only where it deviates (seed 001, "begrippenbijsluiter"): <c>Begrippen.Standaard with { Reclametermijn = … }</c>.
/// </summary>
/// <param name="Reclametermijn">How long after the aanmelding the provider may return a client (default 6 weeks).</param>
/// <param name="Duurzaamheidstermijn">How long a plaatsing must last for a result (default 6 months aaneengesloten).</param>
/// <param name="MinimumUrenPerWeek">Minimum hours per week for a plaatsing to count (default 0: any).</param>
/// <param name="Opzegtermijn">How long before the current end an option must be exercised (default 3 months).</param>
public sealed record Begrippen(Duur Reclametermijn, Duur Duurzaamheidstermijn, decimal MinimumUrenPerWeek, Duur Opzegtermijn)
{
    /// <summary>The standard definitions.</summary>
    public static Begrippen Standaard { get; } = new(Duur.Weken(6), Duur.Maanden(6), 0m, Duur.Maanden(3));

    /// <summary>The standard result definition under these begrippen: paid work, minimum hours, the duurzaamheidstermijn aaneengesloten.</summary>
    public Resultaatdefinitie Resultaat => Resultaatdefinitie.Standaard with
    {
        MinimumUrenPerWeek = MinimumUrenPerWeek,
        Duurzaamheid = Duurzaamheid.Aaneengesloten(Duurzaamheidstermijn),
    };
}
