using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>Issue 13 point 5: the history is written and read as a stream, as strictly as the document reader.</summary>
public class FacturenStroomTests
{
    private static readonly Factuurinstellingen Btw21 = new(Btw.Tarief(21m), Factuurinstellingen.Reeks("F-"));

    /// <summary>
    /// <paramref name="n"/> trajecten at €86.00 an hour: each has hours in January (invoice F-0001) and in February,
    /// and every third has its January hours withdrawn in February (a credit in F-0002): many lines, both kinds.
    /// </summary>
    private static List<Factuur> History(int n)
    {
        var c = new Raamovereenkomst("C-7", ValueList.Of("Gemeente A"), "Aanbieder X", new LocalDate(2026, 1, 1), Duur.Jaren(2),
            ValueList.Of(new Productafspraak("re-integratie", null, Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)), Duur.Maanden(12))));
        var trajecten = Enumerable.Range(1, n).Select(i =>
        {
            var events = new List<Gebeurtenis> { new Start("S", new LocalDate(2026, 1, 5)), new Uren("U1", new LocalDate(2026, 1, 10), 1 + (i % 4)), new Uren("U2", new LocalDate(2026, 2, 10), 2m) };
            if (i % 3 == 0)
            {
                events.Add(new Intrekking("I", new LocalDate(2026, 2, 12), "U1"));
            }

            return new TrajectMetGebeurtenissen(c.NieuwTraject($"T-{i:00000}", $"C-{i:00000}", 1, "re-integratie"), events);
        }).ToList();
        var jan = Facturatie.Run(c, trajecten, Array.Empty<Factuur>(), new LocalDate(2026, 1, 31), Btw21);
        var feb = Facturatie.Run(c, trajecten, new[] { jan }, new LocalDate(2026, 2, 28), Btw21);
        return new List<Factuur> { jan, feb };
    }

    private static byte[] Streamed(IEnumerable<Factuur> facturen)
    {
        using var ms = new MemoryStream();
        JsonSchrijver.Facturen(ms, facturen);
        return ms.ToArray();
    }

    private static IReadOnlyList<Factuur> Read(string json, long max = JsonLezer.MaximaleHistoriegrootte)
    {
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return JsonLezer.FacturenStroom(ms, "f.json", max);
    }

    [Fact]
    public void The_streamed_history_is_the_document_text_and_reads_back_equal_across_many_buffer_refills()
    {
        // 3,000 trajecten: F-0001 has 3,000 debits, F-0002 3,000 debits and 1,000 credits; the text is megabytes,
        // far beyond the reader's 64 KiB first buffer.
        var h = History(3000);
        Assert.Equal((3000, 4000), (h[0].Regels.Count, h[1].Regels.Count));
        var text = JsonSchrijver.NaarInvoer(new FacturenDocument(h.ToValueList()));
        var bytes = Streamed(h);
        Assert.Equal(text, Encoding.UTF8.GetString(bytes));
        Assert.True(bytes.Length > 1_000_000);

        Assert.Equal(h, Read(text));
        Assert.Equal(JsonLezer.Facturen(text), Read(text));
    }

    public static TheoryData<string> Broken() => new()
    {
        "bedrag as text",
        "unknown field in an invoice",
        "unknown field in a line",
        "wrong date",
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Errors_name_the_same_path_and_line_as_the_document_reader(string wat)
    {
        var text = JsonSchrijver.NaarInvoer(new FacturenDocument(History(3).ToValueList()));
        var broken = wat switch
        {
            "bedrag as text" => new System.Text.RegularExpressions.Regex("\"bedrag\": ([-0-9.]+)").Replace(text, "\"bedrag\": \"$1\"", 1),
            "unknown field in an invoice" => ReplaceNth(text, "\"contractId\": \"C-7\"", "\"contractId\": \"C-7\", \"totaal\": 1", 1),
            "unknown field in a line" => ReplaceNth(text, "\"soort\": \"credit\"", "\"soort\": \"credit\", \"x\": 1", 0),
            "wrong date" => ReplaceNth(text, "\"factuurdatum\": \"2026-02-28\"", "\"factuurdatum\": \"2026-02-30\"", 0),
            _ => throw new ArgumentOutOfRangeException(nameof(wat)),
        };
        Assert.NotEqual(text, broken);

        var document = Assert.Throws<JsonInvoerException>(() => JsonLezer.Facturen(broken, "f.json"));
        var stream = Assert.Throws<JsonInvoerException>(() => Read(broken));
        Assert.Equal(document.Pad, stream.Pad);
        Assert.Equal(document.Regel, stream.Regel);
        Assert.Equal("facturen", stream.Schema);
        if (wat is "bedrag as text" or "unknown field in a line")
        {
            // The line of the broken value, counted in the text (the document reader counts from its list instead).
            var at = broken.Zip(text).TakeWhile(p => p.First == p.Second).Count();
            Assert.Equal(1 + broken[..at].Count(ch => ch == '\n'), stream.Regelnummer);
        }
    }

    [Fact]
    public void Cut_off_null_and_oversized_histories_are_refused()
    {
        var text = JsonSchrijver.NaarInvoer(new FacturenDocument(History(3).ToValueList()));
        Assert.StartsWith("f.json:", Assert.Throws<JsonInvoerException>(() => Read(text[..(text.Length / 2)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("f.json:1 $.facturen[0]: ", Assert.Throws<JsonInvoerException>(() => Read("""{ "facturen": [""")).Message, StringComparison.Ordinal);
        Assert.Equal("$.facturen[0]", Assert.Throws<JsonInvoerException>(() => Read("""{ "facturen": [ null ] }""")).Pad);
        Assert.Equal("$.facturen[0].regels[0]", Assert.Throws<JsonInvoerException>(() => Read(ReplaceNth(text, "\"regels\": [", "\"regels\": [ null,", 0))).Pad);
        Assert.Contains("'x'", Assert.Throws<JsonInvoerException>(() => Read("""{ "facturen": [], "x": 1 }""")).Message, StringComparison.Ordinal);
        Assert.Contains("after", Assert.Throws<JsonInvoerException>(() => Read("""{ "facturen": [] } {""")).Message, StringComparison.Ordinal);

        // Its own limit, apart from the general file limit (512 MiB) that a history of 2,000,000 trajecten exceeds.
        var big = Assert.Throws<JsonInvoerException>(() => Read(text, max: 1000));
        Assert.Equal("f.json: the file is larger than the limit of 1000 bytes for an invoice history.", big.Message);
        Assert.True(JsonLezer.MaximaleHistoriegrootte > Invoerlimieten.Standaard.MaximaleBestandsgrootte);
    }

    private static string ReplaceNth(string text, string what, string with, int n)
    {
        var at = -1;
        for (var k = 0; k <= n; k++)
        {
            at = text.IndexOf(what, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{what}' #{n} not in the text");
        }

        return text[..at] + with + text[(at + what.Length)..];
    }
}
