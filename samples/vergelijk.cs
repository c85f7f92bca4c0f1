#:package Bekostiging@0.1.0
#:package Bekostiging.Grafieken@0.1.0
// Compare bekostigingsmodellen for a tender — edit the cohort, the behaviour per profiel and the models below,
// then run:   dotnet run samples/vergelijk.cs -- [--iteraties 500] [--uit vergelijking]
// (After `dotnet pack` the packages come from artifacts/packages; see nuget.config.)
using Bekostiging;
using Bekostiging.Contracts;
using Bekostiging.Grafieken;
using Bekostiging.Scenarios;
using Bekostiging.Terms;
using NodaTime;

var iteraties = args.SkipWhile(a => a != "--iteraties").Skip(1).Select(int.Parse).FirstOrDefault(200);
var uit = args.SkipWhile(a => a != "--uit").Skip(1).FirstOrDefault() ?? "vergelijking";

// The contract: ingangsdatum, 2 + 1 + 1 years, indexation per contract year (domain.md §11, contract C).
var contract = new Raamovereenkomst("ABG-2026", ValueList.Of("Gemeente A", "Gemeente B", "Gemeente G"), "Aanbieder",
        new LocalDate(2026, 1, 1), Duur.Jaren(2), ValueList<Productafspraak>.Empty)
    .MetOpties(Duur.Jaren(1), Duur.Jaren(1))
    with { Indexatie = Indexatie.PerContractjaar((2, 4.96m), (3, 3.10m)) };

// Behaviour per cliëntprofiel (assumptions to discuss with the team): monthly chance of a plaatsing and its kind,
// of uitval, of a plaatsing ending; guidance hours per month; chance of climbing a rung.
var gedrag = ValueList.Of(
    new Gedrag(1, 0.20m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 36m, 0.7m), new Uitstroomkans(Uitstroomtype.RegulierWerk, 20m, 0.3m)), 0.02m, 0.04m, 2m, 0.05m),
    new Gedrag(2, 0.09m, ValueList.Of(new Uitstroomkans(Uitstroomtype.RegulierWerk, 32m, 0.4m), new Uitstroomkans(Uitstroomtype.RegulierWerk, 20m, 0.3m), new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 24m, 0.3m)), 0.03m, 0.06m, 3m, 0.08m),
    new Gedrag(3, 0.035m, ValueList.Of(new Uitstroomkans(Uitstroomtype.GesubsidieerdWerk, 24m, 0.6m), new Uitstroomkans(Uitstroomtype.BeschutWerk, 20m, 0.4m)), 0.04m, 0.08m, 4m, 0.10m),
    new Gedrag(4, 0.01m, ValueList.Of(new Uitstroomkans(Uitstroomtype.BeschutWerk, 16m, 1m)), 0.05m, 0.10m, 4m, 0.12m));

// The models to compare (seed 000: uurtarief today; trajectprijs plus resultaatbonus; starttarief with a bonus per uitstroomtype).
var resultaat = Resultaatdefinitie.Standaard.MetMinimumUren(12m);
var modellen = ValueList.Of(
    new TeVergelijkenModel("Uurtarief € 86", Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m), 40m), Duur.Maanden(12)),
    new TeVergelijkenModel("Trajectprijs + resultaatbonus", Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(1500m)).Plus(BijResultaat.Vast("bonus", resultaat, Bedrag.Van(1500m))), Duur.Maanden(12)),
    new TeVergelijkenModel("Starttarief + bonus per uitstroomtype", Bekostigingsmodellen.StarttariefPlusBonus(Bedrag.Van(750m), resultaat.MetMaximaleOnderbreking(14),
        new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)), new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)),
        new Bonusklasse(Uitstroomtype.GesubsidieerdWerk, 12m, null, Bedrag.Van(750m)), new Bonusklasse(Uitstroomtype.BeschutWerk, 12m, null, Bedrag.Van(750m))), Duur.Maanden(12)),
    new TeVergelijkenModel("No cure less pay (50 %)", Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, resultaat), Duur.Maanden(12)),
    new TeVergelijkenModel("UWV plaatsingsfee", Bekostigingsmodellen.UwvPlaatsingsfee(), Duur.Maanden(12)));

// Seed 004 (Weststellingwerf): 461 clients; budget € 200.000 a year for external trajecten.
var scenario = new Scenario("Weststellingwerf 461 clienten", contract, ValueList.Of(70, 130, 150, 111), gedrag, modellen,
    AanmeldingsperiodeMaanden: 24, HorizonMaanden: 48, BudgetPerJaar: Bedrag.Van(200000m), KostenPerUur: Bedrag.Van(62m),
    Iteraties: iteraties, Seed: 2019);

var vergelijking = Simulatie.Vergelijk(scenario);
Console.WriteLine(Vergelijkingstabel.NaarMarkdown(vergelijking));
Directory.CreateDirectory(uit);
File.WriteAllText(Path.Combine(uit, "vergelijking.csv"), Vergelijkingstabel.NaarCsv(vergelijking));
foreach (var bestand in Grafiekmaker.Schrijf(vergelijking, uit))
{
    Console.WriteLine($"grafiek: {bestand}");
}
