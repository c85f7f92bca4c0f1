using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Valideer : ICommando
{
    private readonly Option<string> _contract = Opties.Pad("--contract", "contract.json", "de raamovereenkomst; - is standaardinvoer");
    private readonly Option<string> _trajecten = Opties.Pad("--trajecten", "trajecten.json|.jsonl", "de trajecten (vraagt --contract: zij nemen hun model daaruit); - is standaardinvoer");
    private readonly Option<string> _facturen = Opties.Pad("--facturen", "facturen.json", "een facturendocument; - is standaardinvoer");
    private readonly Option<string> _scenario = Opties.Pad("--scenario", "scenario.json", "een scenario voor vergelijk; - is standaardinvoer");
    private readonly Option<string> _ontbrekend = Factureren.OntbrekendOptie();

    public string Naam => "valideer";

    public string Omschrijving => "invoerbestanden (en elke gebeurtenissenreeks) controleren zonder af te rekenen";

    public string? Toelichting => "Leest elk bestand streng en past de controles van factureren toe: bij trajecten elke reeks gebeurtenissen tegen de regels van de rekenkern (volgorde, dubbele, uren per dag, plaatsing-ids, reclametermijn, verlengingen, …), ook zoals zij op elke meldingsdatum (gemeld) bekend zijn; bij facturen elke factuur en regel zoals een run haar kan hebben gemaakt (van het --contract als dat is gegeven); met beide mag geen eerder gefactureerd traject ontbreken (tenzij --ontbrekende-trajecten crediteren). Exitcode 0 als alles geldig is, 1 bij de eerste fout (bestand, JSON-pad of regel, traject, gebeurtenis en regel).";

    public void Definieer(Command command)
    {
        command.Add(_contract);
        command.Add(_trajecten);
        command.Add(_facturen);
        command.Add(_scenario);
        command.Add(_ontbrekend);
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

        Raamovereenkomst? contract = null;
        List<TrajectMetGebeurtenissen>? trajecten = null;
        if (contractPad is not null)
        {
            contract = Invoer.Contract(contractPad);
            t.Uit.WriteLine($"{Invoer.Naam(contractPad)}: contract {contract.Id} geldig ({contract.Producten.Count} productafspraken, looptijd t/m {contract.Einddatum:yyyy-MM-dd}).");
            if (trajectenPad is not null)
            {
                trajecten = Invoer.Trajecten(trajectenPad, contract);
                var far = contract.Einddatum.PlusYears(10);
                var voortgang = new Voortgang(trajecten.Count, "valideren", t);
                var n = 0;
                foreach (var tr in trajecten)
                {
                    annulering.ThrowIfCancellationRequested();
                    Program.MetTraject(trajectenPad, () => contract.Settle(tr.Traject, tr.Gebeurtenissen, far));

                    // As every invoice run on the way sees it: the events reported by each report date.
                    Program.MetTraject(trajectenPad, () =>
                    {
                        Historiecontrole.CheckMeldingen(contract, tr);
                        return 0;
                    });
                    voortgang.Report(++n);
                }

                t.Uit.WriteLine($"{Invoer.Naam(trajectenPad)}: {trajecten.Count} trajecten met geldige gebeurtenissen.");
            }
        }

        if (facturenPad is not null)
        {
            var (facturen, _) = Historiebestand.Lees(facturenPad, contract?.Id);
            if (trajecten is not null && Factureren.Ontbrekend(p.GetValue(_ontbrekend)) == OntbrekendeTrajecten.Weigeren)
            {
                var missing = Historiecontrole.Ontbrekend(facturen, trajecten.Select(x => x.Traject.Id));
                if (missing.Count > 0)
                {
                    throw new JsonInvoerException(Invoer.Naam(trajectenPad!), null, null,
                        $"{missing.Count} trajecten die in {Invoer.Naam(facturenPad)} zijn gefactureerd, ontbreken: {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", …" : string.Empty)}; "
                        + "factureren weigert deze invoer (zijn zij echt beëindigd: --ontbrekende-trajecten crediteren).",
                        code: FoutCode.OntbrekendeTrajecten);
                }
            }

            t.Uit.WriteLine($"{Invoer.Naam(facturenPad)}: {facturen.Count} facturen geldig.");
        }

        if (scenarioPad is not null)
        {
            var s = JsonLezer.Scenario(Invoer.Tekst(scenarioPad), Invoer.Naam(scenarioPad));
            t.Uit.WriteLine($"{Invoer.Naam(scenarioPad)}: scenario '{s.Naam}' geldig ({s.AantalClienten} cliënten, {s.Modellen.Count} modellen).");
        }

        return 0;
    }
}
