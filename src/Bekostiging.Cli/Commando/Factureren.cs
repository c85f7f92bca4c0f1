using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Rapportage;

namespace Bekostiging.Cli.Commando;

internal sealed class Factureren : ICommando
{
    private readonly Option<string> _contract = Opties.Pad("--contract", "contract.json", "de raamovereenkomst; - is standaardinvoer", verplicht: true);
    private readonly Option<string> _trajecten = Opties.Pad("--trajecten", "trajecten.json|.jsonl", "de trajecten met hun gebeurtenissen; - is standaardinvoer", verplicht: true);
    private readonly Option<NodaTime.LocalDate?> _datum = Opties.Datum("--datum", "de rundatum: gebeurtenissen die daarna zijn gemeld, zijn nog niet bekend", verplicht: true);
    private readonly Option<string> _facturen = Opties.Pad("--facturen", "facturen.json", "elke eerder uitgegeven factuur (een facturendocument); geen als u haar weglaat; - is standaardinvoer");
    private readonly Option<string> _uit = Opties.Pad("--uit", "map", "map voor de uitvoer (standaard: de huidige map): factuur-<nummer>.json en .csv, en facturen.json = de historie met de nieuwe factuur (niet bij --dry-run)");
    private readonly Option<decimal?> _btw = Opties.Decimaal("--btw", "percentage", "btw-percentage (standaard 0: vrijgesteld)", 0m, 100m);
    private readonly Option<string> _prefix = Opties.Tekst("--prefix", "tekst", "factuurnummers zijn <prefix>0001, <prefix>0002, … (standaard: <contract-id>-)");
    private readonly Option<bool> _dryRun = Opties.Vlag("--dry-run", "proefrun: schrijft concept.json en concept.csv, geeft niets uit");

    public string Naam => "factureren";

    public string Omschrijving => "een factuur (of een proefrun) maken tegen de eerdere facturen";

    public string? Toelichting => null;

    public void Definieer(Command command)
    {
        command.Add(_contract);
        command.Add(_trajecten);
        command.Add(_datum);
        command.Add(_facturen);
        command.Add(_uit);
        command.Add(_btw);
        command.Add(_prefix);
        command.Add(_dryRun);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var map = p.GetValue(_uit) ?? ".";
        if (map == Uitvoer.Standaarduitvoer)
        {
            throw new GebruiksFout("--uit is een map (factureren schrijft meer bestanden); - voor standaarduitvoer kan hier niet.");
        }

        var contract = Invoer.Contract(p.GetRequiredValue(_contract));
        var trajectenPad = p.GetRequiredValue(_trajecten);
        var datum = p.Waarde(_datum);
        var facturenPad = p.GetValue(_facturen);
        var eerdere = Invoer.Facturen(facturenPad);
        var historie = Path.Combine(map, "facturen.json");
        if (facturenPad is null && File.Exists(historie))
        {
            // Never invoice everything again and overwrite an existing history by forgetting --facturen.
            throw new GebruiksFout($"{historie} bestaat: geef het als --facturen (de eerder uitgegeven facturen), of kies een andere map met --uit.");
        }

        var btw = p.GetValue(_btw) ?? 0m;
        var prefix = p.GetValue(_prefix) ?? contract.Id + "-";
        var dryRun = p.GetValue(_dryRun);

        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var instellingen = new Factuurinstellingen(btw == 0m ? Btw.Vrijgesteld : Btw.Tarief(btw), Factuurinstellingen.Reeks(prefix));
        var factuur = Program.MetTraject(trajectenPad, () => dryRun
            ? Facturatie.Preview(contract, trajecten, eerdere, datum, instellingen, annulering)
            : Facturatie.Run(contract, trajecten, eerdere, datum, instellingen, annulering));

        if (factuur.IsLeeg && !dryRun)
        {
            t.Uit.WriteLine($"Geen verschillen per {datum:yyyy-MM-dd}: er is niets te factureren of te crediteren; geen factuur uitgegeven.");
            return 0;
        }

        // The last moment to cancel: the invoice, its CSV and the history are written together, or not at all.
        annulering.ThrowIfCancellationRequested();
        var naam = dryRun ? "concept" : "factuur-" + factuur.Nummer;
        // Every target is checked before the first is written: inside --uit, and a regular file if it exists.
        Uitvoer.ControleerMap(map);
        var doelJson = Uitvoer.Binnen(map, naam + ".json");
        var doelCsv = Uitvoer.Binnen(map, naam + ".csv");
        var doelHistorie = Uitvoer.Binnen(map, "facturen.json");
        foreach (var doel in dryRun ? new[] { doelJson, doelCsv } : new[] { doelJson, doelCsv, doelHistorie })
        {
            Uitvoer.ControleerDoel(doel);
        }

        Uitvoer.Schrijf(doelJson, JsonSchrijver.Naar(factuur));
        Uitvoer.Schrijf(doelCsv, w => CsvExport.Facturen(new[] { factuur }, w));
        if (!dryRun)
        {
            Uitvoer.Schrijf(doelHistorie, JsonSchrijver.NaarInvoer(new FacturenDocument(eerdere.Append(factuur).ToValueList())));
        }

        t.Uit.WriteLine($"{(dryRun ? "Concept" : "Factuur " + factuur.Nummer)} per {datum:yyyy-MM-dd}: {factuur.Regels.Count} regels, "
            + $"debet {factuur.TotaalDebet}, credit {factuur.TotaalCredit}, totaal {factuur.TotaalInclusiefBtw} (btw {factuur.Btw.Omschrijving}).");
        if (factuur.Ingehouden.Count > 0)
        {
            t.Uit.WriteLine($"Boven plafond ingehouden: {factuur.Ingehouden.Aggregate(Bedrag.Nul, (s, i) => s + i.Bedrag)} in {factuur.Ingehouden.Count} regels.");
        }

        t.Uit.WriteLine($"Geschreven: {Path.Combine(map, naam)}.json/.csv{(dryRun ? string.Empty : " en " + Path.Combine(map, "facturen.json"))}.");
        return 0;
    }
}
