using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Rapportage;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bekostiging.Scenarios;

/// <summary>
/// The comparison of bekostigingsmodellen (<see cref="Vergelijking"/>) as a table, one row per model: expected cost and
/// its spread, durable plaatsingen and the cost per durable plaatsing, the chance of exceeding the budget (the highest
/// over the calendar years), margin and incentive per client for profiel 1–4, the cream-skimming indicator and the
/// cost with a lower and a higher plaatsing chance (domain.md §10).
/// </summary>
/// <remarks>
/// Markdown writes Dutch forms (<c>€ 1.234,56</c>, <c>12,5 %</c>) and <c>—</c> where a value does not exist (a
/// profiel without clients, a scenario without budget, sensitivity not computed). CSV writes plain numbers in the
/// notation of <see cref="CsvOpties"/> (amounts with two decimals, the chance in percent with two decimals) and an
/// empty field where a value does not exist.
/// </remarks>
public static class Vergelijkingstabel
{
    /// <summary>The header of the CSV table.</summary>
    public static IReadOnlyList<string> CsvKolommen { get; } = new[]
    {
        "model", "verwachte_kosten", "p5", "p50", "p95", "duurzame_plaatsingen", "kosten_per_duurzame_plaatsing",
        "kans_boven_budget_procent",
        "marge_profiel_1", "marge_profiel_2", "marge_profiel_3", "marge_profiel_4",
        "prikkel_profiel_1", "prikkel_profiel_2", "prikkel_profiel_3", "prikkel_profiel_4",
        "roomafroming", "kosten_lagere_plaatsingskans", "kosten_hogere_plaatsingskans",
    };

    /// <summary>The header of the Markdown table.</summary>
    public static IReadOnlyList<string> MarkdownKolommen { get; } = new[]
    {
        "Model", "Verwachte kosten", "P5", "P50", "P95", "Duurzame plaatsingen", "Kosten per duurzame plaatsing",
        "Kans boven budget (hoogste per jaar)",
        "Marge profiel 1", "Marge profiel 2", "Marge profiel 3", "Marge profiel 4",
        "Prikkel profiel 1", "Prikkel profiel 2", "Prikkel profiel 3", "Prikkel profiel 4",
        "Roomafroming (marge profiel 1 − 4)", "Kosten bij lagere plaatsingskans (× 0,75)", "Kosten bij hogere plaatsingskans (× 1,25)",
    };

