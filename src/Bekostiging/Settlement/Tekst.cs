using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Bekostiging.Settlement;

/// <summary>Formatting of dates and quantities in line descriptions and messages.</summary>
internal static class Tekst
{
    public static string Datum(LocalDate d) => LocalDatePattern.Iso.Format(d);

    public static string Getal(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Maand(LocalDate d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
