using System.Collections.Generic;
using System.IO;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Valideer : ICommando
{
    public string Naam => "valideer";

    public string Omschrijving => "check input files (and every event stream) without settling";

    public string Gebruik => """
        bekostiging valideer [--contract <contract.json> [--trajecten <trajecten.json|.jsonl>]] [--facturen <facturen.json>] [--scenario <scenario.json>]

          reads each file strictly and, for trajecten, checks every event stream against the rules of the engine
          (order, duplicates, hours per day, plaatsing ids, reclametermijn, verlengingen, …). Exit code 0 when all
          is valid, 1 with the first error (file, JSON path or line, traject, event and rule).
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string>();

    public int Voer(Argumenten args, TextWriter uit)
    {
        var contractPad = args.Optie("--contract");
        var trajectenPad = args.Optie("--trajecten");
        var facturenPad = args.Optie("--facturen");
        var scenarioPad = args.Optie("--scenario");
        args.GeenOnbekende();
        if (contractPad is null && facturenPad is null && scenarioPad is null)
        {
            throw new GebruiksFout("give at least one of --contract, --facturen, --scenario.");
        }

        if (trajectenPad is not null && contractPad is null)
        {
            throw new GebruiksFout("--trajecten needs --contract (the trajecten take their model from it).");
        }

        if (contractPad is not null)
        {
            var contract = Invoer.Contract(contractPad);
            uit.WriteLine($"{contractPad}: contract {contract.Id} geldig ({contract.Producten.Count} productafspraken, looptijd t/m {contract.Einddatum:yyyy-MM-dd}).");
            if (trajectenPad is not null)
            {
                var trajecten = Invoer.Trajecten(trajectenPad, contract);
                var far = contract.Einddatum.PlusYears(10);
                var voortgang = new Voortgang(trajecten.Count, "valideren");
                var n = 0;
                foreach (var t in trajecten)
                {
                    Program.MetTraject(trajectenPad, () => contract.Settle(t.Traject, t.Gebeurtenissen, far));
                    voortgang.Report(++n);
                }

                uit.WriteLine($"{trajectenPad}: {trajecten.Count} trajecten met geldige gebeurtenissen.");
            }
        }

        if (facturenPad is not null)
        {
            uit.WriteLine($"{facturenPad}: {Invoer.Facturen(facturenPad).Count} facturen geldig.");
        }

        if (scenarioPad is not null)
        {
            var s = JsonLezer.Scenario(Invoer.Tekst(scenarioPad), scenarioPad);
            uit.WriteLine($"{scenarioPad}: scenario '{s.Naam}' geldig ({s.AantalClienten} clienten, {s.Modellen.Count} modellen).");
        }

        return 0;
    }
}
