using System;
using NodaTime;

namespace Bekostiging;

/// <summary>The unit of a <see cref="Duur"/>.</summary>
public enum DuurEenheid
{
    /// <summary>Calendar days.</summary>
    Dagen,

    /// <summary>Weeks of seven days.</summary>
    Weken,

    /// <summary>Calendar months; adding months clamps to the month's end (31 January + 1 month = 28/29 February).</summary>
    Maanden,

    /// <summary>Calendar years; 29 February + 1 year = 28 February.</summary>
    Jaren,
}

/// <summary>
/// A length of time as contracts write it: 6 months, 26 weeks, 182 days, 2 years (domain.md §3).
/// A term of N units starting on B covers B t/m <see cref="LaatsteDag"/> = B + N units − 1 day and is
/// completed (<see cref="Voltooid"/>) on B + N units.
/// </summary>
/// <param name="Aantal">The number of units, at least 0.</param>
/// <param name="Eenheid">The unit.</param>
public readonly record struct Duur(int Aantal, DuurEenheid Eenheid)
{
    /// <summary>A duration of <paramref name="aantal"/> days.</summary>
    /// <param name="aantal">Days.</param>
    /// <returns>The duration.</returns>
    public static Duur Dagen(int aantal) => Create(aantal, DuurEenheid.Dagen);

    /// <summary>A duration of <paramref name="aantal"/> weeks.</summary>
    /// <param name="aantal">Weeks.</param>
    /// <returns>The duration.</returns>
    public static Duur Weken(int aantal) => Create(aantal, DuurEenheid.Weken);

    /// <summary>A duration of <paramref name="aantal"/> calendar months.</summary>
    /// <param name="aantal">Months.</param>
    /// <returns>The duration.</returns>
    public static Duur Maanden(int aantal) => Create(aantal, DuurEenheid.Maanden);

    /// <summary>A duration of <paramref name="aantal"/> calendar years.</summary>
    /// <param name="aantal">Years.</param>
    /// <returns>The duration.</returns>
    public static Duur Jaren(int aantal) => Create(aantal, DuurEenheid.Jaren);

    /// <summary>The date <paramref name="begin"/> + this duration (clamped to the month's end for months and years).</summary>
    /// <param name="begin">The first day of the term.</param>
    /// <returns>The day on which the term is completed.</returns>
    public LocalDate Voltooid(LocalDate begin) => Na(begin, 1);

    /// <summary>The inclusive last day of a term of this duration that starts on <paramref name="begin"/>.</summary>
    /// <param name="begin">The first day of the term.</param>
    /// <returns><see cref="Voltooid"/> − 1 day.</returns>
    public LocalDate LaatsteDag(LocalDate begin) => Voltooid(begin).PlusDays(-1);

    /// <summary>
    /// <paramref name="begin"/> + <paramref name="keer"/> × this duration, computed from <paramref name="begin"/> and
    /// not chained (31 January + 2 months = 31 March, not 28 March).
    /// </summary>
    /// <param name="begin">The date to count from.</param>
    /// <param name="keer">How many times the duration is added (may be 0).</param>
    /// <returns>The date.</returns>
    public LocalDate Na(LocalDate begin, int keer) => Eenheid switch
    {
        DuurEenheid.Dagen => begin.PlusDays(Aantal * keer),
        DuurEenheid.Weken => begin.PlusWeeks(Aantal * keer),
        DuurEenheid.Maanden => begin.PlusMonths(Aantal * keer),
        DuurEenheid.Jaren => begin.PlusYears(Aantal * keer),
        _ => throw new InvalidOperationException("Unknown unit."),
    };

    /// <summary>
    /// The new inclusive last day when a term ending on <paramref name="huidigeLaatsteDag"/> is extended by this
    /// duration as a new term that starts the next day (domain.md §12): (end + 1 day) + duration − 1 day.
    /// </summary>
    /// <param name="huidigeLaatsteDag">The current inclusive last day.</param>
    /// <returns>The extended inclusive last day.</returns>
    public LocalDate Verleng(LocalDate huidigeLaatsteDag) => LaatsteDag(huidigeLaatsteDag.PlusDays(1));

    /// <summary>Reads as Dutch text, e.g. "6 maanden".</summary>
    /// <returns>The duration in words.</returns>
    public override string ToString() => Eenheid switch
    {
        DuurEenheid.Dagen => Aantal == 1 ? "1 dag" : $"{Aantal} dagen",
        DuurEenheid.Weken => Aantal == 1 ? "1 week" : $"{Aantal} weken",
        DuurEenheid.Maanden => Aantal == 1 ? "1 maand" : $"{Aantal} maanden",
        _ => $"{Aantal} jaar",
    };

    private static Duur Create(int aantal, DuurEenheid eenheid)
    {
        Preconditions.Check(aantal >= 0, nameof(aantal), aantal, "a duration is not negative.");
        return new Duur(aantal, eenheid);
    }
}
