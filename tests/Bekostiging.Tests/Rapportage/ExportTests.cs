using System.IO;
using Bekostiging.Invoicing;
using Bekostiging.Rapportage;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Rapportage;

public class ExportTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Factuur Sample() => new(
        "F-0002",
        "C-13",
        D(2026, 11, 30),
        new DateInterval(D(2026, 11, 1), D(2026, 11, 30)),
        Btw.Vrijgesteld,
        ValueList.Of(
            new Factuurregel(1, "T-1", "C-0001", "klantmanager; team \"west\"", "uren/U1", Regelsoort.Debet, Bedrag.Van(1234.5m), Bedrag.Nul, D(2026, 11, 3), "uren: 14,35 hours", null),
            new Factuurregel(2, "T-13", "C-0013", null, "resultaat", Regelsoort.Credit, Bedrag.Van(-2000m), Bedrag.Nul, D(2026, 7, 4), "credit: resultaat is no longer due", new Regelverwijzing("F-0001", 1))),
        ValueList<Ingehouden>.Empty,
        false);

    [Fact]
    public void Invoice_csv_in_Dutch_notation_quotes_fields_that_need_it()
    {
        var w = new StringWriter();
        CsvExport.Facturen(new[] { Sample() }, w);
        var lines = w.ToString().Split('\n');
        Assert.Equal(string.Join(";", CsvExport.FactuurKolommen), lines[0]);
        Assert.Equal("F-0002;2026-11-30;2026-11-01;2026-11-30;1;T-1;C-0001;\"klantmanager; team \"\"west\"\"\";uren/U1;debet;2026-11-03;1234,50;0,00;uren: 14,35 hours;;", lines[1]);
        Assert.Equal("F-0002;2026-11-30;2026-11-01;2026-11-30;2;T-13;C-0013;;resultaat;credit;2026-07-04;-2000,00;0,00;credit: resultaat is no longer due;F-0001;1", lines[2]);
    }

    [Fact]
    public void Invoice_csv_in_invariant_notation_with_a_chosen_separator()
    {
        var w = new StringWriter();
        CsvExport.Facturen(new[] { Sample() }, w, new CsvOpties(Getalnotatie.Invariant, "\t"));
        var row = w.ToString().Split('\n')[1].Split('\t');
        Assert.Equal("1234.50", row[11]);
        Assert.Equal("uren: 14,35 hours", row[13]);
    }

    [Fact]
    public void Quarterly_statement_csv_has_a_row_per_traject_a_total_per_client_and_one_for_the_quarter()
    {
        var overzicht = Kwartaaloverzicht.Maak("C-13", 2026, 4, new[] { Sample() });
        var w = new StringWriter();
        CsvExport.Kwartaaloverzicht(overzicht, w);
        var lines = w.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(new[]
        {
            "contract;jaar;kwartaal;client;contactpersoon;traject;gefactureerd;gecrediteerd;netto",
            "C-13;2026;Q4;C-0001;\"klantmanager; team \"\"west\"\"\";T-1;1234,50;0,00;1234,50",
            "C-13;2026;Q4;C-0001;\"klantmanager; team \"\"west\"\"\";totaal client;1234,50;0,00;1234,50",
            "C-13;2026;Q4;C-0013;;T-13;0,00;-2000,00;-2000,00",
            "C-13;2026;Q4;C-0013;;totaal client;0,00;-2000,00;-2000,00",
            "C-13;2026;Q4;;;totaal kwartaal;;;-765,50",
        }, lines);
    }

    [Fact]
    public void Json_export_is_camel_case_with_iso_dates_and_amounts_as_numbers()
    {
        var json = JsonExport.Naar(Sample());
        Assert.Contains("\"nummer\": \"F-0002\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"factuurdatum\": \"2026-11-30\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"bedrag\": 1234.50", json, System.StringComparison.Ordinal);
        Assert.Contains("\"bedrag\": -2000.00", json, System.StringComparison.Ordinal);
        Assert.Contains("\"soort\": \"credit\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"totEnMet\": \"2026-11-30\"", json, System.StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(-765.50m, doc.RootElement.GetProperty("totaalExclusiefBtw").GetDecimal());
    }
}
