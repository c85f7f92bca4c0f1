using System.Globalization;
using System.IO;
using System.Linq;
using Bekostiging.Grafieken;
using Bekostiging.Rapportage;
using Bekostiging.Scenarios;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit;

namespace Bekostiging.Tests.Grafieken;

public class VergelijkingstabelTests
{
    [Fact]
    public void Markdown_says_what_was_compared_and_has_one_right_aligned_column_per_figure()
    {
        var lines = Vergelijkingstabel.NaarMarkdown(HandgemaakteVergelijking.MetBudget()).Split('\n');
        Assert.Equal(
            "Vergelijking van bekostigingsmodellen, scenario \u201eproef\u201d: 1.000 simulaties, 36 cliënten, budget € 200.000,00 per jaar. "
            + "Kosten voor de gemeente tot de horizon; marge en prikkel per cliënt.",
            lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal(
            "| Model | Verwachte kosten | P5 | P50 | P95 | Duurzame plaatsingen | Kosten per duurzame plaatsing | Kans boven budget (hoogste per jaar) "
            + "| Marge profiel 1 | Marge profiel 2 | Marge profiel 3 | Marge profiel 4 | Prikkel profiel 1 | Prikkel profiel 2 | Prikkel profiel 3 | Prikkel profiel 4 "
            + "| Roomafroming (marge profiel 1 − 4) | Kosten bij lagere plaatsingskans (× 0,75) | Kosten bij hogere plaatsingskans (× 1,25) |",
            lines[2]);
        Assert.Equal("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", 18)), lines[3]);
        Assert.Equal(7, lines.Length); // caption, blank, header, alignment, two models, and the final newline
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void Markdown_rows_carry_the_numbers_in_Dutch_form()
    {
        var lines = Vergelijkingstabel.NaarMarkdown(HandgemaakteVergelijking.MetBudget()).Split('\n');

        // 13.375 durable plaatsingen round half away from zero to 13,38; the chance is the highest of the years (12.5 % in 2027);
        // profiel 3 has no clients under this model.
        Assert.Equal(
            "| Starttarief + bonus | € 46.900,00 | € 41.000,00 | € 47.000,00 | € 53.000,00 | 13,38 | € 3.506,54 | 12,5 % "
            + "| € 1.234,56 | € -842,62 | — | € -5.402,10 | € 2.000,00 | € 1.190,66 | — | € 0,00 | € 6.636,66 | € 43.960,00 | € 49.470,00 |",
            lines[4]);

        // A pipe in a name is escaped; sensitivity not computed is a dash.
        Assert.Equal(
            "| Uur\\|tarief; 86,00 | € 219.173,58 | € 195.392,00 | € 219.128,00 | € 240.112,00 | 0,00 | € 0,00 | 0,0 % "
            + "| € 1.243,00 | € 1.766,39 | € 2.210,81 | € 2.665,91 | € -206,07 | € -484,33 | € -490,39 | € -166,94 | € -1.422,91 | — | — |",
            lines[5]);
    }

    [Fact]
    public void Text_cells_for_the_terminal_are_the_Dutch_forms_without_Markdown_escaping()
    {
        var rijen = Vergelijkingstabel.Tekstcellen(HandgemaakteVergelijking.MetBudget());
        Assert.Equal(2, rijen.Count);

        // The same figures as the Markdown row above (hand-made comparison), one cell per column of the table.
        Assert.Equal(
            new[]
            {
                "Starttarief + bonus", "€ 46.900,00", "€ 41.000,00", "€ 47.000,00", "€ 53.000,00", "13,38", "€ 3.506,54", "12,5 %",
                "€ 1.234,56", "€ -842,62", "—", "€ -5.402,10", "€ 2.000,00", "€ 1.190,66", "—", "€ 0,00", "€ 6.636,66", "€ 43.960,00", "€ 49.470,00",
            },
            rijen[0]);

        // The pipe stays a pipe: a terminal table has no Markdown to escape.
        Assert.Equal("Uur|tarief; 86,00", rijen[1][0]);
        Assert.Equal(Vergelijkingstabel.MarkdownKolommen.Count, rijen[1].Count);
    }

    [Fact]
    public void Without_a_budget_there_is_no_chance_of_exceeding_it()
    {
        var markdown = Vergelijkingstabel.NaarMarkdown(HandgemaakteVergelijking.ZonderBudget()).Split('\n');
        Assert.Contains("36 cliënten, geen budget.", markdown[0], System.StringComparison.Ordinal);
        Assert.Equal("—", markdown[4].Split(" | ")[7]);
        var csv = Vergelijkingstabel.NaarCsv(HandgemaakteVergelijking.ZonderBudget()).Split('\n');
        Assert.Equal(string.Empty, csv[1].Split(';')[7]);
    }

