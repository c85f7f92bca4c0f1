namespace Bekostiging.Terms;

/// <summary>
/// How long a result must last before it is paid (domain.md §6): <see cref="Aaneengesloten"/> (a continuous
/// term, default 6 months), <see cref="Cumulatief"/> (worked in N of the last M ISO weeks), <see cref="Geen"/>, or
/// <see cref="VolgensBegrippen"/> (the contract's duurzaamheidstermijn, aaneengesloten).
/// </summary>
public abstract record Duurzaamheid
{
    private protected Duurzaamheid()
    {
    }

    /// <summary>
    /// The contract's duurzaamheidstermijn (<see cref="Begrippen.Duurzaamheidstermijn"/>), aaneengesloten: the definition
    /// states no term of its own, so the begrippen in force when the traject is settled decide (default 6 months).
    /// </summary>
    public static Duurzaamheid VolgensBegrippen { get; } = new BegrippenDuurzaamheid();

    /// <summary>No durability term: the result is due on the plaatsing's begin (or after its waiting period).</summary>
    public static Duurzaamheid Geen { get; } = new GeenDuurzaamheid();

    /// <summary>The plaatsing (spell) lasts the whole <paramref name="termijn"/>; the result is due on B + termijn.</summary>
    /// <param name="termijn">The duurzaamheidstermijn, e.g. 6 months.</param>
    /// <returns>The durability rule.</returns>
    public static Duurzaamheid Aaneengesloten(Duur termijn) => new AaneengeslotenDuurzaamheid(termijn);

    /// <summary>Worked in at least <paramref name="weken"/> of the last <paramref name="vanWeken"/> ISO weeks (e.g. 26 of 36).</summary>
    /// <param name="weken">N, the weeks that must be worked, at least 1.</param>
    /// <param name="vanWeken">M, the window of ISO weeks, at least N.</param>
    /// <returns>The durability rule.</returns>
    public static Duurzaamheid Cumulatief(int weken, int vanWeken)
    {
        Preconditions.Check(weken >= 1, nameof(weken), weken, "at least one week must be worked.");
        Preconditions.Check(vanWeken >= weken, nameof(vanWeken), vanWeken, "the window is at least as long as the weeks required.");
        return new CumulatieveDuurzaamheid(weken, vanWeken);
    }
}

/// <summary>No durability term.</summary>
public sealed record GeenDuurzaamheid : Duurzaamheid;

/// <summary>The duurzaamheidstermijn of the begrippen in force, aaneengesloten (see <see cref="Duurzaamheid.VolgensBegrippen"/>).</summary>
public sealed record BegrippenDuurzaamheid : Duurzaamheid;

/// <summary>A continuous durability term.</summary>
/// <param name="Termijn">The term, e.g. 6 months.</param>
public sealed record AaneengeslotenDuurzaamheid(Duur Termijn) : Duurzaamheid;

/// <summary>Cumulative durability: worked in <paramref name="Weken"/> of the last <paramref name="VanWeken"/> ISO weeks.</summary>
/// <param name="Weken">N.</param>
/// <param name="VanWeken">M.</param>
public sealed record CumulatieveDuurzaamheid(int Weken, int VanWeken) : Duurzaamheid;