    /// <summary>The comparison as Markdown: a line that says what was compared, then the table.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <returns>The Markdown text, lines ending in <c>\n</c>.</returns>
    public static string NaarMarkdown(Vergelijking vergelijking)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        SchrijfMarkdown(vergelijking, writer);
        return writer.ToString();
    }

    /// <summary>Writes the comparison as Markdown: a line that says what was compared, then the table.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="writer">Where to write.</param>
    public static void SchrijfMarkdown(Vergelijking vergelijking, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        ArgumentNullException.ThrowIfNull(writer);
        var budget = vergelijking.BudgetPerJaar is { } b ? $"budget {b} per jaar" : "geen budget";
        writer.Write(
            $"Vergelijking van bekostigingsmodellen, scenario \u201e{vergelijking.Scenario}\u201d: {Opmaak.Geheel(vergelijking.Iteraties)} simulaties, "
            + $"{Opmaak.Geheel(vergelijking.AantalClienten)} cliënten, {budget}. Kosten voor de gemeente tot de horizon; marge en prikkel per cliënt.\n\n");
        Regel(writer, MarkdownKolommen);
        Regel(writer, MarkdownKolommen.Select((_, i) => i == 0 ? "---" : "---:"));
        foreach (var m in vergelijking.Modellen)
        {
            Regel(writer, Cellen(vergelijking, m, new Markdownnotatie()));
        }
    }

    /// <summary>
    /// The cells of the table as plain Dutch text for a terminal or another renderer: one row per model, in the order of
    /// <see cref="MarkdownKolommen"/>, with the forms of the Markdown table (<c>€ 1.234,56</c>, <c>12,5 %</c>, <c>—</c>)
    /// but without Markdown escaping; a line break in a model name becomes a space.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Tekstcellen(Vergelijking vergelijking)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        var notatie = new Tekstnotatie();
        return vergelijking.Modellen.Select(m => (IReadOnlyList<string>)Cellen(vergelijking, m, notatie)).ToList();
    }

    /// <summary>The comparison as CSV with a header row.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="opties">Number format and separator; default <see cref="CsvOpties.Nederlands"/>.</param>
    /// <returns>The CSV text, records ending in <c>\n</c>.</returns>
    public static string NaarCsv(Vergelijking vergelijking, CsvOpties? opties = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SchrijfCsv(vergelijking, writer, opties);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the comparison as CSV with a header row, as the invoice CSVs are written: a cell a spreadsheet would read
    /// as a formula (a model name starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or CR) gets a leading
    /// apostrophe and quotes (OWASP, CSV injection); quoting otherwise follows RFC 4180.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="opties">Number format and separator; default <see cref="CsvOpties.Nederlands"/>.</param>
    public static void SchrijfCsv(Vergelijking vergelijking, TextWriter writer, CsvOpties? opties = null)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        ArgumentNullException.ThrowIfNull(writer);
        var o = opties ?? CsvOpties.Nederlands;
        using var csv = CsvExport.Open(writer, o);
        foreach (var k in CsvKolommen)
        {
            csv.WriteField(k);
        }

        csv.NextRecord();
        var notatie = new Csvnotatie(o.Notatie == Getalnotatie.Nederlands);
        foreach (var m in vergelijking.Modellen)
        {
            foreach (var cell in Cellen(vergelijking, m, notatie))
            {
                csv.WriteField(CsvExport.Neutraliseer(cell));
            }

            csv.NextRecord();
        }
    }

    private static List<string> Cellen(Vergelijking v, ModelUitkomst m, Notatie n)
    {
        var cells = new List<string>(CsvKolommen.Count)
        {
            n.Tekst(m.Naam),
            n.Bedrag(m.Kosten.Gemiddelde),
            n.Bedrag(m.Kosten.P5),
            n.Bedrag(m.Kosten.P50),
            n.Bedrag(m.Kosten.P95),
            n.Aantal(m.DuurzamePlaatsingen),
            n.Bedrag(m.KostenPerDuurzamePlaatsing),
            v.BudgetPerJaar is null || m.PerJaar.Count == 0 ? n.Leeg : n.Kans(m.PerJaar.Max(j => j.KansBovenBudget)),
        };
        cells.AddRange(Profielen(m, p => p.MargePerClient, n));
        cells.AddRange(Profielen(m, p => p.Prikkel, n));
        cells.Add(n.Bedrag(m.Roomafroming));
        cells.Add(m.Gevoeligheid is { } g ? n.Bedrag(g.Laag) : n.Leeg);
        cells.Add(m.Gevoeligheid is { } h ? n.Bedrag(h.Hoog) : n.Leeg);
        return cells;
    }

    private static IEnumerable<string> Profielen(ModelUitkomst m, Func<ProfielUitkomst, Bedrag> waarde, Notatie n)
        => Enumerable.Range(1, 4).Select(p => m.PerProfiel.FirstOrDefault(x => x.Profiel == p) is { } u ? n.Bedrag(waarde(u)) : n.Leeg);

    private static void Regel(TextWriter writer, IEnumerable<string> cells)
    {
        var line = new StringBuilder("|");
        foreach (var c in cells)
        {
            line.Append(' ').Append(c).Append(" |");
        }

        writer.Write(line.Append('\n').ToString());
    }

    private abstract class Notatie
    {
        public abstract string Leeg { get; }

        public abstract string Tekst(string text);

        public abstract string Bedrag(Bedrag b);

        public abstract string Aantal(decimal d);

        public abstract string Kans(decimal aandeel);
    }

    private sealed class Markdownnotatie : Notatie
    {
        public override string Leeg => "—";

        // A pipe would end the cell; a line break would end the row.
        public override string Tekst(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

        public override string Bedrag(Bedrag b) => b.ToString();

        public override string Aantal(decimal d) => Opmaak.Getal(d, 2);

        public override string Kans(decimal aandeel) => Opmaak.Procent(aandeel);
    }

    private sealed class Tekstnotatie : Notatie
    {
        public override string Leeg => "—";

        public override string Tekst(string text) => text.Replace("\r", " ").Replace("\n", " ");

        public override string Bedrag(Bedrag b) => b.ToString();

        public override string Aantal(decimal d) => Opmaak.Getal(d, 2);

        public override string Kans(decimal aandeel) => Opmaak.Procent(aandeel);
    }

    private sealed class Csvnotatie : Notatie
    {
        private readonly bool _nederlands;

        public Csvnotatie(bool nederlands) => _nederlands = nederlands;

        public override string Leeg => string.Empty;

        public override string Tekst(string text) => text;

        public override string Bedrag(Bedrag b) => Opmaak.Csv(b.Euros, 2, _nederlands);

        public override string Aantal(decimal d) => Opmaak.Csv(d, 2, _nederlands);

        public override string Kans(decimal aandeel) => Opmaak.Csv(aandeel * 100m, 2, _nederlands);
    }
}
