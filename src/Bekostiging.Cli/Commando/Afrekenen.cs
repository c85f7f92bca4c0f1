using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Contracts;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Afrekenen : ICommando
{
    private readonly Option<string> _contract = Opties.Pad("--contract", "contract.json", "de raamovereenkomst (JSON, zie docs/json.md); - is standaardinvoer", verplicht: true);
    private readonly Option<string> _trajecten = Opties.Pad("--trajecten", "trajecten.json|.jsonl", "de trajecten met hun gebeurtenissen: een JSON-document of JSON Lines (één traject per regel); - is standaardinvoer", verplicht: true);
    private readonly Option<NodaTime.LocalDate?> _peildatum = Opties.Datum("--peildatum", "regels die op of voor deze datum vervallen zijn verschuldigd; latere zijn verwacht", verplicht: true);
    private readonly Option<string> _formaat = Opties.Keuze("--formaat", "tabel (standaard): een leesbare tabel; json: de hele afrekening met elke regel en reden", "tabel", "tabel", "json");
    private readonly Option<string> _uit = Opties.Pad("--uit", "bestand", "schrijf naar dit bestand in plaats van standaarduitvoer (pas als het compleet is); - is standaarduitvoer");

    public string Naam => "afrekenen";

    public string Omschrijving => "elk traject van een contract afrekenen op een peildatum";

    public string? Toelichting => null;

    public void Definieer(Command command)
    {
        command.Add(_contract);
        command.Add(_trajecten);
        command.Add(_peildatum);
        command.Add(_formaat);
        command.Add(_uit);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var contractPad = p.GetRequiredValue(_contract);
        var trajectenPad = p.GetRequiredValue(_trajecten);
        var peildatum = p.Waarde(_peildatum);
        var formaat = p.GetValue(_formaat);
        var pad = p.GetValue(_uit);

        var contract = Invoer.Contract(contractPad);
        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var afrekening = Program.MetTraject(trajectenPad, () => contract.Settle(trajecten, peildatum, annulering));
        var tekst = formaat == "json" ? JsonSchrijver.Naar(afrekening) : Tabel(afrekening, trajecten);
        annulering.ThrowIfCancellationRequested();
        if (!Uitvoer.IsBestand(pad))
        {
            t.Uit.Write(tekst);
        }
        else
        {
            Uitvoer.Schrijf(pad!, tekst);
            t.Uit.WriteLine($"Afrekening van {afrekening.Trajecten.Count} trajecten op {peildatum:yyyy-MM-dd} geschreven naar {pad}.");
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
