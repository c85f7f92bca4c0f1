using System;
using System.Collections.Generic;
using System.Linq;

namespace Bekostiging.Cli;

/// <summary>"Bedoelde u …?": the known words closest to a mistyped one (edit distance, or a shared beginning).</summary>
internal static class Suggesties
{
    /// <summary>The candidates within an edit distance of a third of the word (at least 1, at most 3), closest first.</summary>
    public static IEnumerable<string> Voor(string woord, IEnumerable<string> kandidaten)
    {
        var kaal = woord.TrimStart('-');
        var grens = Math.Clamp(kaal.Length / 3, 1, 3);
        return kandidaten
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Kandidaat: k, Afstand: Afstand(kaal, k.TrimStart('-'))))
            .Where(x => x.Afstand <= grens || (kaal.Length >= 3 && x.Kandidaat.TrimStart('-').StartsWith(kaal, StringComparison.Ordinal)))
            .OrderBy(x => x.Afstand)
            .ThenBy(x => x.Kandidaat, StringComparer.Ordinal)
            .Select(x => x.Kandidaat);
    }

    /// <summary>The Damerau–Levenshtein distance (optimal string alignment): insert, delete, replace, swap two neighbours.</summary>
    public static int Afstand(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var kosten = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + kosten);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
