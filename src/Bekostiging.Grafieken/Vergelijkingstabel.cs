using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Rapportage;
using Bekostiging.Scenarios;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bekostiging.Grafieken;

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

    /// <summary>
    /// The comparison as an HTML table (for notebooks: <c>display(HTML(...))</c>), the same columns and Dutch forms as
    /// <see cref="NaarMarkdown"/>, every text HTML-escaped.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <returns>An HTML fragment: a caption paragraph and a table.</returns>
    public static string NaarHtml(Vergelijking vergelijking)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        var html = new StringBuilder();
        html.Append("<table class=\"bekostiging-vergelijking\">\n<caption>")
            .Append(Html($"Scenario \u201e{vergelijking.Scenario}\u201d: {Opmaak.Geheel(vergelijking.Iteraties)} simulaties, {Opmaak.Geheel(vergelijking.AantalClienten)} trajecten"))
            .Append("</caption>\n<thead><tr>");
        foreach (var k in MarkdownKolommen)
        {
            html.Append("<th>").Append(Html(k)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var m in vergelijking.Modellen)
        {
            html.Append("<tr>");
            var cells = Cellen(vergelijking, m, new Markdownnotatie());
            for (var i = 0; i < cells.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td style=\"text-align:right\">").Append(Html(i == 0 ? m.Naam : cells[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>
    /// The summary an analyst reads out: per model the median cost per contract year (P5–P95) against the budget, whether
    /// provider behaviour is assumed equal under every model (and if not, what each model assumes), the reference model's
    /// median against the scenario's reference range, and the tornado's widest bar.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <returns>Markdown lines (a list), each ending in <c>\n</c>.</returns>
    public static string Samenvatting(Vergelijking vergelijking)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        var v = vergelijking;
        var t = new StringBuilder();
        if (v.Referentie is { } r && v.ReferentieUitkomst() is { KostenPerContractjaar: { } rk } rm)
        {
            var binnen = rk.P50 >= r.Ondergrens() && rk.P50 <= r.Bovengrens();
            t.Append(CultureInfo.InvariantCulture, $"- Referentie: {rm.Naam}, mediane kosten per contractjaar {Opmaak.EuroAfgerond(rk.P50)}; {r.Bron}: {Opmaak.EuroAfgerond(r.Laag)} – {Opmaak.EuroAfgerond(r.Hoog)}, ± {Opmaak.Getal(r.MargeProcent, 0)} % = {Opmaak.EuroAfgerond(r.Ondergrens())} – {Opmaak.EuroAfgerond(r.Bovengrens())}: {(binnen ? "binnen" : "BUITEN")} die marge.\n");
        }

        t.Append(v.GedragGelijkVerondersteld
            ? "- Gedrag van de aanbieder: gelijk verondersteld onder alle modellen (geen model verandert de kansen op plaatsing of uitval of de selectie).\n"
            : "- Gedrag van de aanbieder: verschilt per model (zie per model hieronder).\n");
        foreach (var m in v.Modellen)
        {
            var jaar = m.KostenPerContractjaar is { } k
                ? $"mediane kosten per contractjaar {Opmaak.EuroAfgerond(k.P50)} (P5–P95 {Opmaak.EuroAfgerond(k.P5)} – {Opmaak.EuroAfgerond(k.P95)})"
                : $"verwachte kosten {Opmaak.EuroAfgerond(m.Kosten.Gemiddelde)}";
            var budget = v.BudgetPerJaar is { } b && m.KostenPerContractjaar is { } k2
                ? (k2.P50 <= b ? $", onder het budget van {Opmaak.EuroAfgerond(b)}" : $", boven het budget van {Opmaak.EuroAfgerond(b)}")
                : string.Empty;
            var gedrag = m.GedragOngewijzigd ? string.Empty : $"; {Opmaak.Getal(m.GemiddeldAantalTrajecten, 1)} trajecten aangenomen, {Opmaak.Getal(m.DuurzamePlaatsingen, 1)} duurzame plaatsingen (gedrag gewijzigd)";
            t.Append(CultureInfo.InvariantCulture, $"- {m.Naam}: {jaar}{budget}{gedrag}.\n");
        }

        if (v.Tornado is { Balken.Count: > 0 } tor)
        {
            var top = tor.Balken[0];
            t.Append(CultureInfo.InvariantCulture, $"- Gevoeligheid ({tor.ModelA} − {tor.ModelB}): basisverschil {Opmaak.EuroAfgerond(tor.Basisverschil)}; het sterkst bij {Parameternaam(top.Parameter)} ± {Opmaak.Getal(top.Procent, 0)} %: {Opmaak.EuroAfgerond(top.VerschilLaag)} tot {Opmaak.EuroAfgerond(top.VerschilHoog)}.\n");
        }

        return t.ToString();
    }

    /// <summary>The Dutch name of a behaviour parameter in tables and charts.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The name, e.g. <c>kans op plaatsing per maand</c>.</returns>
    public static string Parameternaam(Gedragsparameter parameter) => parameter switch
    {
        Gedragsparameter.KansPlaatsingPerMaand => "kans op plaatsing per maand",
        Gedragsparameter.KansUitvalPerMaand => "kans op uitval per maand",
        Gedragsparameter.KansEindePlaatsingPerMaand => "kans dat een plaatsing eindigt per maand",
        Gedragsparameter.UrenBegeleidingPerMaand => "uren begeleiding per maand",
        Gedragsparameter.KansTredeOmhoogPerMaand => "kans op een trede hoger per maand",
        _ => parameter.ToString(),
    };

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

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
