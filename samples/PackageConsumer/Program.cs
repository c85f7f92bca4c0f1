// A consumer of the packed Bekostiging packages: proves on every CI run that they restore, load, settle,
// invoice and export for a project that knows nothing of this repository. It runs monthly invoice runs for a
// small starttarief-plus-bonus contract and writes the quarterly statement per client as CSV.
using Bekostiging;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Rapportage;
using Bekostiging.Terms;
using NodaTime;
using System.Text.Json.Nodes;

var model = Bekostigingsmodellen.StarttariefPlusBonus(
    Bedrag.Van(750m),
    Resultaatdefinitie.Standaard,
    new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)),
    new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)));
var contract = new Raamovereenkomst("ABG-2026", ValueList.Of("Gemeente A", "Gemeente B", "Gemeente G"), "Aanbieder X",
        new LocalDate(2026, 1, 1), Duur.Jaren(2), ValueList.Of(new Productafspraak("re-integratie", null, model, Duur.Maanden(12))))
    .MetOpties(Duur.Jaren(1), Duur.Jaren(1));

var trajecten = new[]
{
    new TrajectMetGebeurtenissen(contract.NieuwTraject("T-1", "C-0001", 2, "re-integratie").MetContactpersoon("klantmanager-1"), new Gebeurtenis[]
    {
        new Aanmelding("A", new LocalDate(2026, 1, 5)), new Start("S", new LocalDate(2026, 1, 12)),
        new Plaatsing("P", new LocalDate(2026, 4, 1), Uitstroomtype.RegulierWerk, 36m),
    }),
    new TrajectMetGebeurtenissen(contract.NieuwTraject("T-2", "C-0002", 3, "re-integratie"), new Gebeurtenis[]
    {
        new Aanmelding("A", new LocalDate(2026, 2, 2)), new Start("S", new LocalDate(2026, 2, 9)),
        new Uitval("X", new LocalDate(2026, 6, 30), "verhuisd"),
    }),
};

var facturen = new List<Factuur>();
var instellingen = new Factuurinstellingen(Btw.Vrijgesteld, Factuurinstellingen.Reeks("ABG-2026-"));
for (var t = new LocalDate(2026, 1, 31); t <= new LocalDate(2026, 12, 31); t = t.PlusDays(1).PlusMonths(1).PlusDays(-1))
{
    var factuur = Facturatie.Run(contract, trajecten, facturen, t, instellingen);
    if (!factuur.IsLeeg)
    {
        facturen.Add(factuur);
        Console.WriteLine($"{factuur.Nummer} {factuur.Factuurdatum:yyyy-MM-dd}: {factuur.TotaalExclusiefBtw}");
    }
}

var kwartaal = Kwartaaloverzicht.Maak(contract.Id, 2026, 4, facturen);
var pad = Path.Combine(AppContext.BaseDirectory, "kwartaaloverzicht-2026-Q4.csv");
using (var writer = new StreamWriter(pad))
{
    CsvExport.Kwartaaloverzicht(kwartaal, writer);
}

Console.WriteLine($"Kwartaaloverzicht 2026 Q4 ({kwartaal.Totaal}) written to {pad}:");
Console.Write(File.ReadAllText(pad));

// The JSON reader of the framework the consumer targets (System.Text.Json 8 on net8.0) is as strict as on net10.0:
// the sample contract reads; a field given twice, a missing required field and a null where none is allowed are refused.
var contractJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contract.json"));
var gelezen = JsonLezer.Contract(contractJson);
Console.WriteLine($"contract.json read on {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} (built for {AppContext.TargetFrameworkName}): {gelezen.Id}, {gelezen.Producten.Count} product(s)");
var zonder = JsonNode.Parse(contractJson)!.AsObject();
zonder.Remove("opdrachtnemer");
var metNull = JsonNode.Parse(contractJson)!.AsObject();
metNull["opdrachtnemer"] = null;
var fout = new (string Wat, string Json)[]
{
    ("a field given twice", "{\"id\": \"X\", " + contractJson.TrimStart().Substring(1)),
    ("a missing required field", zonder.ToJsonString()),
    ("null where none is allowed", metNull.ToJsonString()),
};
foreach (var (wat, json) in fout)
{
    try
    {
        JsonLezer.Contract(json);
        Console.Error.WriteLine($"contract.json with {wat} was accepted.");
        return 1;
    }
    catch (JsonInvoerException e)
    {
        Console.WriteLine($"refused, {wat}: {e.Message}");
    }
}

// Expected by hand: T-1 starttarief €750 (January) + bonus €2,000 due 2026-10-01 (October run); T-2 starttarief €750 (February).
var totaal = facturen.Aggregate(Bedrag.Nul, (s, f) => s + f.TotaalExclusiefBtw);
if (totaal != Bedrag.Van(3500m) || kwartaal.Totaal != Bedrag.Van(2000m))
{
    Console.Error.WriteLine($"Unexpected totals: {totaal}, Q4 {kwartaal.Totaal}.");
    return 1;
}

return 0;
