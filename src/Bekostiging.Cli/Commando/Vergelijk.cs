using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Bekostiging.Json;
using Bekostiging.Scenarios;

namespace Bekostiging.Cli.Commando;

internal sealed class Vergelijk : ICommando
{
    public string Naam => "vergelijk";

    public string Omschrijving => "compare bekostigingsmodellen on a scenario (Monte Carlo): table and charts";

    public string Gebruik => """
        bekostiging vergelijk <scenario.json> [--iteraties <n>] [--seed <n>] [--threads <n>] [--uit <folder>] [--zonder-gevoeligheid]

          runs the scenario's cohort through the settlement engine under every model and prints a comparison table
          (Markdown); writes vergelijking.md, vergelijking.csv, vergelijking.json and the charts (PNG and SVG) to the
          folder (default: ./vergelijking). The same seed gives the same result on any number of threads.
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string> { "--zonder-gevoeligheid" };

    public int Voer(Argumenten args, TextWriter uit)
    {
        var pad = args.Positioneel.FirstOrDefault() ?? args.Optie("--scenario") ?? throw new GebruiksFout("give the scenario file (see --help).");
        var scenario = JsonLezer.Scenario(Invoer.Tekst(pad), pad);
        var iteraties = args.Getal("--iteraties", scenario.Iteraties, 1, 1_000_000);
        var seed = args.Optie("--seed") is { } s
            ? (ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new GebruiksFout($"--seed {s}: a whole number ≥ 0."))
            : scenario.Seed;
        var threads = args.Getal("--threads", 0, 0, 256);
        var map = args.Optie("--uit") ?? "vergelijking";
        var gevoeligheid = !args.Vlag("--zonder-gevoeligheid");
        args.GeenOnbekende();

        scenario = scenario with { Iteraties = iteraties, Seed = seed };
        var opties = new Simulatieopties(threads == 0 ? null : threads, gevoeligheid);
        var voortgang = new Voortgang(iteraties * Simulatie.Passes(scenario, opties), "simuleren");
        var v = Simulatie.Vergelijk(scenario, opties, voortgang);

        var markdown = Vergelijkingstabel.NaarMarkdown(v);
        uit.Write(markdown);
        uit.WriteLine();
        uit.Write(Vergelijkingstabel.Samenvatting(v));
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.md"), markdown);
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.csv"), Vergelijkingstabel.NaarCsv(v));
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.json"), JsonSchrijver.Naar(v));
        uit.WriteLine();
        uit.WriteLine($"geschreven: {Path.Combine(map, "vergelijking.md")}, .csv, .json");
        foreach (var bestand in Grafieken.Schrijf(v, map))
        {
            uit.WriteLine($"grafiek: {bestand}");
        }

        return 0;
    }
}
