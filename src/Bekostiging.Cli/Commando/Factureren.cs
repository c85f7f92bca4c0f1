using System;
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
                               [--facturen <facturen.json>] [--uit <folder>] [--btw <percentage>] [--prefix <text>]
                               [--ontbrekende-trajecten weigeren|crediteren] [--dry-run]

          --datum     the run date: events reported (gemeld) after it are not yet known
          --facturen  every invoice issued before (a facturen document); none when omitted
          --uit       folder for the output (default: current folder): factuur-<nummer>.json and .csv,
                      and facturen.json = the history including the new invoice (not for a dry run)
          --btw       VAT percentage (default 0: exempt)
          --prefix    invoice numbers are <prefix>0001, <prefix>0002, … (default: <contract id>-)
          --ontbrekende-trajecten
                      a traject invoiced before and missing from --trajecten stops the run (weigeren, the
                      default); crediteren states that they really ended and credits them
          --dry-run   preview: writes concept.json and concept.csv, issues nothing

          A real run holds the lock <uit>/.facturen.json.lock for its whole duration; a second run on the same
          folder is refused. It refuses a --facturen that lacks invoices <uit>/facturen.json holds.
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string> { "--dry-run" };

    public int Voer(Argumenten args, TextWriter uit)
    {
        var contract = Invoer.Contract(args.Verplicht("--contract"));
        var trajectenPad = args.Verplicht("--trajecten");
        var datum = args.Datum("--datum");
        var facturenPad = args.Optie("--facturen");
        var map = args.Optie("--uit") ?? ".";
        var historie = Path.Combine(map, "facturen.json");
        var btw = args.Decimaal("--btw", 0m, 0m, 100m);
        var prefix = args.Optie("--prefix") ?? contract.Id + "-";
        var ontbrekend = OntbrekendOptie(args);
        var dryRun = args.Vlag("--dry-run");
        args.GeenOnbekende();

        // A real run changes the history: it holds the lock from before reading it until the new one is in place.
        using var slot = dryRun ? null : Historieslot.Neem(map);
        if (slot is not null)
        {
            var opgeruimd = Historiebestand.RuimOp(map);
            if (opgeruimd.Count > 0)
            {
                uit.WriteLine($"Opgeruimd: {opgeruimd.Count} achtergebleven tijdelijke bestanden van een afgebroken run in {map} ({string.Join(", ", opgeruimd)}).");
            }
        }

        if (facturenPad is null && File.Exists(historie))
        {
            // Never invoice everything again and overwrite an existing history by forgetting --facturen.
            throw new GebruiksFout($"{historie} exists: pass it as --facturen (the invoices issued before), or choose another --uit folder.");
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
                throw new JsonInvoerException(facturenPad!, null, null,
                    $"this history lacks {verloren.Count} invoices that {historie} holds: {Historiebestand.Beschrijf(verloren, eerdere)}. "
                    + $"Replacing {historie} would lose them and reissue their numbers; pass --facturen {historie} (the newer history), or choose another --uit folder.",
                    code: FoutCode.OngeldigeFactuurhistorie);
            }
        }

        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var instellingen = new Factuurinstellingen(btw == 0m ? Btw.Vrijgesteld : Btw.Tarief(btw), Factuurinstellingen.Reeks(prefix)) { OntbrekendeTrajecten = ontbrekend };
        var factuur = Program.MetTraject(trajectenPad, () => dryRun
            ? Facturatie.Preview(contract, trajecten, eerdere, datum, instellingen)
            : Facturatie.Run(contract, trajecten, eerdere, datum, instellingen));

        if (factuur.IsLeeg && !dryRun)
        {
            uit.WriteLine($"Geen verschillen per {datum:yyyy-MM-dd}: er is niets te factureren of te crediteren; geen factuur uitgegeven.");
            return 0;
        }

        void NogDezelfde()
        {
            // The lock keeps other runs of this tool out; this catches anything else that replaced the history meanwhile.
            if (!Historiebestand.Gelijk(Historiebestand.Hash(historie), opSchijf))
            {
                throw new IOException($"{historie} changed on disk while this run was computing (another program wrote it); nothing of this run was written to the history. Run again.");
            }
        }

        var naam = dryRun ? "concept" : "factuur-" + factuur.Nummer;
        if (!dryRun)
        {
            NogDezelfde();
        }

        Uitvoer.Schrijf(Path.Combine(map, naam + ".json"), JsonSchrijver.Naar(factuur));
        Uitvoer.Schrijf(Path.Combine(map, naam + ".csv"), w => CsvExport.Facturen(new[] { factuur }, w));
        if (!dryRun)
        {
            NogDezelfde();
            Uitvoer.SchrijfStroom(historie, s => JsonSchrijver.Facturen(s, eerdere.Append(factuur)));
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

    /// <summary>The --ontbrekende-trajecten option: weigeren (default) or crediteren.</summary>
    internal static OntbrekendeTrajecten OntbrekendOptie(Argumenten args) => args.Optie("--ontbrekende-trajecten") switch
    {
        null or "weigeren" => OntbrekendeTrajecten.Weigeren,
        "crediteren" => OntbrekendeTrajecten.Crediteren,
        var x => throw new GebruiksFout($"--ontbrekende-trajecten {x}: weigeren (the default) or crediteren."),
    };
}
