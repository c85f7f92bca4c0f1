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
          --uit       folder for the output (default: current folder): factuur-<nummer>.json and .csv, a
                      creditnota-<nummer>.json and .csv per corrected invoice, and facturen.json = the history
                      including the new documents (not for a dry run)
          --btw       VAT percentage (default 0: exempt)
          --prefix    invoice numbers are <prefix>0001, <prefix>0002, … (default: <contract id>-)
          --dry-run   preview: writes concept.json/.csv (and concept-2… for creditnota's), issues nothing
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
        // A lowered amount is credited on a creditnota of its own (next number of the series, naming the invoice it
        // corrects), never netted into the factuur: the run gives zero or more documents.
        var documenten = Program.MetTraject(trajectenPad, () => dryRun
            ? Facturatie.PreviewDocumenten(contract, trajecten, eerdere, datum, instellingen)
            : Facturatie.Documenten(contract, trajecten, eerdere, datum, instellingen));

        if (documenten.Count == 0)
        {
            uit.WriteLine($"Geen verschillen per {datum:yyyy-MM-dd}: er is niets te factureren of te crediteren; {(dryRun ? "geen concept geschreven" : "geen factuur uitgegeven")}.");
            return 0;
        }

        var geschreven = new List<string>();
        foreach (var document in documenten)
        {
            var naam = dryRun ? document.Nummer.ToLowerInvariant()
                : (document.Soort == Documentsoort.Creditnota ? "creditnota-" : "factuur-") + document.Nummer;
            Uitvoer.Schrijf(Path.Combine(map, naam + ".json"), JsonSchrijver.Naar(document));
            Uitvoer.Schrijf(Path.Combine(map, naam + ".csv"), w => CsvExport.Facturen(new[] { document }, w));
            geschreven.Add(Path.Combine(map, naam) + ".json/.csv");
            var wat = document.Soort == Documentsoort.Creditnota ? "Creditnota" : "Factuur";
            var kop = dryRun ? $"Concept ({wat.ToLowerInvariant()})" : $"{wat} {document.Nummer}";
            var correctie = document.Corrigeert is null ? string.Empty : $" corrigeert factuur {document.Corrigeert};";
            uit.WriteLine($"{kop} per {datum:yyyy-MM-dd}:{correctie} {document.Regels.Count} {(document.Regels.Count == 1 ? "regel" : "regels")}, "
                + $"debet {document.TotaalDebet}, credit {document.TotaalCredit}, totaal {document.TotaalInclusiefBtw} (btw {document.Btw.Omschrijving}).");
            if (document.Ingehouden.Count > 0)
            {
                uit.WriteLine($"Boven plafond ingehouden: {document.Ingehouden.Aggregate(Bedrag.Nul, (s, i) => s + i.Bedrag)} in {document.Ingehouden.Count} regels.");
            }
        }

        if (!dryRun)
        {
            Uitvoer.Schrijf(historie, JsonSchrijver.NaarInvoer(new FacturenDocument(eerdere.Concat(documenten).ToValueList())));
            geschreven.Add(historie);
        }

        uit.WriteLine($"Geschreven: {string.Join(", ", geschreven)}.");
        return 0;
    }
}
