using System.CommandLine;
using System.IO;
using System.Threading;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Rapportage;

namespace Bekostiging.Cli.Commando;

internal sealed class Overzicht : ICommando
{
    private readonly Option<string> _facturen = Opties.Pad("--facturen", "facturen.json", "de uitgegeven facturen (facturen.json van factureren); - is standaardinvoer", verplicht: true);
    private readonly Option<int?> _jaar = Opties.Getal("--jaar", "jjjj", "het jaar", 1900, 2999, verplicht: true);
    private readonly Option<int?> _kwartaal = Opties.Getal("--kwartaal", "1-4", "het kwartaal", 1, 4, verplicht: true);
    private readonly Option<string> _formaat = Opties.Keuze("--formaat", "tabel (standaard), csv of json", "tabel", "tabel", "csv", "json");
    private readonly Option<string> _getallen = Opties.Keuze("--getallen", "getallen in csv: nl (1.234,56 en ;) of invariant (1234.56 en ,)", "nl", "nl", "invariant");
    private readonly Option<string> _uit = Opties.Pad("--uit", "bestand", "schrijf naar dit bestand in plaats van standaarduitvoer; - is standaarduitvoer");

    public string Naam => "overzicht";

    public string Omschrijving => "kwartaaloverzicht van de kosten per cliënt uit de facturen";

    public string? Toelichting => "Geeft per cliënt (en contactpersoon gemeente) wat voor elk traject is gefactureerd door de runs met een datum in het kwartaal, met totalen (prestatie-indicator 10 van het startdocument Weststellingwerf).";

    public void Definieer(Command command)
    {
        command.Add(_facturen);
        command.Add(_jaar);
        command.Add(_kwartaal);
        command.Add(_formaat);
        command.Add(_getallen);
        command.Add(_uit);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var facturen = Invoer.Facturen(p.GetRequiredValue(_facturen));
        var jaar = p.Waarde(_jaar);
        var kwartaal = p.Waarde(_kwartaal);
        var formaat = p.GetValue(_formaat);
        var pad = p.GetValue(_uit);

        var contractId = facturen.Count > 0 ? facturen[0].ContractId : "onbekend";
        var overzicht = Kwartaaloverzicht.Maak(contractId, jaar, kwartaal, facturen);
        var opties = p.GetValue(_getallen) == "nl" ? CsvOpties.Nederlands : CsvOpties.Invariant;
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
                sw.WriteLine($"cliënt {c.ClientId}{(c.ContactpersoonGemeente is null ? string.Empty : " (contactpersoon " + c.ContactpersoonGemeente + ")")}: {c.Totaal}");
                foreach (var tr in c.Trajecten)
                {
                    sw.WriteLine($"  {tr.TrajectId}: gefactureerd {tr.Gefactureerd}, gecrediteerd {tr.Gecrediteerd}, netto {tr.Netto}");
                }
            }

            sw.WriteLine($"Totaal kwartaal: {overzicht.Totaal} ({overzicht.Clienten.Count} cliënten)");
            tekst = sw.ToString();
        }

        annulering.ThrowIfCancellationRequested();
        if (!Uitvoer.IsBestand(pad))
        {
            t.Uit.Write(tekst);
        }
        else
        {
            Uitvoer.Schrijf(pad!, tekst);
            t.Uit.WriteLine($"Kwartaaloverzicht {jaar} Q{kwartaal} ({overzicht.Clienten.Count} cliënten, {overzicht.Totaal}) geschreven naar {pad}.");
        }

        return 0;
    }
}
