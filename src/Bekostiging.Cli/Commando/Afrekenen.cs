using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Afrekenen : ICommando
{
    public string Naam => "afrekenen";

    public string Omschrijving => "settle every traject of a contract on a peildatum";

    public string Gebruik => """
        bekostiging afrekenen --contract <contract.json> --trajecten <trajecten.json|.jsonl> --peildatum <yyyy-MM-dd>
                              [--formaat tabel|json] [--uit <file>]

          --contract   the raamovereenkomst (JSON, see docs/json.md)
          --trajecten  the trajecten with their events: a JSON document or JSON Lines (one traject per line)
          --peildatum  lines due on or before it are due; later ones are pending
          --formaat    tabel (default): a readable table; json: the full settlement with every line and reason
          --uit        write to this file instead of standard output (written only when complete)
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string>();

    public int Voer(Argumenten args, TextWriter uit)
    {
        var contractPad = args.Verplicht("--contract");
        var trajectenPad = args.Verplicht("--trajecten");
        var peildatum = args.Datum("--peildatum");
        var formaat = args.Optie("--formaat") ?? "tabel";
        var pad = args.Optie("--uit");
        args.GeenOnbekende();
        if (formaat is not ("tabel" or "json"))
        {
            throw new GebruiksFout($"--formaat {formaat}: use tabel or json.");
        }

        var contract = Invoer.Contract(contractPad);
        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var afrekening = Program.MetTraject(trajectenPad, () => contract.Settle(trajecten, peildatum));
        var tekst = formaat == "json" ? JsonSchrijver.Naar(afrekening) : Tabel(afrekening, trajecten);
        if (pad is null)
        {
            uit.Write(tekst);
        }
        else
        {
            Uitvoer.Schrijf(pad, tekst);
            uit.WriteLine($"Afrekening van {afrekening.Trajecten.Count} trajecten op {peildatum:yyyy-MM-dd} geschreven naar {pad}.");
        }

        return 0;
    }

    private static string Tabel(ContractAfrekening a, List<TrajectMetGebeurtenissen> trajecten)
    {
        var byId = trajecten.ToDictionary(t => t.Traject.Id, t => t.Traject);
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        sw.WriteLine($"Afrekening contract {a.ContractId} op {a.Peildatum:yyyy-MM-dd}");
        sw.WriteLine();
        sw.WriteLine($"{"traject",-12} {"client",-10} {"profiel",7} {"status",-13} {"verschuldigd",16} {"verwacht",16}");
        foreach (var t in a.Trajecten)
        {
            var tr = byId[t.TrajectId];
            sw.WriteLine($"{t.TrajectId,-12} {tr.ClientId,-10} {tr.Profiel,7} {t.Status.ToString().ToLowerInvariant(),-13} {t.TotaalVerschuldigd,16} {t.TotaalVerwacht,16}");
        }

        sw.WriteLine();
        foreach (var c in a.Contractregels)
        {
            sw.WriteLine($"{c.Sleutel}: {c.Bedrag} ({c.Omschrijving})");
        }

        sw.WriteLine($"Totaal verschuldigd trajecten: {a.TotaalVerschuldigd}");
        sw.WriteLine($"  waarvan boven plafond (niet te factureren): {a.TotaalBovenPlafond}");
        sw.WriteLine($"Contractregels (instroomgarantie, buiten plafond): {a.TotaalContractregels}");
        sw.WriteLine($"Totaal te factureren (trajecten binnen plafond + contractregels): {a.TotaalTeFactureren}");
        sw.WriteLine($"Totaal verwacht: {a.TotaalVerwacht}");
        sw.WriteLine();
        sw.WriteLine("Per kalenderjaar (vervaldatum):");
        foreach (var j in a.PerKalenderjaar)
        {
            sw.WriteLine($"  {j.Groep}: verschuldigd {j.Verschuldigd}, boven plafond {j.BovenPlafond}, verwacht {j.Verwacht}");
        }

        sw.WriteLine("Per profiel:");
        foreach (var p in a.PerProfiel)
        {
            sw.WriteLine($"  {p.Groep}: verschuldigd {p.Verschuldigd}, verwacht {p.Verwacht}");
        }

        return sw.ToString();
    }
}
