using System;
using System.Collections.Generic;
using System.Linq;

namespace Bekostiging;

/// <summary>
/// Splits a whole amount into parts that add up to it exactly (domain.md §3): each part is rounded down to
/// cents, then the remaining cents go one by one to the parts with the largest remainders, earlier parts first
/// on a tie. €2,500 into 12 gives 4 × €208.34 then 8 × €208.33.
/// </summary>
public static class Verdeling
{
    /// <summary>The most parts a whole is split into in equal parts (10,000: more instalments than any contract has).</summary>
    public const int MaximaalAantalDelen = 10_000;

    /// <summary>Splits <paramref name="geheel"/> into <paramref name="aantal"/> equal parts.</summary>
    /// <param name="geheel">The whole.</param>
    /// <param name="aantal">The number of parts, at least 1.</param>
    /// <returns>The parts, in order.</returns>
    /// <exception cref="BekostigingException">When <paramref name="aantal"/> is below 1 or above <see cref="MaximaalAantalDelen"/>.</exception>
    public static Bedrag[] InGelijkeDelen(Bedrag geheel, int aantal)
    {
        Preconditions.Check(aantal >= 1, nameof(aantal), aantal, "a whole is split into at least one part.");
        Preconditions.Check(aantal <= MaximaalAantalDelen, nameof(aantal), aantal, FormattableString.Invariant($"a whole is split into at most {MaximaalAantalDelen} parts."));
        var weights = new decimal[aantal];
        for (var i = 0; i < aantal; i++)
        {
            weights[i] = 1m;
        }

        return NaarGewichten(geheel, weights);
    }

    /// <summary>Splits <paramref name="geheel"/> by percentages that must add up to 100.</summary>
    /// <param name="geheel">The whole.</param>
    /// <param name="percentages">The percentages, each ≥ 0, together exactly 100.</param>
    /// <returns>The parts, in the order of the percentages.</returns>
    /// <exception cref="BekostigingException">When a percentage is negative or they do not add up to 100.</exception>
    public static Bedrag[] NaarPercentages(Bedrag geheel, IReadOnlyList<decimal> percentages)
    {
        Preconditions.NotNull(percentages, nameof(percentages));
        var sum = percentages.Sum();
        Preconditions.Check(sum == 100m, nameof(percentages), sum, "percentages of a whole add up to exactly 100.");
        return NaarGewichten(geheel, percentages);
    }

    /// <summary>Splits <paramref name="geheel"/> in proportion to <paramref name="gewichten"/>.</summary>
    /// <param name="geheel">The whole.</param>
    /// <param name="gewichten">The weights, each ≥ 0, with a positive sum.</param>
    /// <returns>The parts, in the order of the weights.</returns>
    /// <exception cref="BekostigingException">When a weight is negative, or none is positive.</exception>
    public static Bedrag[] NaarGewichten(Bedrag geheel, IReadOnlyList<decimal> gewichten)
    {
        Preconditions.NotNull(gewichten, nameof(gewichten));
        Preconditions.Check(gewichten.Count >= 1, nameof(gewichten), gewichten.Count, "at least one weight.");
        decimal total = 0m;
        foreach (var w in gewichten)
        {
            Preconditions.Check(w >= 0m, nameof(gewichten), w, "weights are not negative.");
            total += w;
        }

        Preconditions.Check(total > 0m, nameof(gewichten), total, "at least one weight is positive.");

        var cents = geheel.Centen;
        var sign = Math.Sign(cents);
        var whole = Math.Abs(cents);
        var parts = new long[gewichten.Count];
        var remainders = new decimal[gewichten.Count];
        long given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = whole * gewichten[i] / total;
            var floor = decimal.Floor(exact);
            parts[i] = (long)floor;
            remainders[i] = exact - floor;
            given += parts[i];
        }

        var left = whole - given;
        if (left > 0)
        {
            // Largest remainder first; a stable sort keeps earlier parts first on a tie.
            var order = Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
            for (var k = 0; k < left; k++)
            {
                parts[order[k % order.Length]]++;
            }
        }

        var result = new Bedrag[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = Bedrag.VanCenten(sign * parts[i]);
        }

        return result;
    }
}
