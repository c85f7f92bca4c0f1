using System.Globalization;

namespace Bekostiging.Benchmarks;

/// <summary>Durations as the tables of docs/performance.md write them.</summary>
internal static class Tijd
{
    /// <summary>A duration in nanoseconds with three significant digits in ns, µs, ms or s.</summary>
    public static string Tekst(double nanoseconden)
    {
        var (waarde, eenheid) = nanoseconden switch
        {
            < 1e3 => (nanoseconden, "ns"),
            < 1e6 => (nanoseconden / 1e3, "µs"),
            < 1e9 => (nanoseconden / 1e6, "ms"),
            _ => (nanoseconden / 1e9, "s"),
        };
        var formaat = waarde switch { >= 100 => "#,##0", >= 10 => "0.0", _ => "0.00" };
        return waarde.ToString(formaat, CultureInfo.InvariantCulture) + " " + eenheid;
    }

    /// <summary>A byte count as "696 B", "1.6 KB", "71.5 MB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };
}
