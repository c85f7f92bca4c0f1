using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;

namespace Bekostiging.Cli.Commando;

internal sealed class Valideer : ICommando
{
    public string Naam => "valideer";

    public string Omschrijving => "check input files (and every event stream) without settling";

    public string Gebruik => """
        bekostiging valideer [--contract <contract.json> [--trajecten <trajecten.json|.jsonl>]] [--facturen <facturen.json>]
                             [--ontbrekende-trajecten weigeren|crediteren] [--scenario <scenario.json>]

          reads each file strictly and applies the checks factureren applies: for trajecten, every event stream
          against the rules of the engine (order, duplicates, hours per day, plaatsing ids, reclametermijn,
          verlengingen, …), also as known on each report date (gemeld); for facturen, every invoice and line as a
          run can have made it (of the --contract when given); with both, no traject invoiced before may be missing
          (unless --ontbrekende-trajecten crediteren). Exit code 0 when all is valid, 1 with the first error (file,
          JSON path or line, traject, event and rule).
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string>();

    public int Voer(Argumenten args, TextWriter uit)
    {
        var contractPad = args.Optie("--contract");
        var trajectenPad = args.Optie("--trajecten");
        var facturenPad = args.Optie("--facturen");
        var scenarioPad = args.Optie("--scenario");
        var ontbrekend = Factureren.OntbrekendOptie(args);
        args.GeenOnbekende();
        if (contractPad is null && facturenPad is null && scenarioPad is null)
        {
            throw new GebruiksFout("give at least one of --contract, --facturen, --scenario.");
        }

        if (trajectenPad is not null && contractPad is null)
        {
            throw new GebruiksFout("--trajecten needs --contract (the trajecten take their model from it).");
        }

        Raamovereenkomst? contract = null;
        List<TrajectMetGebeurtenissen>? trajecten = null;
        if (contractPad is not null)
        {
            contract = Invoer.Contract(contractPad);
            uit.WriteLine($"{contractPad}: contract {contract.Id} geldig ({contract.Producten.Count} productafspraken, looptijd t/m {contract.Einddatum:yyyy-MM-dd}).");
            if (trajectenPad is not null)
            {
                trajecten = Invoer.Trajecten(trajectenPad, contract);
                var far = contract.Einddatum.PlusYears(10);
                var voortgang = new Voortgang(trajecten.Count, "valideren");
                var n = 0;
                foreach (var t in trajecten)
                {
                    Program.MetTraject(trajectenPad, () => contract.Settle(t.Traject, t.Gebeurtenissen, far));
                    Program.MetTraject(trajectenPad, () =>
                    {
                        Historiecontrole.CheckMeldingen(contract, t);
                        return 0;
                    });
                    voortgang.Report(++n);
                }

                uit.WriteLine($"{trajectenPad}: {trajecten.Count} trajecten met geldige gebeurtenissen.");
            }
        }

        if (facturenPad is not null)
        {
            var (facturen, _) = Historiebestand.Lees(facturenPad, contract?.Id);
            if (trajecten is not null && ontbrekend == OntbrekendeTrajecten.Weigeren)
            {
                var missing = Historiecontrole.Ontbrekend(facturen, trajecten.Select(t => t.Traject.Id));
                if (missing.Count > 0)
                {
                    throw new JsonInvoerException(trajectenPad!, null, null,
                        $"{missing.Count} trajecten invoiced in {facturenPad} are missing: {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", …" : string.Empty)}; "
                        + "factureren refuses this input (if they really ended: --ontbrekende-trajecten crediteren).",
                        code: FoutCode.OntbrekendeTrajecten);
                }
            }

            uit.WriteLine($"{facturenPad}: {facturen.Count} facturen geldig.");
        }

        if (scenarioPad is not null)
        {
            var s = JsonLezer.Scenario(Invoer.Tekst(scenarioPad), scenarioPad);
            uit.WriteLine($"{scenarioPad}: scenario '{s.Naam}' geldig ({s.AantalClienten} clienten, {s.Modellen.Count} modellen).");
        }

        return 0;
    }
}
