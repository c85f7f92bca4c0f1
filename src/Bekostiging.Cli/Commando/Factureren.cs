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
    private readonly Option<string> _uit = Opties.Pad("--uit", "map", "map voor de uitvoer (standaard: de huidige map): factuur-<nummer>.json en .csv, een creditnota-<nummer>.json en .csv per gecorrigeerde factuur, en facturen.json = de historie met de nieuwe documenten (niet bij --dry-run)");
    private readonly Option<decimal?> _btw = Opties.Decimaal("--btw", "percentage", "btw-percentage (standaard 0: vrijgesteld)", 0m, 100m);
    private readonly Option<string> _prefix = Opties.Tekst("--prefix", "tekst", "factuurnummers zijn <prefix>0001, <prefix>0002, … (standaard: <contract-id>-)");
    private readonly Option<bool> _dryRun = Opties.Vlag("--dry-run", "proefrun: schrijft concept.json en concept.csv (en concept-2… voor creditnota's), geeft niets uit");

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
        // A lowered amount is credited on a creditnota of its own (next number of the series, naming the invoice it
        // corrects), never netted into the factuur: the run gives zero or more documents.
        var documenten = Program.MetTraject(trajectenPad, () => dryRun
            ? Facturatie.PreviewDocumenten(contract, trajecten, eerdere, datum, instellingen, annulering)
            : Facturatie.Documenten(contract, trajecten, eerdere, datum, instellingen, annulering));

        if (documenten.Count == 0)
        {
            t.Uit.WriteLine($"Geen verschillen per {datum:yyyy-MM-dd}: er is niets te factureren of te crediteren; {(dryRun ? "geen concept geschreven" : "geen factuur uitgegeven")}.");
            return 0;
        }

        // The last moment to cancel: the documents, their CSV and the history are written together, or not at all.
        annulering.ThrowIfCancellationRequested();
        // Every target is checked before the first is written: inside --uit, and a regular file if it exists.
        Uitvoer.ControleerMap(map);
        var namen = documenten.Select(document => dryRun ? document.Nummer.ToLowerInvariant()
            : (document.Soort == Documentsoort.Creditnota ? "creditnota-" : "factuur-") + document.Nummer).ToList();
        var doelHistorie = Uitvoer.Binnen(map, "facturen.json");
        var doelen = namen.SelectMany(naam => new[] { Uitvoer.Binnen(map, naam + ".json"), Uitvoer.Binnen(map, naam + ".csv") }).ToList();
        foreach (var doel in dryRun ? doelen : doelen.Append(doelHistorie))
        {
            Uitvoer.ControleerDoel(doel);
        }

        var geschreven = new System.Collections.Generic.List<string>();
        for (var i = 0; i < documenten.Count; i++)
        {
            var document = documenten[i];
            Uitvoer.Schrijf(doelen[2 * i], JsonSchrijver.Naar(document));
            Uitvoer.Schrijf(doelen[(2 * i) + 1], w => CsvExport.Facturen(new[] { document }, w));
            geschreven.Add(Path.Combine(map, namen[i]) + ".json/.csv");
            var wat = document.Soort == Documentsoort.Creditnota ? "Creditnota" : "Factuur";
            var kop = dryRun ? $"Concept ({wat.ToLowerInvariant()})" : $"{wat} {document.Nummer}";
            var correctie = document.Corrigeert is null ? string.Empty : $" corrigeert factuur {document.Corrigeert};";
            t.Uit.WriteLine($"{kop} per {datum:yyyy-MM-dd}:{correctie} {document.Regels.Count} {(document.Regels.Count == 1 ? "regel" : "regels")}, "
                + $"debet {document.TotaalDebet}, credit {document.TotaalCredit}, totaal {document.TotaalInclusiefBtw} (btw {document.Btw.Omschrijving}).");
            if (document.Ingehouden.Count > 0)
            {
                t.Uit.WriteLine($"Boven plafond ingehouden: {document.Ingehouden.Aggregate(Bedrag.Nul, (som, x) => som + x.Bedrag)} in {document.Ingehouden.Count} regels.");
            }
        }

        if (!dryRun)
        {
            Uitvoer.Schrijf(doelHistorie, JsonSchrijver.NaarInvoer(new FacturenDocument(eerdere.Concat(documenten).ToValueList())));
            geschreven.Add(Path.Combine(map, "facturen.json"));
        }

        t.Uit.WriteLine($"Geschreven: {string.Join(", ", geschreven)}.");
        return 0;
    }
}
