using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Json;
using Bekostiging.Scenarios;

namespace Bekostiging.Cli.Commando;

internal sealed class Kalibreer : ICommando
{
    private readonly Option<string> _trajecten = Opties.Pad("--trajecten", "export.json|.jsonl", "de trajecten uit het verleden (een export); - is standaardinvoer", verplicht: true);
    private readonly Option<string> _contract = Opties.Pad("--contract", "contract.json", "de raamovereenkomst waaruit de trajecten hun model nemen", verplicht: true);
    private readonly Option<string> _scenario = Opties.Pad("--scenario", "scenario.json", "een scenario: schrijft het met de geschatte gedragingen als scenario.json in de uitvoermap");
    private readonly Option<NodaTime.LocalDate?> _peildatum = Opties.Datum("--peildatum", "waarnemen tot en met deze datum (standaard: de laatste gebeurtenis)");
    private readonly Option<int?> _minimum = Opties.Getal("--minimum", "n", "ten minste zoveel trajecten met een Start per profiel (standaard 30)", 1, 1_000_000);
    private readonly Option<string> _uit = Opties.Pad("--uit", "map", "de uitvoermap (standaard: ./kalibratie)");

    public string Naam => "kalibreer";

    public string Omschrijving => "het gedrag per profiel schatten uit eigen trajecten, met betrouwbaarheidsintervallen";

    public string? Toelichting => "Schat per cliëntprofiel de kans op plaatsing per maand met type en uren, de kans op uitval, de kans dat een plaatsing eindigt, het aandeel plaatsingen dat binnen de duurzaamheidstermijn eindigt, de uren begeleiding en de kans op een trede hoger, elk met een 95 %-interval (Beta-verdeling). Schrijft kalibratie.json en met --scenario ook scenario.json, dat vergelijk leest. Weigert een profiel met minder trajecten dan --minimum.";

    public void Definieer(Command command)
    {
        command.Add(_trajecten);
        command.Add(_contract);
        command.Add(_scenario);
        command.Add(_peildatum);
        command.Add(_minimum);
        command.Add(_uit);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var trajectenPad = p.GetValue(_trajecten)!;
        var contract = Invoer.Contract(p.GetValue(_contract)!);
        var scenarioPad = p.GetValue(_scenario);
        var map = p.GetValue(_uit) ?? "kalibratie";
        if (map == Uitvoer.Standaarduitvoer)
        {
            throw new GebruiksFout("--uit is een map (kalibreer schrijft kalibratie.json en eventueel scenario.json).");
        }

        var basis = scenarioPad is null ? null : JsonLezer.Scenario(Invoer.Tekst(scenarioPad), Invoer.Naam(scenarioPad));
        var trajecten = Invoer.Trajecten(trajectenPad, contract);
        annulering.ThrowIfCancellationRequested();
        var k = Kalibreren.Schat(trajecten, new Kalibratieopties(p.GetValue(_minimum) ?? 30, Peildatum: p.GetValue(_peildatum)));

        var uit = t.Uit;
        uit.WriteLine($"Kalibratie van {trajecten.Count - k.NietGebruikt.Count} trajecten uit {Invoer.Naam(trajectenPad)}, waargenomen t/m {k.Peildatum:yyyy-MM-dd}; intervallen {(k.Betrouwbaarheid * 100m).ToString("0.#", CultureInfo.InvariantCulture)} %.");
        uit.WriteLine();
        uit.WriteLine("| Profiel | Trajecten | Kans plaatsing / maand | Kans uitval / maand | Kans einde plaatsing / maand | Einde binnen duurzaamheidstermijn | Uren begeleiding / maand | Kans trede hoger / maand |");
        uit.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in k.Profielen)
        {
            uit.WriteLine($"| {r.Profiel} | {r.AantalTrajecten} | {I(r.KansPlaatsingPerMaand)} | {I(r.KansUitvalPerMaand)} | {I(r.KansEindePlaatsingPerMaand)} | {I(r.EindeBinnenDuurzaamheidstermijn)} | {I(r.UrenBegeleidingPerMaand)} | {I(r.KansTredeOmhoogPerMaand)} |");
        }

        foreach (var r in k.Profielen)
        {
            uit.WriteLine($"Uitstroom profiel {r.Profiel}: " + string.Join("; ", r.Uitstroom.Select(u => $"{u.Type} {u.UrenPerWeek.ToString(CultureInfo.InvariantCulture)} u/w {u.Aantal}× {I(u.Aandeel)}")));
        }

        foreach (var n in k.NietGebruikt)
        {
            uit.WriteLine(n);
        }

        annulering.ThrowIfCancellationRequested();
        Uitvoer.ControleerMap(map);
        Uitvoer.ControleerDoel(Uitvoer.Binnen(map, "kalibratie.json"));
        if (basis is not null)
        {
            Uitvoer.ControleerDoel(Uitvoer.Binnen(map, "scenario.json"));
        }

        Uitvoer.Schrijf(Path.Combine(map, "kalibratie.json"), JsonSchrijver.Naar(k));
        uit.WriteLine();
        uit.WriteLine($"Geschreven: {Path.Combine(map, "kalibratie.json")}");
        if (basis is not null)
        {
            var gekalibreerd = k.Toepassen(basis) with { Naam = basis.Naam + " (gekalibreerd)" };
            gekalibreerd.Valideer();
            Uitvoer.Schrijf(Path.Combine(map, "scenario.json"), JsonSchrijver.Naar(gekalibreerd));
            uit.WriteLine($"Geschreven: {Path.Combine(map, "scenario.json")} (lees met: bekostiging vergelijk {Path.Combine(map, "scenario.json")})");
        }

        return 0;
    }

    private static string I(Schattingsinterval i) => i.Waarnemingen == 0
        ? "— (geen waarnemingen; het scenario houdt zijn waarde)"
        : string.Create(CultureInfo.InvariantCulture, $"{i.Schatting:0.####} [{i.Onder:0.####} – {i.Boven:0.####}]");
}
