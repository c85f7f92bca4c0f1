using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Scenarios;

namespace Bekostiging.Cli.Commando;

/// <summary>The comparison as a table (and, where the charts package is present, as charts).</summary>
internal static class Presentatie
{
    public static string Markdown(Vergelijking v)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Vergelijking bekostigingsmodellen — {v.Scenario}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{v.AantalClienten} clienten, {v.Iteraties} simulaties, seed {v.Seed}{(v.BudgetPerJaar is { } b ? $", budget {b} per jaar" : string.Empty)}.");
        sb.AppendLine();
        sb.AppendLine("| model | verwachte kosten | P5 | P50 | P95 | duurzame plaatsingen | kosten per duurzame plaatsing | kans boven budget | roomafroming |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in v.Modellen)
        {
            var kans = m.PerJaar.Count == 0 ? 0m : m.PerJaar.Max(j => j.KansBovenBudget);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Naam} | {m.Kosten.Gemiddelde} | {m.Kosten.P5} | {m.Kosten.P50} | {m.Kosten.P95} | {Getal(m.DuurzamePlaatsingen)} | {m.KostenPerDuurzamePlaatsing} | {Procent(kans)} | {m.Roomafroming} |");
        }

        sb.AppendLine();
        sb.AppendLine("Marge en prikkel per client per profiel (opbrengst − kosten; opbrengst met − zonder duurzame plaatsing):");
        sb.AppendLine();
        sb.AppendLine("| model | profiel | opbrengst | kosten | marge | prikkel |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in v.Modellen)
        {
            foreach (var p in m.PerProfiel)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Naam} | {p.Profiel} | {p.OpbrengstPerClient} | {p.KostenPerClient} | {p.MargePerClient} | {p.Prikkel} |");
            }
        }

        if (v.Modellen.Any(m => m.Gevoeligheid is not null))
        {
            sb.AppendLine();
            sb.AppendLine("Gevoeligheid voor de plaatsingskans (× 0,75 / × 1 / × 1,25):");
            sb.AppendLine();
            sb.AppendLine("| model | lager | basis | hoger |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (var m in v.Modellen.Where(m => m.Gevoeligheid is not null))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Naam} | {m.Gevoeligheid!.Laag} | {m.Gevoeligheid.Basis} | {m.Gevoeligheid.Hoog} |");
            }
        }

        return sb.ToString();
    }

    /// <summary>Writes the table as CSV and the charts; returns the files written.</summary>
    public static IEnumerable<string> Bestanden(Vergelijking v, string map)
    {
        var csv = Path.Combine(map, "vergelijking.csv");
        var sb = new StringBuilder("model;verwachte kosten;P5;P50;P95;duurzame plaatsingen;kosten per duurzame plaatsing;roomafroming\n");
        foreach (var m in v.Modellen)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{m.Naam};{m.Kosten.Gemiddelde:n};{m.Kosten.P5:n};{m.Kosten.P50:n};{m.Kosten.P95:n};{Getal(m.DuurzamePlaatsingen)};{m.KostenPerDuurzamePlaatsing:n};{m.Roomafroming:n}\n");
        }

        Uitvoer.Schrijf(csv, sb.ToString());
        yield return csv;
    }

    private static string Getal(decimal d) => d.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Procent(decimal d) => (d * 100m).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + " %";
}
