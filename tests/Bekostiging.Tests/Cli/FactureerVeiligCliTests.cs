using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// Issue 13, invoice history: the real tool as a process refuses what would lose, repeat or invent money, names why,
/// exits 1 and writes nothing. Contract K-1 pays €1,000.00 at start; T-1 starts 2026-01-05, T-2 2026-01-20 and T-3
/// 2026-02-03, so the January run invoices 2 × €1,000.00 (K-1-0001) and the February run €1,000.00 for T-3 (K-1-0002).
/// </summary>
public sealed class FactureerVeiligCliTests : IDisposable
{
    private static readonly TrajectInvoer T1 = CliProces.Traject("T-1", new Start("S", new LocalDate(2026, 1, 5)));
    private static readonly TrajectInvoer T2 = CliProces.Traject("T-2", new Start("S", new LocalDate(2026, 1, 20)));
    private static readonly TrajectInvoer T3 = CliProces.Traject("T-3", new Start("S", new LocalDate(2026, 2, 3)));

    private readonly CliProces _p = new();
    private readonly string _contract;
    private readonly string _uit;

    public FactureerVeiligCliTests()
    {
        _contract = _p.SchrijfContract(CliProces.Contract());
        _uit = _p.Pad("uit");
    }

    public void Dispose() => _p.Dispose();

    private string Historie => Path.Combine(_uit, "facturen.json");

    private string Trajecten(string naam, params TrajectInvoer[] t) => _p.Schrijf(naam, CliProces.JsonLines(t));

    private (int Code, string Uit, string Fout) Factureer(string trajecten, string datum, string? facturen, params string[] extra)
    {
        var args = new List<string> { "factureren", "--contract", _contract, "--trajecten", trajecten, "--datum", datum, "--uit", _uit };
        if (facturen is not null)
        {
            args.AddRange(new[] { "--facturen", facturen });
        }

        args.AddRange(extra);
        return CliProces.Run(args.ToArray());
    }

