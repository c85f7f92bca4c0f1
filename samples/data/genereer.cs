#:project ../../src/Bekostiging.Json/Bekostiging.Json.csproj
#:property TreatWarningsAsErrors=false
// Writes the sample data of samples/data: an ABG-like contract (three municipalities, 2 + 1 + 1 years, starttarief
// plus bonus per uitstroomtype), a few hundred trajecten with events drawn by the scenario simulation, and a tender
// scenario after the Weststellingwerf startdocument (461 clients, budget € 200.000 a year). Re-run with
// `dotnet run samples/data/genereer.cs` from the repository root; the output is deterministic.
using Bekostiging;
using Bekostiging.Contracts;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;

var bonus = Bekostigingsmodellen.StarttariefPlusBonus(
    Bedrag.Van(750m),
    Resultaatdefinitie.Standaard.MetMinimumUren(12m).MetMaximaleOnderbreking(14),
    new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)),
    new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)),
    new Bonusklasse(Uitstroomtype.GesubsidieerdWerk, 12m, null, Bedrag.Van(750m)),
    new Bonusklasse(Uitstroomtype.BeschutWerk, 12m, null, Bedrag.Van(750m)));
var contract = new Raamovereenkomst("ABG-2026", ValueList.Of("Gemeente Alkmaar-Noord", "Gemeente Bergen-Zuid", "Gemeente Graft-Oost"), "Re-integratiebedrijf Voorbeeld B.V.",
        new LocalDate(2026, 1, 1), Duur.Jaren(2), ValueList.Of(
            new Productafspraak("re-integratie", null, bonus, Duur.Maanden(12)),
            new Productafspraak("re-integratie", 4, Bekostigingsmodellen.Arrangement(Bedrag.Van(425m)), Duur.Maanden(12))))
    .MetOpties(Duur.Jaren(1), Duur.Jaren(1))
    with
    {
        Indexatie = Indexatie.PerContractjaar((2, 4.96m), (3, 3.10m)),
        Plafond = Bedrag.Van(200000m),
    };

var gedrag = ValueList.Of(
    new Gedrag(1, 0.20m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 36m, 0.7m), new Uitstroomkans(Uitstroomtype.RegulierWerk, 20m, 0.3m)), 0.02m, 0.04m, 2m, 0.05m),
    new Gedrag(2, 0.09m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 0.4m), new Uitstroomkans(Uitstroomtype.RegulierWerk, 20m, 0.3m), new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 24m, 0.3m)), 0.03m, 0.06m, 3m, 0.08m),
    new Gedrag(3, 0.035m, ValueList.Of(new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 24m, 0.6m), new Uitstroomkans(Uitstroomtype.BeschutWerk, 20m, 0.4m)), 0.04m, 0.08m, 4m, 0.10m),
    new Gedrag(4, 0.01m, ValueList.Of(new Uitstroomkans(Uitstroomtype.BeschutWerk, 16m, 1m)), 0.05m, 0.10m, 4m, 0.12m));
var resultaat = Resultaatdefinitie.Standaard.MetMinimumUren(12m);
var modellen = ValueList.Of(
    new TeVergelijkenModel("Uurtarief € 86", Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m), 40m), Duur.Maanden(12)),
    new TeVergelijkenModel("Trajectprijs + resultaatbonus", Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1500m)).Plus(BijResultaat.Vast("bonus", resultaat, Bedrag.Van(1500m))), Duur.Maanden(12)),
    new TeVergelijkenModel("Starttarief + bonus per uitstroomtype", bonus, Duur.Maanden(12)),
    new TeVergelijkenModel("No cure less pay (50 %)", Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, resultaat), Duur.Maanden(12)),
    new TeVergelijkenModel("UWV plaatsingsfee", Bekostigingsmodellen.UwvPlaatsingsfee(), Duur.Maanden(12)));
var scenario = new Scenario("Weststellingwerf 461 clienten, ABG-modellen", contract with { Plafond = null, UitgeoefendeOpties = 0 }, ValueList.Of(70, 130, 150, 111), gedrag, modellen,
    AanmeldingsperiodeMaanden: 24, HorizonMaanden: 48, BudgetPerJaar: Bedrag.Van(200000m), KostenPerUur: Bedrag.Van(62m), Iteraties: 200, Seed: 2019);

var uit = Path.Combine("samples", "data");
File.WriteAllText(Path.Combine(uit, "contract.json"), JsonSchrijver.NaarInvoer(contract) + "\n");
File.WriteAllText(Path.Combine(uit, "scenario.json"), JsonSchrijver.NaarInvoer(scenario) + "\n");

// A few hundred trajecten: one iteration of a 300-client cohort, as the simulation draws them.
var cohort = scenario with { AantalPerProfiel = ValueList.Of(50, 90, 95, 65) };
var trajecten = Enumerable.Range(0, cohort.AantalClienten).Select(c =>
{
    var h = Simulatie.Historie(cohort, 0, c);
    return new TrajectInvoer(h.Traject.Id, h.Traject.ClientId, h.Traject.Profiel, "re-integratie", h.Gebeurtenissen.ToValueList(), c % 3 == 0 ? $"klantmanager-{(c % 7) + 1}" : null);
}).ToValueList();
File.WriteAllText(Path.Combine(uit, "trajecten.json"), JsonSchrijver.NaarInvoer(new TrajectenDocument(contract.Id, trajecten)) + "\n");
using (var jsonl = new StreamWriter(Path.Combine(uit, "trajecten.jsonl")))
{
    foreach (var t in trajecten)
    {
        jsonl.WriteLine(JsonSchrijver.NaarInvoer(t, ingesprongen: false));
    }
}

Console.WriteLine($"samples/data: contract, scenario ({scenario.AantalClienten} clienten), {trajecten.Count} trajecten with {trajecten.Sum(t => t.Gebeurtenissen.Count)} events.");

