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
    private readonly Option<string> _uit = Opties.Pad("--uit", "map", "map voor de uitvoer (standaard: de huidige map): factuur-<nummer>.json en .csv, en facturen.json = de historie met de nieuwe factuur (niet bij --dry-run)");
    private readonly Option<decimal?> _btw = Opties.Decimaal("--btw", "percentage", "btw-percentage (standaard 0: vrijgesteld)", 0m, 100m);
    private readonly Option<string> _prefix = Opties.Tekst("--prefix", "tekst", "factuurnummers zijn <prefix>0001, <prefix>0002, … (standaard: <contract-id>-)");
    private readonly Option<bool> _dryRun = Opties.Vlag("--dry-run", "proefrun: schrijft concept.json en concept.csv, geeft niets uit");
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
        void NogDezelfde()
        {
            // The lock keeps other runs of this tool out; this catches anything else that replaced the history meanwhile.
            if (!Historiebestand.Gelijk(Historiebestand.Hash(historie), opSchijf))
            {
                throw new IOException($"{historie} is op schijf veranderd terwijl deze run rekende (een ander programma schreef het); niets van deze run is geschreven. Start de run opnieuw.");
            }
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

        if (!dryRun)
        {
            NogDezelfde();
        }

        Uitvoer.Schrijf(doelJson, JsonSchrijver.Naar(factuur));
        Uitvoer.Schrijf(doelCsv, w => CsvExport.Facturen(new[] { factuur }, w));
        if (!dryRun)
        {
            NogDezelfde();
            Uitvoer.SchrijfStroom(doelHistorie, s => JsonSchrijver.Facturen(s, eerdere.Append(factuur)));
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