    private string[] Bestanden() => Directory.GetFiles(_uit).Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal).ToArray()!;

    private void JanuariEnFebruari()
    {
        var alle = Trajecten("alle.jsonl", T1, T2, T3);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);
        File.Copy(Historie, _p.Pad("oud.json"));
        var feb = Factureer(alle, "2026-02-28", Historie);
        Assert.True(feb.Code == 0, feb.Fout);
        Assert.Contains("Factuur K-1-0002 per 2026-02-28: 1 regel", feb.Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Point1_a_stale_history_that_lacks_invoices_of_the_folder_is_refused_naming_them()
    {
        JanuariEnFebruari();
        var before = File.ReadAllBytes(Historie);
        var files = Bestanden();

        // oud.json holds only K-1-0001; uit/facturen.json also K-1-0002. A March run on oud.json would reissue 0002.
        var r = Factureer(_p.Pad("alle.jsonl"), "2026-03-31", _p.Pad("oud.json"));

        Assert.Equal(1, r.Code);
        Assert.Equal(string.Empty, r.Uit);
        Assert.Contains($"ongeldige invoer: {_p.Pad("oud.json")}: [OngeldigeFactuurhistorie] deze historie mist 1 facturen die {Historie} wel heeft: K-1-0002 (2026-02-28, ontbreekt).", r.Fout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Historie));
        Assert.Equal(files, Bestanden());

        // The newer history itself is accepted: March has nothing new (no invoice, exit 0).
        var ok = Factureer(_p.Pad("alle.jsonl"), "2026-03-31", Historie);
        Assert.Equal(0, ok.Code);
        Assert.StartsWith("Geen verschillen per 2026-03-31", ok.Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Point1_a_history_that_holds_an_invoice_number_with_other_lines_is_refused()
    {
        JanuariEnFebruari();
        var history = CliProces.LeesHistorie(Historie);
        var changed = history[1] with { Regels = ValueList.Of(history[1].Regels[0] with { Omschrijving = "anders" }) };
        var other = _p.Schrijf("anders.json", JsonSchrijver.NaarInvoer(new FacturenDocument(ValueList.Of(history[0], changed))));

        var r = Factureer(_p.Pad("alle.jsonl"), "2026-03-31", other);

        Assert.Equal(1, r.Code);
        Assert.Contains("K-1-0002 (2026-02-28, andere regels onder hetzelfde nummer)", r.Fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Point3_trajecten_invoiced_before_and_missing_stop_the_run_unless_credited_explicitly()
    {
        var alle = Trajecten("alle.jsonl", T1, T2);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);
        var before = File.ReadAllBytes(Historie);
        var files = Bestanden();

        // An empty export, an empty JSON document and a JSON Lines file cut after its first line.
        var empty = _p.Schrijf("leeg.jsonl", string.Empty);
        var emptyDoc = _p.Schrijf("leeg.json", """{ "contract": "K-1", "trajecten": [] }""");
        var cut = Trajecten("afgebroken.jsonl", T1);
        foreach (var (input, missing) in new[] { (empty, "2 trajecten invoiced before are missing from the input of the run on 2026-02-28: T-1, T-2."), (emptyDoc, "T-1, T-2."), (cut, "1 trajecten invoiced before are missing from the input of the run on 2026-02-28: T-2.") })
        {
            var r = Factureer(input, "2026-02-28", Historie);
            Assert.Equal(1, r.Code);
            Assert.Contains($"ongeldige invoer: {input}: [OntbrekendeTrajecten] ", r.Fout, StringComparison.Ordinal);
            Assert.Contains(missing, r.Fout, StringComparison.Ordinal);
            Assert.Contains("--ontbrekende-trajecten crediteren", r.Fout, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(Historie));
            Assert.Equal(files, Bestanden());
        }

        // Stated explicitly: T-2 really ended. Its €1,000.00 is credited, referring to line 2 of K-1-0001 (T-2's debit).
        var credited = Factureer(cut, "2026-02-28", Historie, "--ontbrekende-trajecten", "crediteren");
        Assert.True(credited.Code == 0, credited.Fout);
        var second = CliProces.LeesHistorie(Historie)[1];
        var line = Assert.Single(second.Regels);
        Assert.Equal(("T-2", Regelsoort.Credit, -1000m, new Regelverwijzing("K-1-0001", 2)), (line.TrajectId!, line.Soort, line.Bedrag.Euros, line.Corrigeert!));

        // valideer applies the same rule to the same files. T-2 is credited to zero now, so only T-1 is missing.
        var v = CliProces.Run("valideer", "--contract", _contract, "--trajecten", empty, "--facturen", Historie);
        Assert.Equal(1, v.Code);
        Assert.Contains("[OntbrekendeTrajecten] 1 trajecten die in", v.Fout, StringComparison.Ordinal);
        Assert.Contains("ontbreken: T-1; factureren weigert deze invoer", v.Fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Point2_a_run_is_refused_while_another_holds_the_lock_and_nothing_is_written()
    {
        var alle = Trajecten("alle.jsonl", T1, T2, T3);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);
        var before = File.ReadAllBytes(Historie);
        var files = Bestanden();

        // This test process plays the other run: it holds the lock file exclusively.
        using (new FileStream(Path.Combine(_uit, ".facturen.json.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var r = Factureer(alle, "2026-02-28", Historie);
            Assert.Equal(1, r.Code);
            Assert.Equal($"bekostiging factureren: een andere run houdt het slot {Path.Combine(_uit, ".facturen.json.lock")} vast: er loopt al een factureren op dezelfde map (--uit). Er is niets geschreven; start de run opnieuw als die klaar is.\n", r.Fout);
            Assert.Equal(before, File.ReadAllBytes(Historie));
            Assert.Equal(files, Bestanden());

            // A dry run does not change the history and takes no lock.
            Assert.Equal(0, Factureer(alle, "2026-02-28", Historie, "--dry-run").Code);
        }

        // Released (here by closing; a killed run's lock ends with its process): the same run now succeeds.
        Assert.Equal(0, Factureer(alle, "2026-02-28", Historie).Code);
    }

    [Fact]
    public void Point2_parallel_runs_on_one_history_never_lose_an_invoice()
    {
        var alle = Trajecten("alle.jsonl", T1, T2, T3);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);

        // Six real processes at once on the same history: three February runs (each would add K-1-0002 with T-3's
        // €1,000.00) and three March runs. Without a lock several succeed and the last writer wins.
        var runs = new[] { "2026-02-28", "2026-03-31", "2026-02-28", "2026-03-31", "2026-02-28", "2026-03-31" }
            .Select(d => CliProces.Start("factureren", "--contract", _contract, "--trajecten", alle, "--datum", d, "--facturen", Historie, "--uit", _uit))
            .ToList();
        var results = runs.Select(p => CliProces.Wacht(p)).ToList();
        runs.ForEach(p => p.Dispose());

        var history = CliProces.LeesHistorie(Historie);
        var issued = new List<string>();
        foreach (var (code, uit, fout) in results)
        {
            Assert.True(code is 0 or 1, $"exit {code}: {fout}");
            if (code == 1)
            {
                // Refused: either the lock was held, or the winner's invoice is dated after this run (date order).
                Assert.Matches("een andere run houdt het slot|after this run's date", fout);
            }
            else if (Regex.Match(uit, "^Factuur (\\S+) per") is { Success: true } m)
            {
                issued.Add(m.Groups[1].Value);
            }
        }

        // Every invoice a run reported is in the history, once; T-3's €1,000.00 is invoiced exactly once.
        Assert.All(issued, n => Assert.Contains(history, f => f.Nummer == n));
        Assert.Equal(history.Count, history.Select(f => f.Nummer).Distinct().Count());
        Assert.Equal(1 + issued.Count, history.Count);
        Assert.Equal(3000m, history.Sum(f => f.TotaalExclusiefBtw.Euros));
    }

    [Fact]
    public void Point8_temporary_files_left_by_a_killed_run_are_removed_at_the_next_run_and_reported()
    {
        var alle = Trajecten("alle.jsonl", T1, T2);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);
        const string hex = "0123456789abcdef0123456789abcdef";
        var stale = new[] { $".facturen.json.{hex}.tmp", $".factuur-K-1-0002.json.{hex}.tmp" };
        var kept = new[] { $".concept.json.{hex}.tmp", ".mijn-notities.tmp", $".facturen.json.{hex}.tmp.bak" };
        foreach (var n in stale.Concat(kept))
        {
            File.WriteAllText(Path.Combine(_uit, n), "half");
        }

        var r = Factureer(alle, "2026-02-28", Historie);

        Assert.Equal(0, r.Code);
        Assert.StartsWith($"Opgeruimd: 2 achtergebleven tijdelijke bestanden van een afgebroken run in {_uit} ({stale[0]}, {stale[1]}).\n", r.Uit, StringComparison.Ordinal);
        Assert.All(stale, n => Assert.False(File.Exists(Path.Combine(_uit, n))));
        Assert.All(kept, n => Assert.True(File.Exists(Path.Combine(_uit, n))));
    }

    [Fact]
    public void Point6_and_7_valideer_and_factureren_refuse_the_same_impossible_history_with_its_path()
    {
        var alle = Trajecten("alle.jsonl", T1, T2, T3);
        Assert.Equal(0, Factureer(alle, "2026-01-31", null).Code);
        var history = CliProces.LeesHistorie(Historie);
        var line = history[0].Regels[1];

        // A credit with a positive amount, a repeated line number, a concept, another contract's invoice, duplicates.
        var cases = new (ValueList<Factuur> Facturen, string Pad, string Regel)[]
        {
            (ValueList.Of(history[0] with { Regels = ValueList.Of(history[0].Regels[0], line with { Soort = Regelsoort.Credit }) }), "$.facturen[0].regels[1]", "invoice K-1-0001, line 2 is a credit of € 1.000,00; a credit line carries a negative amount."),
            (ValueList.Of(history[0] with { Regels = ValueList.Of(history[0].Regels[0], line with { Regelnummer = 1 }) }), "$.facturen[0].regels[1]", "invoice K-1-0001, line 2 is numbered 1;"),
            (ValueList.Of(history[0] with { IsConcept = true }), "$.facturen[0]", "invoice history holds a concept (dry run) K-1-0001 dated 2026-01-31"),
            (ValueList.Of(history[0], history[0] with { Nummer = "X-1", ContractId = "K-2" }), "$.facturen[1]", "invoice X-1 belongs to contract K-2, not K-1"),
            (ValueList.Of(history[0], history[0]), "$.facturen[1]", "invoice number K-1-0001 occurs twice in the history of contract K-1 (invoices 1 and 2)."),
        };
        foreach (var (facturen, pad, regel) in cases)
        {
            var file = _p.Schrijf("kapot.json", JsonSchrijver.NaarInvoer(new FacturenDocument(facturen)));
            var v = CliProces.Run("valideer", "--contract", _contract, "--facturen", file);
            var f = Factureer(alle, "2026-02-28", file, "--dry-run");
            // The line of the file where the named invoice or invoice line begins: the '{' that opens it, followed in
            // its object by the number the rule names (counted here from the written text, not by the tool's scanner).
            var tekst = File.ReadAllLines(file);
            var isRegel = pad.Contains(".regels[", StringComparison.Ordinal);
            var k = int.Parse(pad.AsSpan(pad.IndexOf('[', StringComparison.Ordinal) + 1, 1), CultureInfo.InvariantCulture);
            foreach (var r in new[] { v, f })
            {
                Assert.Equal(1, r.Code);
                var m = Regex.Match(r.Fout, $"ongeldige invoer: {Regex.Escape(file)}:(\\d+) {Regex.Escape(pad)}: \\[OngeldigeFactuurhistorie\\] ");
                Assert.True(m.Success, r.Fout);
                Assert.Contains(regel, r.Fout, StringComparison.Ordinal);
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.Equal("{", tekst[n - 1].Trim());
                var volgend = tekst.Skip(n).First(l => l.Contains(isRegel ? "\"regelnummer\"" : "\"nummer\"", StringComparison.Ordinal));
                if (isRegel)
                {
                    Assert.Contains(pad.EndsWith("[1]", StringComparison.Ordinal) && regel.Contains("numbered 1", StringComparison.Ordinal) ? "1" : "2", volgend, StringComparison.Ordinal);
                }
                else
                {
                    // The k-th invoice object of the list: as many invoice numbers lie before its line as its index.
                    Assert.Equal(k, tekst.Take(n).Count(l => l.Contains("\"nummer\"", StringComparison.Ordinal)));
                }
            }

            Assert.False(File.Exists(Path.Combine(_uit, "concept.json")));
        }
    }

    [Fact]
    public void Point6_valideer_refuses_a_stream_whose_report_order_breaks_a_run_date()
    {
        // Uurtarief €86.00: U1 (2 h on 2026-01-10) is reported only on 2026-03-01, but its Intrekking I on 2026-02-10.
        // The whole stream is valid; a run on 2026-02-28 sees I without U1.
        var contract = _p.Schrijf("uur.json", JsonSchrijver.NaarInvoer(CliProces.Contract(Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m)))));
        var t = CliProces.Traject("T-9", new Start("S", new LocalDate(2026, 1, 5)), new Uren("U1", new LocalDate(2026, 1, 10), 2m) { Gemeld = new LocalDate(2026, 3, 1) }, new Intrekking("I", new LocalDate(2026, 2, 10), "U1"));
        var trajecten = _p.Schrijf("laat.jsonl", CliProces.JsonLines(new[] { t }));

        var f = CliProces.Run("factureren", "--contract", contract, "--trajecten", trajecten, "--datum", "2026-02-28", "--uit", _uit);
        var v = CliProces.Run("valideer", "--contract", contract, "--trajecten", trajecten);

        Assert.Equal(1, f.Code);
        Assert.Equal(1, v.Code);
        Assert.Contains("[OnbekendDoelVanIntrekking]", f.Fout, StringComparison.Ordinal);
        Assert.Contains($"ongeldige invoer: {trajecten} (traject T-9, event I): [OnbekendDoelVanIntrekking] ", v.Fout, StringComparison.Ordinal);
        Assert.Contains("(with the events reported by 2026-02-10, as an invoice run on that date sees them)", v.Fout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_uit) && Directory.GetFiles(_uit, "factuur-*").Length > 0);
    }

    [Fact]
    public void Point5_an_instroomgarantie_beyond_the_readable_range_is_refused_naming_contract_and_rule()
    {
        // 2,147,483,647 guaranteed aanmeldingen × €1,000,000,000,000.00; T-1 is the only aanmelding of contract year 1,
        // so 2,147,483,646 are missing: far more than €10^12, the largest amount the history format reads back.
        var contract = _p.Schrijf("groot.json", JsonSchrijver.NaarInvoer(CliProces.Contract(instroomgarantie: new Instroomgarantie(int.MaxValue, Bedrag.Van(1_000_000_000_000m)))));
        var t = _p.Schrijf("een.jsonl", CliProces.JsonLines(new[] { CliProces.Traject("T-1", new Aanmelding("A", new LocalDate(2026, 1, 2)), new Start("S", new LocalDate(2026, 1, 5))) }));

        var r = CliProces.Run("factureren", "--contract", contract, "--trajecten", t, "--datum", "2027-01-31", "--uit", _uit);

        Assert.Equal(1, r.Code);
        Assert.Contains("[BedragBuitenBereik] instroomgarantie of contract K-1, contract year 1: 2147483646 ontbrekende aanmeldingen × € 1.000.000.000.000,00 = 2,147,483,646,000,000,000,000.00 euros, more than the largest amount", r.Fout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_uit, "facturen.json")));
    }

    [Fact]
    public void Point16_afrekenen_shows_the_contract_lines_in_the_total_to_invoice()
    {
        // Plafond €1,500.00 and an instroomgarantie of 10 aanmeldingen × €500.00. T-1 and T-2 (aanmelding and start in
        // January 2026) are due €2,000.00, €500.00 of it above the 2026 plafond; contract year 1 misses 10 − 2 = 8
        // aanmeldingen: 8 × €500.00 = €4,000.00, due 2027-01-01. To invoice: 2,000 − 500 + 4,000 = €5,500.00.
        var contract = _p.Schrijf("ig.json", JsonSchrijver.NaarInvoer(CliProces.Contract(instroomgarantie: new Instroomgarantie(10, Bedrag.Van(500m)), plafond: Bedrag.Van(1500m))));
        var t = _p.Schrijf("twee.jsonl", CliProces.JsonLines(new[]
        {
            CliProces.Traject("T-1", new Aanmelding("A", new LocalDate(2026, 1, 2)), new Start("S", new LocalDate(2026, 1, 5))),
            CliProces.Traject("T-2", new Aanmelding("A", new LocalDate(2026, 1, 10)), new Start("S", new LocalDate(2026, 1, 20))),
        }));

        var a = CliProces.Run("afrekenen", "--contract", contract, "--trajecten", t, "--peildatum", "2027-01-31");
        Assert.True(a.Code == 0, a.Fout);
        Assert.Contains("Totaal verschuldigd trajecten: € 2.000,00\n  waarvan boven plafond (niet te factureren): € 500,00\n"
            + "Contractregels (instroomgarantie, buiten plafond): € 4.000,00\nTotaal te factureren (trajecten binnen plafond + contractregels): € 5.500,00\n", a.Uit, StringComparison.Ordinal);

        // The invoice run on the same date invoices exactly that total.
        var f = CliProces.Run("factureren", "--contract", contract, "--trajecten", t, "--datum", "2027-01-31", "--uit", _uit);
        Assert.True(f.Code == 0, f.Fout);
        Assert.Equal(5500m, CliProces.LeesHistorie(Historie).Sum(x => x.TotaalExclusiefBtw.Euros));
    }
}
