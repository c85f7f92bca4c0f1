using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Rapportage;

namespace Bekostiging.Cli.Commando;

internal sealed class Factureren : ICommando
{
    public string Naam => "factureren";

    public string Omschrijving => "run an invoice (or a dry run) against the earlier invoices";

    public string Gebruik => """
        bekostiging factureren --contract <contract.json> --trajecten <trajecten.json|.jsonl> --datum <yyyy-MM-dd>
                               [--facturen <facturen.json>] [--uit <folder>] [--btw <percentage>] [--prefix <text>] [--dry-run]

          --datum     the run date: events reported (gemeld) after it are not yet known
          --facturen  every invoice issued before (a facturen document); none when omitted
          --uit       folder for the output (default: current folder): factuur-<nummer>.json and .csv,
                      and facturen.json = the history including the new invoice (not for a dry run)
          --btw       VAT percentage (default 0: exempt)
          --prefix    invoice numbers are <prefix>0001, <prefix>0002, … (default: <contract id>-)
          --dry-run   preview: writes concept.json and concept.csv, issues nothing
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string> { "--dry-run" };

    public int Voer(Argumenten args, TextWriter uit)
    {
        var contract = Invoer.Contract(args.Verplicht("--contract"));
        var trajectenPad = args.Verplicht("--trajecten");
        var datum = args.Datum("--datum");
        var facturenPad = args.Optie("--facturen");
        var eerdere = Invoer.Facturen(facturenPad);
        var map = args.Optie("--uit") ?? ".";
        var historie = Path.Combine(map, "facturen.json");
        if (facturenPad is null && File.Exists(historie))
        {
            // Never invoice everything again and overwrite an existing history by forgetting --facturen.
            throw new GebruiksFout($"{historie} exists: pass it as --facturen (the invoices issued before), or choose another --uit folder.");
        }

        var btw = args.Decimaal("--btw", 0m, 0m, 100m);
        var prefix = args.Optie("--prefix") ?? contract.Id + "-";
        var dryRun = args.Vlag("--dry-run");
        args.GeenOnbekende();

        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var instellingen = new Factuurinstellingen(btw == 0m ? Btw.Vrijgesteld : Btw.Tarief(btw), Factuurinstellingen.Reeks(prefix));
        var factuur = Program.MetTraject(trajectenPad, () => dryRun
            ? Facturatie.Preview(contract, trajecten, eerdere, datum, instellingen)
            : Facturatie.Run(contract, trajecten, eerdere, datum, instellingen));

        if (factuur.IsLeeg && !dryRun)
        {
            uit.WriteLine($"Geen verschillen per {datum:yyyy-MM-dd}: er is niets te factureren of te crediteren; geen factuur uitgegeven.");
            return 0;
        }

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

        uit.WriteLine($"{(dryRun ? "Concept" : "Factuur " + factuur.Nummer)} per {datum:yyyy-MM-dd}: {factuur.Regels.Count} regels, "
            + $"debet {factuur.TotaalDebet}, credit {factuur.TotaalCredit}, totaal {factuur.TotaalInclusiefBtw} (btw {factuur.Btw.Omschrijving}).");
        if (factuur.Ingehouden.Count > 0)
        {
            uit.WriteLine($"Boven plafond ingehouden: {factuur.Ingehouden.Aggregate(Bedrag.Nul, (s, i) => s + i.Bedrag)} in {factuur.Ingehouden.Count} regels.");
        }

        uit.WriteLine($"Geschreven: {Path.Combine(map, naam)}.json/.csv{(dryRun ? string.Empty : " en " + Path.Combine(map, "facturen.json"))}.");
        return 0;
    }
}
