using System;
using System.Globalization;
using Bekostiging.Scenarios;

namespace Bekostiging.Grafieken;

/// <summary>
/// Dutch number forms for tables and charts, independent of the machine's culture: thousands with a point, decimals
/// with a comma (<c>€ 1.234,56</c>, <c>12,5 %</c>, <c>10.000</c>).
/// </summary>
internal static class Opmaak
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A whole number with Dutch grouping: <c>10.000</c>.</summary>
    public static string Geheel(long n) => Nederlands(n.ToString("#,0", Inv));

    /// <summary>A number with a fixed number of decimals, Dutch: <c>1.234,50</c>. Rounded half away from zero.</summary>
    public static string Getal(decimal d, int decimalen)
        => Nederlands(Math.Round(d, decimalen, MidpointRounding.AwayFromZero).ToString("#,0." + new string('0', decimalen), Inv));

    /// <summary>A share (0–1) as a Dutch percentage with one decimal: <c>12,5 %</c>.</summary>
    public static string Procent(decimal aandeel) => Getal(aandeel * 100m, 1) + " %";

    /// <summary>
    /// A euro tick label: whole euros when the value is whole (<c>€ 150.000</c>, <c>€ -2.500</c>), otherwise cents
    /// (<c>€ 0,50</c>), so that close ticks never print the same label.
    /// </summary>
    public static string Euro(double euros)
    {
        if (double.IsNaN(euros) || double.IsInfinity(euros))
        {
            return string.Empty;
        }

        var rounded = Math.Round(euros);
        var whole = Math.Abs(euros - rounded) < 1e-6;
        var value = whole ? rounded : Math.Round(euros, 2, MidpointRounding.AwayFromZero);
        var sign = value < 0 ? "-" : string.Empty;
        var text = Nederlands(Math.Abs(value).ToString(whole ? "#,0" : "#,0.00", Inv));
        return "€ " + sign + text;
    }

    /// <summary>An amount in whole euros, Dutch: <c>€ 12.346</c> (for labels on bars).</summary>
    public static string EuroAfgerond(Bedrag b) => Euro((double)Math.Round(b.Euros, 0, MidpointRounding.AwayFromZero));

    /// <summary>An amount in the CSV notation: <c>1234.56</c> or <c>1234,56</c>; no grouping.</summary>
    public static string Csv(decimal value, int decimalen, bool nederlands)
    {
        var text = Math.Round(value, decimalen, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimalen), Inv);
        return nederlands ? text.Replace('.', ',') : text;
    }

    private static string Nederlands(string invariant) => invariant.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
}