    [Fact]
    public void Csv_in_Dutch_notation_has_plain_numbers_and_quotes_a_name_with_the_separator()
    {
        var lines = Vergelijkingstabel.NaarCsv(HandgemaakteVergelijking.MetBudget()).Split('\n');
        Assert.Equal(
            "model;verwachte_kosten;p5;p50;p95;duurzame_plaatsingen;kosten_per_duurzame_plaatsing;kans_boven_budget_procent;"
            + "marge_profiel_1;marge_profiel_2;marge_profiel_3;marge_profiel_4;prikkel_profiel_1;prikkel_profiel_2;prikkel_profiel_3;prikkel_profiel_4;"
            + "roomafroming;kosten_lagere_plaatsingskans;kosten_hogere_plaatsingskans",
            lines[0]);
        Assert.Equal(string.Join(";", Vergelijkingstabel.CsvKolommen), lines[0]);
        Assert.Equal(
            "Starttarief + bonus;46900,00;41000,00;47000,00;53000,00;13,38;3506,54;12,50;1234,56;-842,62;;-5402,10;2000,00;1190,66;;0,00;6636,66;43960,00;49470,00",
            lines[1]);
        Assert.Equal(
            "\"Uur|tarief; 86,00\";219173,58;195392,00;219128,00;240112,00;0,00;0,00;0,00;1243,00;1766,39;2210,81;2665,91;-206,07;-484,33;-490,39;-166,94;-1422,91;;",
            lines[2]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Csv_in_invariant_notation_reads_back_with_the_same_numbers()
    {
        var text = Vergelijkingstabel.NaarCsv(HandgemaakteVergelijking.MetBudget(), CsvOpties.Invariant);
        Assert.StartsWith("model,verwachte_kosten,p5,", text, System.StringComparison.Ordinal);
        Assert.Contains(
            "Starttarief + bonus,46900.00,41000.00,47000.00,53000.00,13.38,3506.54,12.50,1234.56,-842.62,,-5402.10,2000.00,1190.66,,0.00,6636.66,43960.00,49470.00\n",
            text,
            System.StringComparison.Ordinal);

        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        reader.Read();
        reader.ReadHeader();
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("Uur|tarief; 86,00", reader.GetField("model"));
        Assert.Equal(219173.58m, reader.GetField<decimal>("verwachte_kosten"));
        Assert.Equal(2210.81m, reader.GetField<decimal>("marge_profiel_3"));
        Assert.Equal(-1422.91m, reader.GetField<decimal>("roomafroming"));
        Assert.Equal(string.Empty, reader.GetField("kosten_hogere_plaatsingskans"));
        Assert.Equal(Vergelijkingstabel.CsvKolommen.Count, reader.ColumnCount);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_writer_receives_the_same_text()
    {
        var v = HandgemaakteVergelijking.MetBudget();
        var markdown = new StringWriter();
        Vergelijkingstabel.SchrijfMarkdown(v, markdown);
        Assert.Equal(Vergelijkingstabel.NaarMarkdown(v), markdown.ToString());
        var csv = new StringWriter();
        Vergelijkingstabel.SchrijfCsv(v, csv, new CsvOpties(Getalnotatie.Nederlands, "\t"));
        Assert.StartsWith("model\tverwachte_kosten\t", csv.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("\tP5\t", "\t" + string.Join("\t", Vergelijkingstabel.MarkdownKolommen) + "\t", System.StringComparison.Ordinal);
        Assert.Equal(Vergelijkingstabel.CsvKolommen.Count, Vergelijkingstabel.MarkdownKolommen.Count);
    }

    [Fact]
    public void Dutch_forms_of_numbers_percentages_and_euro_ticks()
    {
        Assert.Equal("12,5 %", Opmaak.Procent(0.125m));
        Assert.Equal("0,1 %", Opmaak.Procent(0.0005m));
        Assert.Equal("100,0 %", Opmaak.Procent(1m));
        Assert.Equal("10.000", Opmaak.Geheel(10000));
        Assert.Equal("1.234,57", Opmaak.Getal(1234.565m, 2));
        Assert.Equal("€ 150.000", Opmaak.Euro(150000));
        Assert.Equal("€ 1.500.000", Opmaak.Euro(1.5e6));
        Assert.Equal("€ -2.500", Opmaak.Euro(-2500));
        Assert.Equal("€ 0", Opmaak.Euro(0));
        Assert.Equal("€ 0,50", Opmaak.Euro(0.5));
        Assert.Equal("€ 12.346", Opmaak.EuroAfgerond(Bedrag.Van(12345.50m)));
    }
}

public class VergelijkingstabelSamenvattingTests
{
    [Fact]
    public void The_summary_states_the_reference_range_and_equal_behaviour()
    {
        var r = new Referentiekosten("Uur|tarief; 86,00", Bedrag.Van(168000m), Bedrag.Van(200000m), 25m, "seed 004");

        // 168,000 × 0.75 = 126,000 and 200,000 × 1.25 = 250,000.
        Assert.Equal(Bedrag.Van(126000m), r.Ondergrens());
        Assert.Equal(Bedrag.Van(250000m), r.Bovengrens());
        var uur = HandgemaakteVergelijking.Uurtarief with { KostenPerContractjaar = new Kostenverdeling(Bedrag.Van(180000m), Bedrag.Van(170000m), Bedrag.Van(181000m), Bedrag.Van(190000m)) };
        var v = HandgemaakteVergelijking.MetBudget() with { Modellen = ValueList.Of(HandgemaakteVergelijking.Bonus, uur), Referentie = r };
        var tekst = Vergelijkingstabel.Samenvatting(v);
        Assert.Contains("- Referentie: Uur|tarief; 86,00, mediane kosten per contractjaar € 181.000; seed 004: € 168.000 – € 200.000, ± 25 % = € 126.000 – € 250.000: binnen die marge.", tekst, System.StringComparison.Ordinal);
        Assert.Contains("gelijk verondersteld onder alle modellen", tekst, System.StringComparison.Ordinal);
        Assert.Contains("- Uur|tarief; 86,00: mediane kosten per contractjaar € 181.000 (P5–P95 € 170.000 – € 190.000), onder het budget van € 200.000.", tekst, System.StringComparison.Ordinal);

        var anders = v with { Modellen = ValueList.Of(HandgemaakteVergelijking.Bonus with { GedragOngewijzigd = false }, uur) };
        Assert.Contains("verschilt per model", Vergelijkingstabel.Samenvatting(anders), System.StringComparison.Ordinal);
        Assert.Contains("(gedrag gewijzigd)", Vergelijkingstabel.Samenvatting(anders), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_table_escapes_names_and_has_a_row_per_model()
    {
        var html = Vergelijkingstabel.NaarHtml(HandgemaakteVergelijking.MetBudget());
        Assert.StartsWith("<table", html, System.StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<th scope=\"row\">"));
        Assert.Contains("<th scope=\"row\">Uur|tarief; 86,00</th>", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Vergelijkingstabel.NaarHtml(HandgemaakteVergelijking.MetBudget() with { Scenario = "<script>x</script>" }), System.StringComparison.Ordinal);
    }
}

/// <summary>Issue 13 point 11 for vergelijking.csv: a model name is text from the scenario file and may be hostile.</summary>
public class VergelijkingstabelCsvInjectieTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"klik\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\tTab")]
    [InlineData("\rCR")]
    public void A_model_name_that_a_spreadsheet_would_run_is_written_as_text_and_reads_back_with_an_apostrophe(string naam)
    {
        var v = HandgemaakteVergelijking.MetBudget() with { Modellen = ValueList.Of(HandgemaakteVergelijking.Bonus with { Naam = naam }, HandgemaakteVergelijking.Uurtarief) };
        foreach (var opties in new[] { CsvOpties.Nederlands, CsvOpties.Invariant })
        {
            var text = Vergelijkingstabel.NaarCsv(v, opties);
            using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = opties.Scheidingsteken });
            reader.Read();
            reader.ReadHeader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.ColumnCount; i++)
                {
                    var cell = reader.GetField(i)!;
                    var isNumber = decimal.TryParse(cell.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
                    Assert.False(cell.Length > 0 && !isNumber && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"cell '{cell}' would be a formula");
                }
            }

            Assert.Equal(2, rows);
            reader.Dispose();
            using var again = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = opties.Scheidingsteken });
            again.Read();
            again.ReadHeader();
            again.Read();
            Assert.Equal("'" + naam, again.GetField("model"));

            // Negative amounts stay plain numbers: the margin of profiel 2 of the bonus model is € −842,62.
            Assert.Equal(-842.62m, decimal.Parse(again.GetField("marge_profiel_2")!.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture));
        }
    }
}
