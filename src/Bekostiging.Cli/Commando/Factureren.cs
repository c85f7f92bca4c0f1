using System;
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
    private readonly Option<string> _ontbrekend = OntbrekendOptie();

    public string Naam => "factureren";

    public string Omschrijving => "een factuur (of een proefrun) maken tegen de eerdere facturen";

    public string? Toelichting => "Een echte run houdt het slot <uit>/.facturen.json.lock vast zolang hij loopt; een tweede run op dezelfde map wordt geweigerd. Een --facturen die facturen mist die <uit>/facturen.json heeft, wordt geweigerd. Zie docs/facturatie.md, \"Wat een run weigert\".";

    /// <summary>--ontbrekende-trajecten: what a run does with trajecten invoiced before and missing from its input.</summary>
    internal static Option<string> OntbrekendOptie() => Opties.Keuze(
        "--ontbrekende-trajecten",
        "weigeren (standaard): een traject dat eerder is gefactureerd en in --trajecten ontbreekt, stopt de run; crediteren: zij zijn echt beëindigd en worden gecrediteerd",
        "weigeren",
        "weigeren",
        "crediteren");

    internal static OntbrekendeTrajecten Ontbrekend(string? waarde) => waarde == "crediteren" ? OntbrekendeTrajecten.Crediteren : OntbrekendeTrajecten.Weigeren;

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
        command.Add(_ontbrekend);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var map = p.GetValue(_uit) ?? ".";
        if (map == Uitvoer.Standaarduitvoer)
        {
            throw new GebruiksFout("--uit is een map (factureren schrijft meer bestanden); - voor standaarduitvoer kan hier niet.");
        }

        var contract = Invoer.Contract(p.GetRequiredValue(_contract));
        Invoer.Waarschuw(contract, t);
        var trajectenPad = p.GetRequiredValue(_trajecten);
        var datum = p.Waarde(_datum);
        var facturenPad = p.GetValue(_facturen);
        var historie = Path.Combine(map, "facturen.json");
        var btw = p.GetValue(_btw) ?? 0m;
        var prefix = p.GetValue(_prefix) ?? contract.Id + "-";
        var dryRun = p.GetValue(_dryRun);
        var ontbrekend = Ontbrekend(p.GetValue(_ontbrekend));

        // The inputs are read and checked first, so a run refused for its input creates nothing (not even --uit or its lock).
        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var instellingen = new Factuurinstellingen(btw == 0m ? Btw.Vrijgesteld : Btw.Tarief(btw), Factuurinstellingen.Reeks(prefix)) { OntbrekendeTrajecten = ontbrekend };

        Uitvoer.ControleerMap(map);

        // A real run changes the history: it holds the lock from before reading it until the new one is in place.
        using var slot = dryRun ? null : Historieslot.Neem(map);
        if (slot is not null)
        {
            var opgeruimd = Historiebestand.RuimOp(map);
            if (opgeruimd.Count > 0)
            {
                t.Uit.WriteLine($"Opgeruimd: {opgeruimd.Count} achtergebleven tijdelijke bestanden van een afgebroken run in {map} ({string.Join(", ", opgeruimd)}).");
            }
        }

        if (facturenPad is null && File.Exists(historie))
        {
            // Never invoice everything again and overwrite an existing history by forgetting --facturen.
            throw new GebruiksFout($"{historie} bestaat: geef het als --facturen (de eerder uitgegeven facturen), of kies een andere map met --uit.");
        }

        var (eerdere, gelezenHash) = facturenPad is null ? (Array.Empty<Factuur>(), null) : Historiebestand.Lees(facturenPad, contract.Id);
        var opSchijf = Historiebestand.Hash(historie);
        if (opSchijf is not null && !Historiebestand.Gelijk(opSchijf, gelezenHash))
        {
            // --facturen is another file than the history it would replace: it must hold every invoice that one holds.
            var (opgeslagen, _) = Historiebestand.Lees(historie, contract.Id);
            var verloren = Historiecontrole.Verloren(eerdere, opgeslagen);
            if (verloren.Count > 0)
            {
                throw new JsonInvoerException(Invoer.Naam(facturenPad!), null, null,
                    $"deze historie mist {verloren.Count} facturen die {historie} wel heeft: {Historiebestand.Beschrijf(verloren, eerdere)}. "
                    + $"{historie} vervangen zou ze verliezen en hun nummers opnieuw uitgeven; geef --facturen {historie} (de nieuwere historie), of kies een andere map met --uit.",
                    code: FoutCode.OngeldigeFactuurhistorie);
            }
        }

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
        void NogDezelfde()
        {
            // The lock keeps other runs of this tool out; this catches anything else that replaced the history meanwhile.
            if (!Historiebestand.Gelijk(Historiebestand.Hash(historie), opSchijf))
            {
                throw new IOException($"{historie} is op schijf veranderd terwijl deze run rekende (een ander programma schreef het); niets van deze run is geschreven. Start de run opnieuw.");
            }
        }

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

        if (!dryRun)
        {
            NogDezelfde();
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
            NogDezelfde();
            Uitvoer.SchrijfStroom(doelHistorie, s => JsonSchrijver.Facturen(s, eerdere.Concat(documenten)));
            geschreven.Add(Path.Combine(map, "facturen.json"));
        }

        t.Uit.WriteLine($"Geschreven: {string.Join(", ", geschreven)}.");
        return 0;
    }
}
