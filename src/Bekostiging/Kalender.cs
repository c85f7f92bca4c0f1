using NodaTime;
using NodaTime.Calendars;

namespace Bekostiging;

/// <summary>Date arithmetic that contracts need: contract years, calendar years, quarters and ISO weeks.</summary>
public static class Kalender
{
    /// <summary>
    /// The contract year (1-based) in which <paramref name="datum"/> falls, for a contract that starts on
    /// <paramref name="ingangsdatum"/>: year k runs S + (k−1) years t/m S + k years − 1 day. Dates before the
    /// ingangsdatum are in year 1 (domain.md §12).
    /// </summary>
    /// <param name="ingangsdatum">The contract's first day.</param>
    /// <param name="datum">The date.</param>
    /// <returns>The contract year, at least 1.</returns>
    public static int Contractjaar(LocalDate ingangsdatum, LocalDate datum)
    {
        if (datum < ingangsdatum)
        {
            return 1;
        }

        var k = datum.Year - ingangsdatum.Year + 1;
        while (k > 1 && BeginContractjaar(ingangsdatum, k) > datum)
        {
            k--;
        }

        while (BeginContractjaar(ingangsdatum, k + 1) <= datum)
        {
            k++;
        }

        return k;
    }

    /// <summary>The first day of contract year <paramref name="jaar"/>: S + (k−1) years.</summary>
    /// <param name="ingangsdatum">The contract's first day.</param>
    /// <param name="jaar">The contract year, at least 1.</param>
    /// <returns>The first day.</returns>
    public static LocalDate BeginContractjaar(LocalDate ingangsdatum, int jaar) => ingangsdatum.PlusYears(jaar - 1);

    /// <summary>The inclusive last day of contract year <paramref name="jaar"/>: S + k years − 1 day.</summary>
    /// <param name="ingangsdatum">The contract's first day.</param>
    /// <param name="jaar">The contract year, at least 1.</param>
    /// <returns>The last day.</returns>
    public static LocalDate EindeContractjaar(LocalDate ingangsdatum, int jaar) => ingangsdatum.PlusYears(jaar).PlusDays(-1);

    /// <summary>The quarter (1–4) of a date.</summary>
    /// <param name="datum">The date.</param>
    /// <returns>The quarter.</returns>
    public static int Kwartaal(LocalDate datum) => ((datum.Month - 1) / 3) + 1;

    /// <summary>The inclusive period of a calendar quarter.</summary>
    /// <param name="jaar">The calendar year.</param>
    /// <param name="kwartaal">The quarter, 1–4.</param>
    /// <returns>The quarter as an inclusive interval.</returns>
    public static DateInterval KwartaalPeriode(int jaar, int kwartaal)
    {
        Preconditions.Check(kwartaal is >= 1 and <= 4, nameof(kwartaal), kwartaal, "a quarter is 1–4.");
        var begin = new LocalDate(jaar, ((kwartaal - 1) * 3) + 1, 1);
        return new DateInterval(begin, begin.PlusMonths(3).PlusDays(-1));
    }

    /// <summary>The Monday of the ISO week that contains <paramref name="datum"/>.</summary>
    /// <param name="datum">The date.</param>
    /// <returns>The Monday on or before the date.</returns>
    public static LocalDate MaandagVanWeek(LocalDate datum) => datum.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>The ISO week-year and week number of a date (e.g. 2026-12-31 is in week 53 of 2026).</summary>
    /// <param name="datum">The date.</param>
    /// <returns>The week-year and the week.</returns>
    public static (int WeekJaar, int Week) IsoWeek(LocalDate datum)
        => (WeekYearRules.Iso.GetWeekYear(datum), WeekYearRules.Iso.GetWeekOfWeekYear(datum));

    /// <summary>The last day of the month in which <paramref name="datum"/> falls.</summary>
    /// <param name="datum">The date.</param>
    /// <returns>The month's last day.</returns>
    public static LocalDate EindeMaand(LocalDate datum) => datum.With(DateAdjusters.EndOfMonth);
}
