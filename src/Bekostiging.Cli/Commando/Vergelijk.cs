using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Grafieken;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Spectre.Console;

namespace Bekostiging.Cli.Commando;

internal sealed class Vergelijk : ICommando
{
    /// <summary>
    /// The columns of the terminal table, as indices in <see cref="Vergelijkingstabel.MarkdownKolommen"/>, with the
    /// short header shown: what a tender team reads first — the expected cost and its bad case (P95), what a durable
    /// plaatsing costs, the chance of exceeding the budget and the cream-skimming indicator.
    /// </summary>
    private static readonly (int Kolom, string Kop)[] Hoofdkolommen =
    {
        (0, "Model"), (1, "Verwachte\nkosten"), (4, "P95"), (6, "Per duurzame\nplaatsing"), (7, "Kans boven\nbudget"), (16, "Roomafroming"),
    };

    private readonly Argument<string> _bestand = new("scenario") { HelpName = "scenario.json", Description = "het scenario (JSON, zie docs/scenario.md); - is standaardinvoer", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _scenario = Opties.Pad("--scenario", "scenario.json", "het scenario, als u het niet als argument geeft");
    private readonly Option<int?> _iteraties = Opties.Getal("--iteraties", "n", "aantal simulaties (standaard: dat van het scenario)", 1, 1_000_000);
    private readonly Option<ulong?> _seed = Opties.Zaad("--seed", "startwaarde van het toeval (standaard: die van het scenario); dezelfde seed geeft hetzelfde resultaat bij elk aantal threads");
    private readonly Option<int?> _threads = Opties.Getal("--threads", "n", "aantal threads (standaard 0: alle kernen)", 0, 256);
    private readonly Option<string> _uit = Opties.Pad("--uit", "map", "map voor vergelijking.md, .csv, .json en de grafieken (PNG en SVG); standaard ./vergelijking");
    private readonly Option<string> _formaat = Opties.Keuze("--formaat", "wat op standaarduitvoer komt: tabel (standaard), markdown, csv of json", "tabel", "tabel", "markdown", "csv", "json");
    private readonly Option<bool> _alleKolommen = Opties.Vlag("--alle-kolommen", "de tabel met alle kenmerken (een rij per kenmerk, een kolom per model)");
    private readonly Option<bool> _zonderGevoeligheid = Opties.Vlag("--zonder-gevoeligheid", "sla de runs met een lagere en hogere plaatsingskans over (sneller)");

    public string Naam => "vergelijk";

    public string Omschrijving => "bekostigingsmodellen vergelijken op een scenario (Monte Carlo): tabel en grafieken";

    public string? Toelichting => "Rekent het cohort van het scenario onder elk model door met de rekenkern en toont de vergelijking. De tabel op het scherm heeft de kolommen die een aanbestedingsteam eerst leest; --alle-kolommen of de bestanden geven alle 19. Met --formaat markdown, csv of json komt de vergelijking in die vorm op standaarduitvoer en de meldingen op standaardfout.";

    public void Definieer(Command command)
    {
        command.Add(_bestand);
        command.Add(_scenario);
        command.Add(_iteraties);
        command.Add(_seed);
        command.Add(_threads);
        command.Add(_uit);
        command.Add(_formaat);
        command.Add(_alleKolommen);
        command.Add(_zonderGevoeligheid);
    }

    public int Voer(ParseResult p, Terminal t, CancellationToken annulering)
    {
        var argument = p.GetValue(_bestand);
        var optie = p.GetValue(_scenario);
        if (argument is not null && optie is not null)
        {
            throw new GebruiksFout("geef het scenario één keer: als argument of met --scenario.");
        }

        var pad = argument ?? optie ?? throw new GebruiksFout("geef het scenariobestand (bijvoorbeeld samples/data/scenario.json).");
        var map = p.GetValue(_uit) ?? "vergelijking";
        if (map == Uitvoer.Standaarduitvoer)
        {
            throw new GebruiksFout("--uit is een map (vergelijk schrijft meer bestanden); voor standaarduitvoer gebruikt u --formaat.");
        }

        var formaat = p.GetValue(_formaat);
        var scenario = JsonLezer.Scenario(Invoer.Tekst(pad), Invoer.Naam(pad));
        var iteraties = p.GetValue(_iteraties) ?? scenario.Iteraties;
        var seed = p.GetValue(_seed) ?? scenario.Seed;
        var threads = p.GetValue(_threads) ?? 0;
        var gevoeligheid = !p.GetValue(_zonderGevoeligheid);

        scenario = scenario with { Iteraties = iteraties, Seed = seed };
        var opties = new Simulatieopties(threads == 0 ? null : threads, gevoeligheid);
        var voortgang = new Voortgang(iteraties * Simulatie.Passes(scenario, opties), "simuleren", t);
        var v = Simulatie.Vergelijk(scenario, opties, voortgang, annulering);

        // The last moment to cancel: the files below are written together.
        annulering.ThrowIfCancellationRequested();
        var markdown = Vergelijkingstabel.NaarMarkdown(v);
        var csv = Vergelijkingstabel.NaarCsv(v);
        var json = JsonSchrijver.Naar(v);
        var meldingen = formaat == "tabel" ? t.Uit : t.Fout;
        switch (formaat)
        {
            case "markdown":
                t.Uit.Write(markdown);
                break;
            case "csv":
                t.Uit.Write(csv);
                break;
            case "json":
                t.Uit.Write(json);
                break;
            default:
                Toon(v, t, p.GetValue(_alleKolommen));
                break;
        }

        // The summary (reference range, behaviour assumed equal or not, the tornado's widest bar) below the table.
        var samenvatting = Vergelijkingstabel.Samenvatting(v);
        if (formaat is "tabel" or "markdown")
        {
            t.Uit.WriteLine();
            t.Uit.Write(formaat == "tabel" ? Omgebroken(samenvatting, t.Breedte) : samenvatting);
        }

        Uitvoer.ControleerMap(map);
        foreach (var naam in new[] { "vergelijking.md", "vergelijking.csv", "vergelijking.json", "samenvatting.md" })
        {
            Uitvoer.ControleerDoel(Uitvoer.Binnen(map, naam));
        }

        Uitvoer.Schrijf(Path.Combine(map, "samenvatting.md"), samenvatting);
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.md"), markdown);
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.csv"), csv);
        Uitvoer.Schrijf(Path.Combine(map, "vergelijking.json"), json);
        meldingen.WriteLine();
        meldingen.WriteLine($"Geschreven: {Path.Combine(map, "vergelijking.md")}, .csv, .json");
        foreach (var bestand in Grafiekmaker.Schrijf(v, map))
        {
            meldingen.WriteLine($"Grafiek: {bestand}");
        }

        return 0;
    }

    // The summary's lines wrapped on spaces to the terminal's width, continuation lines indented under the text.
    private static string Omgebroken(string tekst, int breedte)
    {
        var b = new System.Text.StringBuilder();
        foreach (var regel in tekst.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var lengte = 0;
            foreach (var woord in regel.Split(' '))
            {
                if (lengte > 0 && lengte + 1 + woord.Length > breedte)
                {
                    b.Append('\n').Append("  ");
                    lengte = 2;
                }
                else if (lengte > 0)
                {
                    b.Append(' ');
                    lengte++;
                }

                b.Append(woord);
                lengte += woord.Length;
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    // The width of the widest value, so that the column never breaks an amount (its header wraps instead).
    private static int Breedste(string kop, IEnumerable<string> cellen)
        => Math.Max(kop.Split('\n', ' ').Max(w => w.Length), cellen.Max(c => c.Length));

    private static string Geheel(long n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>
    /// The comparison as a Spectre.Console table that fits the terminal's width (100 columns when unknown): one row per
    /// model with the main columns, or with <paramref name="alle"/> one row per measure and one column per model.
    /// Amounts are right-aligned in Dutch form. Colour only on a terminal without NO_COLOR; plain text otherwise.
    /// </summary>
    internal static void Toon(Vergelijking v, Terminal t, bool alle)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = t.Kleur ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = t.Kleur ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(t.Uit),
        });
        console.Profile.Width = t.Breedte;
        console.Profile.Capabilities.Unicode = true;

        var budget = v.BudgetPerJaar is { } b ? $"budget {b} per jaar" : "geen budget";
        console.WriteLine($"Vergelijking scenario \u201e{v.Scenario}\u201d: {Geheel(v.Iteraties)} simulaties, {Geheel(v.AantalClienten)} cliënten, {budget}.");
        console.WriteLine("Kosten voor de gemeente tot de horizon; marge en prikkel per cliënt.");
        console.WriteLine();

        var rijen = Vergelijkingstabel.Tekstcellen(v);
        var tabel = new Table().Border(t.Kleur ? TableBorder.Rounded : TableBorder.Simple);
        if (!alle)
        {
            foreach (var (kolom, kop) in Hoofdkolommen)
            {
                var c = new TableColumn(new Text(kop, new Style(decoration: Decoration.Bold)));
                tabel.AddColumn(kolom == 0 ? c.LeftAligned() : c.RightAligned().Width(Breedste(kop, rijen.Select(r => r[kolom]))));
            }

            foreach (var rij in rijen)
            {
                tabel.AddRow(Hoofdkolommen.Select(k => (Spectre.Console.Rendering.IRenderable)new Text(rij[k.Kolom])).ToArray());
            }
        }
        else
        {
            // A row of amounts says "(€)" once in its label instead of in every cell, so five models fit 100 columns.
            var koppen = Vergelijkingstabel.MarkdownKolommen;
            var euro = Enumerable.Range(0, koppen.Count).Select(k => k > 0 && rijen.Any(r => r[k].StartsWith("€ ", StringComparison.Ordinal))).ToArray();
            string Cel(IReadOnlyList<string> rij, int k) => euro[k] && rij[k].StartsWith("€ ", StringComparison.Ordinal) ? rij[k][2..] : rij[k];

            tabel.AddColumn(new TableColumn(new Text("Kenmerk", new Style(decoration: Decoration.Bold))).LeftAligned());
            for (var i = 0; i < v.Modellen.Count; i++)
            {
                var rij = rijen[i];
                tabel.AddColumn(new TableColumn(new Text(v.Modellen[i].Naam, new Style(decoration: Decoration.Bold))).RightAligned()
                    .Width(Breedste(v.Modellen[i].Naam, Enumerable.Range(1, koppen.Count - 1).Select(k => Cel(rij, k)))));
            }

            for (var k = 1; k < koppen.Count; k++)
            {
                var kolom = k;
                tabel.AddRow(rijen.Select(r => (Spectre.Console.Rendering.IRenderable)new Text(Cel(r, kolom))).Prepend(new Text(koppen[k] + (euro[k] ? " (€)" : string.Empty))).ToArray());
            }
        }

        console.Write(tabel);
        if (!alle)
        {
            console.WriteLine("Alle kolommen: --alle-kolommen, of de bestanden hieronder.");
        }
    }
}
