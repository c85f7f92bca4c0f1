using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace Bekostiging.Contracts;

/// <summary>When a new indexation percentage takes effect.</summary>
public enum IndexatieMoment
{
    /// <summary>At the start of each contract year (default): the percentage of contract year k applies from S + (k−1) years.</summary>
    Contractjaar,

    /// <summary>On 1 January of each calendar year after the ingangsdatum: the percentage of that calendar year applies.</summary>
    Kalenderjaar,
}

/// <summary>The indexation percentage of one year (a contract year k ≥ 2, or a calendar year).</summary>
/// <param name="Jaar">The contract year (2, 3, …) or the calendar year (2027, …), per <see cref="IndexatieMoment"/>.</param>
/// <param name="Percentage">The percentage, e.g. 4.96 for 4.96 %; from <see cref="Minimum"/> to <see cref="Maximum"/>.</param>
/// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for a percentage outside −50 % … +100 %.</exception>
public sealed record Indexatiepercentage(int Jaar, decimal Percentage)
{
    /// <summary>The lowest percentage of one year: −50 % (a tariff at most halves in a year; below −100 % it would turn negative).</summary>
    public const decimal Minimum = -50m;

    /// <summary>The highest percentage of one year: +100 % (a tariff at most doubles in a year).</summary>
    public const decimal Maximum = 100m;

    /// <summary>The percentage.</summary>
    public decimal Percentage { get; init => field = Valideer(value, Jaar); } = Valideer(Percentage, Jaar);

    /// <summary>Why <paramref name="percentage"/> is not an indexation percentage, or <see langword="null"/> when it is.</summary>
    /// <param name="percentage">The percentage.</param>
    /// <returns>The rule, in words, or <see langword="null"/>.</returns>
    public static string? Fout(decimal percentage) => percentage is < Minimum or > Maximum
        ? FormattableString.Invariant($"an indexation percentage lies between {Minimum} % and +{Maximum} % per year, not {percentage} %.")
        : null;

    private static decimal Valideer(decimal percentage, int jaar)
    {
        var fout = Fout(percentage);
        Preconditions.Check(fout is null, $"indexatie, year {jaar.ToString(CultureInfo.InvariantCulture)}: {fout}");
        return percentage;
    }
}

/// <summary>
/// Yearly tariff increases (domain.md §4): tariff in year k = round(tariff in year k−1 × (1 + p_k)), compounding on
/// the rounded value. A missing percentage is 0 %. The percentages are data (for the VNG method, pass the resulting
/// percentage, e.g. 3.944 % + 1.013 % ≈ 4.96 %).
/// </summary>
/// <param name="Moment">When percentages take effect.</param>
/// <param name="Percentages">The percentage per year.</param>
public sealed record Indexatie(IndexatieMoment Moment, ValueList<Indexatiepercentage> Percentages)
{
    /// <summary>No indexation.</summary>
    public static Indexatie Geen { get; } = new(IndexatieMoment.Contractjaar, ValueList<Indexatiepercentage>.Empty);

    /// <summary>The percentages, one per year.</summary>
    public ValueList<Indexatiepercentage> Percentages { get; init => field = ValideerPercentages(value); } = ValideerPercentages(Percentages);

    /// <summary>When percentages take effect.</summary>
    public IndexatieMoment Moment { get; init => field = ValideerMoment(value); } = ValideerMoment(Moment);

    private static ValueList<Indexatiepercentage> ValideerPercentages(ValueList<Indexatiepercentage> percentages)
    {
        Preconditions.NotNull(percentages, nameof(Percentages));
        foreach (var p in percentages)
        {
            Preconditions.NotNull(p, nameof(Percentages));
        }

        return Preconditions.Geldig(percentages, percentages.Select(p => p.Jaar).Distinct().Count() == percentages.Count, $"Indexatie: one percentage per year.");
    }

    private static IndexatieMoment ValideerMoment(IndexatieMoment moment)
    {
        Preconditions.Check(moment is IndexatieMoment.Contractjaar or IndexatieMoment.Kalenderjaar, nameof(Moment), moment, "indexation takes effect per contractjaar or kalenderjaar.");
        return moment;
    }

    /// <summary>Indexation per contract year: <c>PerContractjaar((2, 4.96m), (3, 3.10m))</c>.</summary>
    /// <param name="percentages">Contract year and percentage.</param>
    /// <returns>The indexation.</returns>
    public static Indexatie PerContractjaar(params (int Contractjaar, decimal Percentage)[] percentages)
        => new(IndexatieMoment.Contractjaar, percentages.Select(p => new Indexatiepercentage(p.Contractjaar, p.Percentage)).ToValueList());

    /// <summary>Indexation per calendar year, taking effect on 1 January: <c>PerKalenderjaar((2027, 4.96m))</c>.</summary>
    /// <param name="percentages">Calendar year and percentage.</param>
    /// <returns>The indexation.</returns>
    public static Indexatie PerKalenderjaar(params (int Kalenderjaar, decimal Percentage)[] percentages)
        => new(IndexatieMoment.Kalenderjaar, percentages.Select(p => new Indexatiepercentage(p.Kalenderjaar, p.Percentage)).ToValueList());

    /// <summary>The percentage of a year, 0 when none is given.</summary>
    /// <param name="jaar">The year.</param>
    /// <returns>The percentage.</returns>
    public decimal PercentageVan(int jaar)
    {
        foreach (var p in Percentages)
        {
            if (p.Jaar == jaar)
            {
                return p.Percentage;
            }
        }

        return 0m;
    }

    /// <summary>
    /// The tariff on <paramref name="datum"/> for a tariff agreed as <paramref name="basis"/> at the
    /// <paramref name="ingangsdatum"/>, compounding year by year on the rounded value.
    /// </summary>
    /// <param name="basis">The tariff in year 1.</param>
    /// <param name="ingangsdatum">The contract's ingangsdatum.</param>
    /// <param name="datum">The date (already clamped to the contract's term by the caller).</param>
    /// <returns>The indexed tariff.</returns>
    public Bedrag Pas(Bedrag basis, LocalDate ingangsdatum, LocalDate datum)
    {
        if (Percentages.Count == 0 || datum <= ingangsdatum)
        {
            return basis;
        }

        var tarief = basis;
        IEnumerable<int> years = Moment == IndexatieMoment.Contractjaar
            ? Enumerable.Range(2, System.Math.Max(0, Kalender.Contractjaar(ingangsdatum, datum) - 1))
            : Enumerable.Range(ingangsdatum.Year + 1, System.Math.Max(0, datum.Year - ingangsdatum.Year));
        foreach (var year in years)
        {
            var p = PercentageVan(year);
            if (p != 0m)
            {
                tarief = Bedrag.Afgerond(tarief.Euros * (1m + (p / 100m)));
            }
        }

        return tarief;
    }
}
