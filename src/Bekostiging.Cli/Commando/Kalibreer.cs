using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Bekostiging.Json;
using Bekostiging.Scenarios;

namespace Bekostiging.Cli.Commando;

internal sealed class Kalibreer : ICommando
{
    public string Naam => "kalibreer";

    public string Omschrijving => "estimate a scenario's behaviour per profiel from past trajecten, with intervals";

    public string Gebruik => """
        bekostiging kalibreer --trajecten <export.json|.jsonl> --contract <contract.json> [--scenario <scenario.json>]
                              [--peildatum <yyyy-MM-dd>] [--minimum <n>] [--uit <folder>]

          estimates per cliëntprofiel the monthly chance of a plaatsing, its type and hours, the monthly chance of
          uitval and of a plaatsing ending, the share of plaatsingen ending within the durability term, guidance hours
          and rung climbs, each with a 95 % interval; prints them and writes kalibratie.json to the folder (default:
          ./kalibratie). With --scenario it also writes scenario.json there: that scenario with its gedragingen
          replaced by the estimates, which `bekostiging vergelijk` reads. Refuses a profiel with fewer than
          --minimum trajecten with a Start (default 30).
        """;

    public ISet<string> Vlaggen { get; } = new HashSet<string>();

    public int Voer(Argumenten args, TextWriter uit)
    {
        var trajectenPad = args.Verplicht("--trajecten");
        var contract = Invoer.Contract(args.Verplicht("--contract"));
        var scenarioPad = args.Optie("--scenario");
        var peildatum = args.Optie("--peildatum") is null ? (NodaTime.LocalDate?)null : args.Datum("--peildatum");
        var minimum = args.Getal("--minimum", 30, 1, 1_000_000);
        var map = args.Optie("--uit") ?? "kalibratie";
        args.GeenOnbekende();

        var basis = scenarioPad is null ? null : JsonLezer.Scenario(Invoer.Tekst(scenarioPad), scenarioPad);
        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        var k = Kalibreren.Schat(trajecten, new Kalibratieopties(minimum, Peildatum: peildatum));

        uit.WriteLine($"Kalibratie van {trajecten.Count - k.NietGebruikt.Count} trajecten uit {trajectenPad}, waargenomen t/m {k.Peildatum:yyyy-MM-dd}; intervallen {k.Betrouwbaarheid * 100m:0.#} %.");
        uit.WriteLine();
        uit.WriteLine("| Profiel | Trajecten | Kans plaatsing / maand | Kans uitval / maand | Kans einde plaatsing / maand | Einde binnen duurzaamheidstermijn | Uren begeleiding / maand | Kans trede hoger / maand |");
        uit.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in k.Profielen)
        {
            uit.WriteLine($"| {p.Profiel} | {p.AantalTrajecten} | {I(p.KansPlaatsingPerMaand)} | {I(p.KansUitvalPerMaand)} | {I(p.KansEindePlaatsingPerMaand)} | {I(p.EindeBinnenDuurzaamheidstermijn)} | {I(p.UrenBegeleidingPerMaand)} | {I(p.KansTredeOmhoogPerMaand)} |");
        }

        foreach (var p in k.Profielen)
        {
            uit.WriteLine($"uitstroom profiel {p.Profiel}: " + string.Join("; ", p.Uitstroom.Select(u => $"{u.Type} {u.UrenPerWeek.ToString(CultureInfo.InvariantCulture)} u/w {u.Aantal}× {I(u.Aandeel)}")));
        }

        foreach (var n in k.NietGebruikt)
        {
            uit.WriteLine(n);
        }

        Uitvoer.Schrijf(Path.Combine(map, "kalibratie.json"), JsonSchrijver.Naar(k));
        uit.WriteLine();
        uit.WriteLine($"geschreven: {Path.Combine(map, "kalibratie.json")}");
        if (basis is not null)
        {
            var gekalibreerd = k.Toepassen(basis) with { Naam = basis.Naam + " (gekalibreerd)" };
            gekalibreerd.Valideer();
            Uitvoer.Schrijf(Path.Combine(map, "scenario.json"), JsonSchrijver.Naar(gekalibreerd));
            uit.WriteLine($"geschreven: {Path.Combine(map, "scenario.json")} (lees met: bekostiging vergelijk {Path.Combine(map, "scenario.json")})");
        }

        return 0;
    }

    private static string I(Interval i) => string.Create(CultureInfo.InvariantCulture, $"{i.Schatting:0.####} [{i.Onder:0.####} – {i.Boven:0.####}]");
}
