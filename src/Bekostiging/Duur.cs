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
/// <remarks>
/// A duration is at most 100 years: 36,525 days, 5,217 weeks, 1,200 months or 100 years (<see cref="MaximaalAantal"/>).
/// No contract, term or extension is longer, and the bound keeps every date the engine computes inside the calendar.
/// </remarks>
/// <param name="Aantal">The number of units, 0 up to <see cref="MaximaalAantal"/> of the unit.</param>
/// <param name="Eenheid">The unit.</param>
/// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for a negative number, more than 100 years, or an unknown unit.</exception>
public readonly record struct Duur(int Aantal, DuurEenheid Eenheid)
{
    /// <summary>The number of units.</summary>
    public int Aantal { get; init => field = Valideer(value, Eenheid); } = Valideer(Aantal, Eenheid);

    /// <summary>The unit.</summary>
    public DuurEenheid Eenheid { get; init => field = ValideerEenheid(value, Aantal); } = ValideerEenheid(Eenheid, Aantal);

    /// <summary>The largest number of <paramref name="eenheid"/> in a duration: 100 years' worth.</summary>
    /// <param name="eenheid">The unit.</param>
    /// <returns>36,525 days, 5,217 weeks, 1,200 months or 100 years.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for an unknown unit.</exception>
    public static int MaximaalAantal(DuurEenheid eenheid) => eenheid switch
    {
        DuurEenheid.Dagen => 36_525,
        DuurEenheid.Weken => 5_217,
        DuurEenheid.Maanden => 1_200,
        DuurEenheid.Jaren => 100,
        _ => throw OnbekendeEenheid(eenheid),
    };

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
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> when the date falls outside the calendar (years 1–9999).</exception>
    public LocalDate Na(LocalDate begin, int keer)
    {
        try
        {
            var n = checked(Aantal * keer);
            return Eenheid switch
            {
                DuurEenheid.Dagen => begin.PlusDays(n),
                DuurEenheid.Weken => begin.PlusWeeks(n),
                DuurEenheid.Maanden => begin.PlusMonths(n),
                DuurEenheid.Jaren => begin.PlusYears(n),
                _ => throw OnbekendeEenheid(Eenheid),
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new BekostigingException(
                FoutCode.OngeldigeParameter,
                FormattableString.Invariant($"{begin:yyyy-MM-dd} + {keer} × {this} falls outside the calendar (years 1–9999)."));
        }
    }

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

    private static Duur Create(int aantal, DuurEenheid eenheid) => new(aantal, eenheid);

    private static int Valideer(int aantal, DuurEenheid eenheid)
    {
        Preconditions.Check(aantal >= 0, nameof(aantal), aantal, "a duration is not negative.");
        var max = MaximaalAantal(eenheid);
        Preconditions.Check(aantal <= max, nameof(aantal), aantal, FormattableString.Invariant($"a duration is at most 100 years ({max} {Naam(eenheid)})."));
        return aantal;
    }

    private static DuurEenheid ValideerEenheid(DuurEenheid eenheid, int aantal)
    {
        _ = Valideer(aantal, eenheid);
        return eenheid;
    }

    private static string Naam(DuurEenheid eenheid) => eenheid switch
    {
        DuurEenheid.Dagen => "dagen",
        DuurEenheid.Weken => "weken",
        DuurEenheid.Maanden => "maanden",
        _ => "jaren",
    };

    private static BekostigingException OnbekendeEenheid(DuurEenheid eenheid)
        => new(FoutCode.OngeldigeParameter, FormattableString.Invariant($"eenheid = {(int)eenheid}: a duration is in dagen, weken, maanden or jaren."));
}
