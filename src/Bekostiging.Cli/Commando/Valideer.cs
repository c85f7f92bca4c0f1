using System.CommandLine;
using System.Threading;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Valideer : ICommando
{
    private readonly Option<string> _contract = Opties.Pad("--contract", "contract.json", "de raamovereenkomst; - is standaardinvoer");
    private readonly Option<string> _trajecten = Opties.Pad("--trajecten", "trajecten.json|.jsonl", "de trajecten (vraagt --contract: zij nemen hun model daaruit); - is standaardinvoer");
    private readonly Option<string> _facturen = Opties.Pad("--facturen", "facturen.json", "een facturendocument; - is standaardinvoer");
    private readonly Option<string> _scenario = Opties.Pad("--scenario", "scenario.json", "een scenario voor vergelijk; - is standaardinvoer");

    public string Naam => "valideer";

    public string Omschrijving => "invoerbestanden (en elke gebeurtenissenreeks) controleren zonder af te rekenen";

    public string? Toelichting => "Leest elk bestand streng en controleert bij trajecten elke reeks gebeurtenissen tegen de regels van de rekenkern (volgorde, dubbele, uren per dag, plaatsing-ids, reclametermijn, verlengingen, …). Exitcode 0 als alles geldig is, 1 bij de eerste fout (bestand, JSON-pad of regel, traject, gebeurtenis en regel).";

    public void Definieer(Command command)
    {
        command.Add(_contract);
        command.Add(_trajecten);
        command.Add(_facturen);
        command.Add(_scenario);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var contractPad = p.GetValue(_contract);
        var trajectenPad = p.GetValue(_trajecten);
        var facturenPad = p.GetValue(_facturen);
        var scenarioPad = p.GetValue(_scenario);
        if (contractPad is null && facturenPad is null && scenarioPad is null)
        {
            throw new GebruiksFout("geef ten minste één van --contract, --facturen, --scenario.");
        }

        if (trajectenPad is not null && contractPad is null)
        {
            throw new GebruiksFout("--trajecten vraagt --contract (de trajecten nemen hun model daaruit).");
        }

        if (contractPad is not null)
        {
            var contract = Invoer.Contract(contractPad);
            t.Uit.WriteLine($"{Invoer.Naam(contractPad)}: contract {contract.Id} geldig ({contract.Producten.Count} productafspraken, looptijd t/m {contract.Einddatum:yyyy-MM-dd}).");
            if (trajectenPad is not null)
            {
                var trajecten = Invoer.Trajecten(trajectenPad, contract);
                var far = contract.Einddatum.PlusYears(10);
                var voortgang = new Voortgang(trajecten.Count, "valideren", t);
                var n = 0;
                foreach (var tr in trajecten)
                {
                    annulering.ThrowIfCancellationRequested();
                    Program.MetTraject(trajectenPad, () => contract.Settle(tr.Traject, tr.Gebeurtenissen, far));
                    voortgang.Report(++n);
                }

                t.Uit.WriteLine($"{Invoer.Naam(trajectenPad)}: {trajecten.Count} trajecten met geldige gebeurtenissen.");
            }
        }

        if (facturenPad is not null)
        {
            t.Uit.WriteLine($"{Invoer.Naam(facturenPad)}: {Invoer.Facturen(facturenPad).Count} facturen geldig.");
        }

        if (scenarioPad is not null)
        {
            var s = JsonLezer.Scenario(Invoer.Tekst(scenarioPad), Invoer.Naam(scenarioPad));
            t.Uit.WriteLine($"{Invoer.Naam(scenarioPad)}: scenario '{s.Naam}' geldig ({s.AantalClienten} cliënten, {s.Modellen.Count} modellen).");
        }

        return 0;
    }
}
