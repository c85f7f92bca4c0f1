using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Rapportage;

namespace Bekostiging.Cli.Commando;

internal sealed class Overzicht : ICommando
{
    public string Naam => "overzicht";

    public string Omschrijving => "quarterly cost statement per client from the invoices";

    public string Gebruik => """
        bekostiging overzicht --facturen <facturen.json> --jaar <yyyy> --kwartaal <1-4>
                              [--formaat tabel|csv|json] [--getallen nl|invariant] [--uit <file>]

          lists per client (and contactpersoon gemeente) what was invoiced for each traject by the runs dated in the
          quarter, with totals (prestatie-indicator 10 of the Weststellingwerf startdocument)
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string>();

    public int Voer(Argumenten args, TextWriter uit)
    {
        var facturen = Invoer.Facturen(args.Verplicht("--facturen"));
        var jaar = args.Getal("--jaar", 0, 1900, 2999);
        var kwartaal = args.Getal("--kwartaal", 0, 1, 4);
        if (jaar == 0 || kwartaal == 0)
        {
            throw new GebruiksFout("--jaar and --kwartaal are required.");
        }

        var formaat = args.Optie("--formaat") ?? "tabel";
        var getallen = args.Optie("--getallen") ?? "nl";
        var pad = args.Optie("--uit");
        args.GeenOnbekende();
        if (formaat is not ("tabel" or "csv" or "json") || getallen is not ("nl" or "invariant"))
        {
            throw new GebruiksFout("--formaat is tabel, csv or json; --getallen is nl or invariant.");
        }

        var contractId = facturen.Count > 0 ? facturen[0].ContractId : "onbekend";
        var overzicht = Kwartaaloverzicht.Maak(contractId, jaar, kwartaal, facturen);
        var opties = getallen == "nl" ? CsvOpties.Nederlands : CsvOpties.Invariant;
        string tekst;
        if (formaat == "json")
        {
            tekst = JsonSchrijver.Naar(overzicht);
        }
        else if (formaat == "csv")
        {
            using var sw = new StringWriter();
            CsvExport.Kwartaaloverzicht(overzicht, sw, opties);
            tekst = sw.ToString();
        }
        else
        {
            using var sw = new StringWriter();
            sw.WriteLine($"Kwartaaloverzicht {contractId} {jaar} Q{kwartaal}");
            foreach (var c in overzicht.Clienten)
            {
                sw.WriteLine($"client {c.ClientId}{(c.ContactpersoonGemeente is null ? string.Empty : " (contactpersoon " + c.ContactpersoonGemeente + ")")}: {c.Totaal}");
                foreach (var t in c.Trajecten)
                {
                    sw.WriteLine($"  {t.TrajectId}: gefactureerd {t.Gefactureerd}, gecrediteerd {t.Gecrediteerd}, netto {t.Netto}");
                }
            }

            sw.WriteLine($"Totaal kwartaal: {overzicht.Totaal} ({overzicht.Clienten.Count} clienten)");
            tekst = sw.ToString();
        }

        if (pad is null)
        {
            uit.Write(tekst);
        }
        else
        {
            Uitvoer.Schrijf(pad, tekst);
            uit.WriteLine($"Kwartaaloverzicht {jaar} Q{kwartaal} ({overzicht.Clienten.Count} clienten, {overzicht.Totaal}) geschreven naar {pad}.");
        }

        return 0;
    }
}
