using System;

namespace Bekostiging;

/// <summary>
/// The one rounding rule of the library (domain.md §3): to whole cents, half away from zero
/// ("rekenkundig afronden"). Each settlement line is rounded once; totals are sums of rounded lines.
/// </summary>
public static class Afronden
{
    /// <summary>Rounds <paramref name="euros"/> to whole cents, half away from zero.</summary>
    /// <param name="euros">A value in euros.</param>
    /// <returns>The value rounded to two decimals.</returns>
    public static decimal OpCenten(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);
}
