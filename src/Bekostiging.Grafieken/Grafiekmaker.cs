using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Scenarios;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Bekostiging.Grafieken;

/// <summary>The charts of a <see cref="Vergelijking"/>.</summary>
public enum Grafiek
{
    /// <summary>The spread of the total cost to the gemeente per model over the simulations (box plot: P5, P25, P50, P75, P95 and the mean).</summary>
    Kostenverdeling,

    /// <summary>The cost per durable plaatsing per model (bars).</summary>
    KostenPerDuurzamePlaatsing,

    /// <summary>The mean cost per calendar year per model (grouped bars, a whisker to P95) against the budget (a horizontal line).</summary>
    JaarkostenTegenBudget,

    /// <summary>The provider's margin per client per profiel and model (grouped bars).</summary>
    MargePerProfiel,

    /// <summary>The tornado of the scenario's sensitivity analysis: the cost difference between two models with each behaviour parameter moved down and up (only when the comparison has one).</summary>
    Tornado,
}

/// <summary>The size and formats of rendered charts.</summary>
/// <param name="Breedte">Width in pixels (200–10,000).</param>
/// <param name="Hoogte">Height in pixels (200–10,000).</param>
/// <param name="Png">Write a PNG file in <see cref="Grafiekmaker.Schrijf"/>.</param>
/// <param name="Svg">Write an SVG file in <see cref="Grafiekmaker.Schrijf"/>.</param>
/// <param name="Versie">The package version in the footer; <see langword="null"/> = the version of Bekostiging.Grafieken.</param>
public sealed record Grafiekopties(int Breedte = 1000, int Hoogte = 600, bool Png = true, bool Svg = true, string? Versie = null)
{
    /// <summary>1000 × 600 pixels, PNG and SVG.</summary>
    public static Grafiekopties Standaard { get; } = new();

    internal void Valideer()
    {
        if (Breedte is < 200 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Breedte), Breedte, "The width lies in 200–10,000 pixels.");
        }

        if (Hoogte is < 200 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Hoogte), Hoogte, "The height lies in 200–10,000 pixels.");
        }
    }
}

/// <summary>
/// Charts of the comparison of bekostigingsmodellen (domain.md §10), rendered with ScottPlot: the spread of the cost
/// per model, the cost per durable plaatsing, the cost per calendar year against the budget, and the provider's margin
/// per profiel. Titles and labels are Dutch; euro ticks read <c>€ 150.000</c>. Every model keeps its colour in every
/// chart.
/// </summary>
public static class Grafiekmaker
{
    private const float TitelGrootte = 22;
    private const float AsLabelGrootte = 16;
    private const float TickGrootte = 14;
    private const float LegendaGrootte = 14;

    private static readonly ScottPlot.Palettes.Category10 Palet = new();

    // Skia's font manager without fontconfig resolves an unknown family to the first one it has (here a serif):
    // take the first sans-serif family that really exists, or keep ScottPlot's choice.
    private static readonly Lazy<string?> Lettertype = new(() => new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Open Sans", "Segoe UI" }
        .FirstOrDefault(f => string.Equals(Fonts.GetTypeface(f, false, false)?.FamilyName, f, StringComparison.OrdinalIgnoreCase)));

    private const float VoetGrootte = 11;

    // Model colours come from the palette; what is not a model (the budget, the tornado's bars) uses colours it lacks.
    private static readonly Color BudgetKleur = Colors.Black;
    private static readonly Color TornadoLaag = Color.FromHex("#9ecae1");
    private static readonly Color TornadoHoog = Color.FromHex("#08306b");

    /// <summary>The four charts every comparison has, in the order <see cref="Schrijf"/> writes them.</summary>
    public static IReadOnlyList<Grafiek> Alle { get; } = new[] { Grafiek.Kostenverdeling, Grafiek.KostenPerDuurzamePlaatsing, Grafiek.JaarkostenTegenBudget, Grafiek.MargePerProfiel };

    /// <summary>The charts of a comparison: <see cref="Alle"/>, plus <see cref="Grafiek.Tornado"/> when it has a sensitivity analysis.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <returns>The charts in the order <see cref="Schrijf"/> writes them.</returns>
    public static IReadOnlyList<Grafiek> Voor(Vergelijking vergelijking)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        return vergelijking.Tornado is null ? Alle : Alle.Append(Grafiek.Tornado).ToArray();
    }

    /// <summary>
    /// The footer every chart carries: scenario, iterations, seed, package version and the date of the run (from the
    /// scenario or the caller; the library never reads the clock).
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="opties">The options (the version); <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>The footer text.</returns>
    public static string Herkomst(Vergelijking vergelijking, Grafiekopties? opties = null)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        var versie = (opties ?? Grafiekopties.Standaard).Versie ?? Pakketversie.Value;
        var datum = vergelijking.Rekendatum is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "datum niet opgegeven";
        return $"Scenario \u201e{vergelijking.Scenario}\u201d \u00b7 {Opmaak.Geheel(vergelijking.Iteraties)} simulaties \u00b7 seed {vergelijking.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)} \u00b7 Bekostiging {versie} \u00b7 {datum}";
    }

    /// <summary>A chart as an HTML image with the PNG inline (<c>data:</c> URI), for notebooks: <c>display(HTML(...))</c>.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="grafiek">The chart.</param>
    /// <param name="opties">The size; <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>An <c>&lt;img&gt;</c> element whose alt text is the chart's title.</returns>
    public static string Html(Vergelijking vergelijking, Grafiek grafiek, Grafiekopties? opties = null)
    {
        var o = opties ?? Grafiekopties.Standaard;
        o.Valideer();
        using var plot = Maak(vergelijking, grafiek, o);
        var png = plot.GetImageBytes(o.Breedte, o.Hoogte, ImageFormat.Png);
        var alt = System.Net.WebUtility.HtmlEncode(plot.Axes.Title.Label.Text.Replace("\n", " ", StringComparison.Ordinal));
        return $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{alt}\" width=\"{o.Breedte}\" height=\"{o.Hoogte}\"/>";
    }

    private static readonly Lazy<string> Pakketversie = new(() =>
    {
        var info = typeof(Grafiekmaker).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "?";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? info : info[..plus];
    });

    /// <summary>The file name of a chart without extension, e.g. <c>1-kostenverdeling</c>.</summary>
    /// <param name="grafiek">The chart.</param>
    /// <returns>The file name.</returns>
    public static string Bestandsnaam(Grafiek grafiek) => grafiek switch
    {
        Grafiek.Kostenverdeling => "1-kostenverdeling",
        Grafiek.KostenPerDuurzamePlaatsing => "2-kosten-per-duurzame-plaatsing",
        Grafiek.JaarkostenTegenBudget => "3-jaarkosten-tegen-budget",
        Grafiek.MargePerProfiel => "4-marge-per-profiel",
        Grafiek.Tornado => "5-tornado",
        _ => throw new ArgumentOutOfRangeException(nameof(grafiek), grafiek, "Unknown chart."),
    };

    /// <summary>
    /// Builds a chart as a ScottPlot <see cref="Plot"/>, to adjust further or to render in another format. The caller
    /// disposes it.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="grafiek">The chart.</param>
    /// <param name="opties">The size it will be rendered at (the title is fitted to the width); <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>The plot.</returns>
    public static Plot Maak(Vergelijking vergelijking, Grafiek grafiek, Grafiekopties? opties = null)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        var o = opties ?? Grafiekopties.Standaard;
        o.Valideer();
        var plot = new Plot();
        try
        {
            Opmaken(plot);
            switch (grafiek)
            {
                case Grafiek.Kostenverdeling:
                    Kostenverdeling(plot, vergelijking);
                    break;
                case Grafiek.KostenPerDuurzamePlaatsing:
                    KostenPerDuurzamePlaatsing(plot, vergelijking);
                    break;
                case Grafiek.JaarkostenTegenBudget:
                    JaarkostenTegenBudget(plot, vergelijking);
                    break;
                case Grafiek.MargePerProfiel:
                    MargePerProfiel(plot, vergelijking);
                    break;
                case Grafiek.Tornado:
                    Tornado(plot, vergelijking);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(grafiek), grafiek, "Unknown chart.");
            }

            if (Lettertype.Value is { } font)
            {
                plot.Font.Set(font);
                // Set() gives every label the regular typeface, which ignores Bold: the title gets the bold one.
                plot.Axes.Title.Label.Font = Fonts.GetTypeface(font, bold: true, italic: false);
            }

            if (grafiek != Grafiek.Tornado && vergelijking.GedragGelijkVerondersteld && vergelijking.Modellen.Count > 1)
            {
                plot.Axes.Title.Label.Text += "\n(gedrag van de aanbieder gelijk verondersteld onder alle modellen)";
            }

            Voet(plot, vergelijking, o);
            PasTitel(plot, o.Breedte);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    /// <summary>Renders a chart as PNG.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="grafiek">The chart.</param>
    /// <param name="opties">The size; <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Png(Vergelijking vergelijking, Grafiek grafiek, Grafiekopties? opties = null)
    {
        var o = opties ?? Grafiekopties.Standaard;
        o.Valideer();
        using var plot = Maak(vergelijking, grafiek, o);
        return plot.GetImageBytes(o.Breedte, o.Hoogte, ImageFormat.Png);
    }

    /// <summary>Renders a chart as SVG.</summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="grafiek">The chart.</param>
    /// <param name="opties">The size; <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>The SVG document.</returns>
    public static string Svg(Vergelijking vergelijking, Grafiek grafiek, Grafiekopties? opties = null)
    {
        var o = opties ?? Grafiekopties.Standaard;
        o.Valideer();
        using var plot = Maak(vergelijking, grafiek, o);
        return plot.GetSvgXml(o.Breedte, o.Hoogte);
    }

    /// <summary>
    /// Writes every chart of the comparison (<see cref="Voor"/>) into a folder, as <c>&lt;Bestandsnaam&gt;.png</c> and/or <c>.svg</c>,
    /// creating the folder when needed and replacing files of the same name.
    /// </summary>
    /// <param name="vergelijking">The comparison.</param>
    /// <param name="map">The folder.</param>
    /// <param name="opties">Size and formats; <see langword="null"/> = <see cref="Grafiekopties.Standaard"/>.</param>
    /// <returns>The full paths of the files written, per chart PNG before SVG.</returns>
    public static IReadOnlyList<string> Schrijf(Vergelijking vergelijking, string map, Grafiekopties? opties = null)
    {
        ArgumentNullException.ThrowIfNull(vergelijking);
        ArgumentException.ThrowIfNullOrWhiteSpace(map);
        var o = opties ?? Grafiekopties.Standaard;
        o.Valideer();
        var folder = Directory.CreateDirectory(map).FullName;
        var paths = new List<string>();
        foreach (var g in Voor(vergelijking))
        {
            using var plot = Maak(vergelijking, g, o);
            var basis = Path.Combine(folder, Bestandsnaam(g));
            if (o.Png)
            {
                File.WriteAllBytes(basis + ".png", plot.GetImageBytes(o.Breedte, o.Hoogte, ImageFormat.Png));
                paths.Add(basis + ".png");
            }

            if (o.Svg)
            {
                File.WriteAllText(basis + ".svg", plot.GetSvgXml(o.Breedte, o.Hoogte), new UTF8Encoding(false));
                paths.Add(basis + ".svg");
            }
        }

        return paths;
    }

    private static void Kostenverdeling(Plot plot, Vergelijking v)
    {
        // Models differ in cost by a factor of ten or more: on one euro scale the cheap ones are slivers. Each box is
        // therefore drawn relative to its own median (0 %), and the median itself is written under the model's name.
        plot.Title($"Spreiding van de kosten per model, ten opzichte van de eigen mediaan ({Opmaak.Geheel(v.Iteraties)} simulaties)", TitelGrootte);
        plot.YLabel("Afwijking van de mediaan van het model", AsLabelGrootte);
        plot.XLabel("Doos: 25–75 %, snorren: P5–P95, ruit: gemiddelde; onder de naam: de mediaan (0 %) in euro's", AsLabelGrootte);
        for (var i = 0; i < v.Modellen.Count; i++)
        {
            var m = v.Modellen[i];
            var kleur = Kleur(i);
            var sorted = m.KostenPerIteratie.ToArray();
            Array.Sort(sorted);
            var mediaan = m.Kosten.P50.Euros;
            double Rel(decimal x) => mediaan == 0m ? 0 : (double)((x / mediaan) - 1m) * 100;
            var box = new Box
            {
                Position = i,
                Width = 0.5,
                WhiskerMin = Rel(m.Kosten.P5.Euros),
                WhiskerMax = Rel(m.Kosten.P95.Euros),
                BoxMiddle = 0,
                BoxMin = sorted.Length == 0 ? Rel(m.Kosten.P5.Euros) : Rel(Percentiel(sorted, 0.25m)),
                BoxMax = sorted.Length == 0 ? Rel(m.Kosten.P95.Euros) : Rel(Percentiel(sorted, 0.75m)),
            };
            box.FillColor = kleur.WithAlpha(0.6);
            box.LineColor = kleur.Darken(0.4);
            box.LineWidth = 2;
            plot.Add.Box(box);
            plot.Add.Marker(i, Rel(m.Kosten.Gemiddelde.Euros), MarkerShape.FilledDiamond, 12, kleur.Darken(0.5));
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            Enumerable.Range(0, v.Modellen.Count).Select(i => (double)i).ToArray(),
            v.Modellen.Select(m => Omslaan(m.Naam, 18) + "\n" + Opmaak.EuroAfgerond(m.Kosten.P50)).ToArray());
        Categorisch(plot);
        plot.Axes.SetLimitsX(-0.6, v.Modellen.Count - 0.4);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = x => Opmaak.Getal((decimal)Math.Round(x, 1), 0) + " %", TickDensity = 0.5 };
        plot.Axes.Left.MinorTickStyle.Length = 0;
    }

    private static void KostenPerDuurzamePlaatsing(Plot plot, Vergelijking v)
    {
        plot.Title($"Kosten per duurzame plaatsing per model ({Opmaak.Geheel(v.Iteraties)} simulaties)", TitelGrootte);
        plot.YLabel("Kosten per duurzame plaatsing", AsLabelGrootte);
        if (v.Modellen.Count > 0 && v.Modellen.All(m => m.DuurzamePlaatsingen == v.Modellen[0].DuurzamePlaatsingen))
        {
            // The same client histories are settled under every model, so the number of durable plaatsingen is shared.
            plot.XLabel($"Gemiddeld {Opmaak.Getal(v.Modellen[0].DuurzamePlaatsingen, 1)} duurzame plaatsingen per simulatie van {Opmaak.Geheel(v.AantalClienten)} cliënten", AsLabelGrootte);
        }

        var bars = v.Modellen.Select((m, i) => new Bar
        {
            Position = i,
            Value = (double)m.KostenPerDuurzamePlaatsing.Euros,
            FillColor = Kleur(i),
            Size = 0.6,
            Label = Opmaak.EuroAfgerond(m.KostenPerDuurzamePlaatsing),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = TickGrootte;
        Modelas(plot, v);
        EuroAs(plot);
        plot.Axes.Margins(bottom: 0, top: 0.15);
    }

    private static void JaarkostenTegenBudget(Plot plot, Vergelijking v)
    {
        var jaren = v.Modellen.SelectMany(m => m.PerJaar.Select(j => j.Jaar)).Distinct().OrderBy(j => j).ToArray();
        var budget = v.BudgetPerJaar;
        plot.Title(
            budget is null ? $"Kosten per kalenderjaar per model ({Opmaak.Geheel(v.Iteraties)} simulaties)" : $"Kosten per kalenderjaar per model tegen het budget ({Opmaak.Geheel(v.Iteraties)} simulaties)",
            TitelGrootte);
        plot.YLabel("Kosten per jaar", AsLabelGrootte);
        plot.XLabel(
            budget is null ? "Kalenderjaar (staaf: gemiddelde, snor: P5–P95)" : "Kalenderjaar (staaf: gemiddelde, snor: P5–P95; kans boven budget: hoogste per jaar)",
            AsLabelGrootte);
        var n = Math.Max(1, v.Modellen.Count);
        var breedte = 0.8 / n;
        var p95 = new List<(double X, double Y, double Onder, double Boven)>();
        for (var i = 0; i < v.Modellen.Count; i++)
        {
            var m = v.Modellen[i];
            var kleur = Kleur(i);
            var bars = new List<Bar>();
            for (var j = 0; j < jaren.Length; j++)
            {
                var jk = m.PerJaar.FirstOrDefault(x => x.Jaar == jaren[j]);
                if (jk is null)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = j + ((i - ((n - 1) / 2.0)) * breedte),
                    Value = (double)jk.Gemiddelde.Euros,
                    FillColor = kleur,
                    Size = breedte * 0.9,
                });

                // The P95 can lie below a mean pulled up by a few costly simulations (and the P5 above one pulled down): no whisker then.
                var p5 = jk.P5 ?? jk.Gemiddelde;
                p95.Add((bars[^1].Position, (double)jk.Gemiddelde.Euros, (double)Math.Max(0m, (jk.Gemiddelde - p5).Euros), (double)Math.Max(0m, (jk.P95 - jk.Gemiddelde).Euros)));
            }

            var kans = budget is null || m.PerJaar.Count == 0 ? string.Empty : $" ({Opmaak.Procent(m.PerJaar.Max(j => j.KansBovenBudget))} kans boven budget)";
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = m.Naam + kans;
        }

        if (p95.Count > 0)
        {
            var snorren = plot.Add.ErrorBar(p95.Select(p => p.X).ToArray(), p95.Select(p => p.Y).ToArray(), p95.Select(p => p.Boven).ToArray());
            snorren.YErrorNegative = p95.Select(p => p.Onder).ToArray();
            snorren.Color = Colors.Black.WithAlpha(0.7);
            snorren.LineWidth = 1.5f;
            snorren.CapSize = 8;
        }

        if (budget is { } b)
        {
            var line = plot.Add.HorizontalLine((double)b.Euros, 2.5f, BudgetKleur, LinePattern.Dashed);
            line.LegendText = $"Budget: {Opmaak.EuroAfgerond(b)} per jaar";
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(
            Enumerable.Range(0, jaren.Length).Select(j => (double)j).ToArray(),
            jaren.Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Categorisch(plot);
        EuroAs(plot);
        plot.Axes.Margins(bottom: 0, top: 0.1);
        Legenda(plot);
    }

    private static void MargePerProfiel(Plot plot, Vergelijking v)
    {
        plot.Title($"Marge van de aanbieder per cliënt, per profiel en model ({Opmaak.Geheel(v.Iteraties)} simulaties)", TitelGrootte);
        plot.YLabel("Marge per cliënt (opbrengst − kosten)", AsLabelGrootte);
        var profielen = v.Modellen.SelectMany(m => m.PerProfiel.Select(p => p.Profiel)).Distinct().OrderBy(p => p).ToArray();
        var n = Math.Max(1, v.Modellen.Count);
        var breedte = 0.8 / n;
        for (var i = 0; i < v.Modellen.Count; i++)
        {
            var m = v.Modellen[i];
            var bars = new List<Bar>();
            for (var j = 0; j < profielen.Length; j++)
            {
                var p = m.PerProfiel.FirstOrDefault(x => x.Profiel == profielen[j]);
                if (p is null)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = j + ((i - ((n - 1) / 2.0)) * breedte),
                    Value = (double)p.MargePerClient.Euros,
                    FillColor = Kleur(i),
                    Size = breedte * 0.9,
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = $"{m.Naam} (marge profiel 1 − 4: {Opmaak.EuroAfgerond(m.Roomafroming)})";
        }

        plot.Add.HorizontalLine(0, 1, Colors.Black);
        var namen = profielen.Select(p => $"Profiel {p}: {ProfielOmschrijving(p)}\n{Opmaak.Geheel(Aantal(v, p))} cliënten").ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(0, profielen.Length).Select(j => (double)j).ToArray(), namen);
        Categorisch(plot);
        EuroAs(plot);
        plot.Axes.Margins(top: 0.1, bottom: 0.1);
        Legenda(plot);
    }

    private static void Tornado(Plot plot, Vergelijking v)
    {
        var t = v.Tornado ?? throw new ArgumentException("The comparison has no sensitivity analysis (tornado).", nameof(v));
        plot.Title($"Gevoeligheid van het kostenverschil {t.ModelA} − {t.ModelB}\n(elke parameter apart, voor alle profielen; {Opmaak.Geheel(v.Iteraties)} simulaties per variant)", TitelGrootte);
        plot.XLabel($"Verschil in verwachte kosten tot de horizon (basis {Opmaak.EuroAfgerond(t.Basisverschil)}, lijn)", AsLabelGrootte);
        var n = t.Balken.Count;
        var laag = new List<Bar>();
        var hoog = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var b = t.Balken[i];
            var y = n - 1 - i; // the widest swing on top
            laag.Add(new Bar { Position = y, ValueBase = (double)t.Basisverschil.Euros, Value = (double)b.VerschilLaag.Euros, FillColor = TornadoLaag, Size = 0.6, Orientation = Orientation.Horizontal });
            hoog.Add(new Bar { Position = y, ValueBase = (double)t.Basisverschil.Euros, Value = (double)b.VerschilHoog.Euros, FillColor = TornadoHoog, Size = 0.6, Orientation = Orientation.Horizontal });
        }

        var procenten = t.Balken.Select(b => b.Procent).Distinct().ToArray();
        var bereik = procenten.Length == 1 ? Opmaak.Getal(procenten[0], 0) + " %" : "het bereik";
        plot.Add.Bars(laag).LegendText = $"parameter − {bereik}";
        plot.Add.Bars(hoog).LegendText = $"parameter + {bereik}";
        plot.Add.VerticalLine((double)t.Basisverschil.Euros, 2, BudgetKleur);
        plot.Axes.Left.TickGenerator = new NumericManual(
            Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(),
            t.Balken.Select(b => Omslaan(Vergelijkingstabel.Parameternaam(b.Parameter) + $" (± {Opmaak.Getal(b.Procent, 0)} %)", 26)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = Opmaak.Euro, TickDensity = 0.5 };
        plot.Axes.Margins(left: 0.1, right: 0.1);
        Legenda(plot);
    }

    // Scenario, iterations, seed, version and date in small grey type along the bottom edge.
    private static void Voet(Plot plot, Vergelijking v, Grafiekopties o)
    {
        var voet = new Voetpanel();
        voet.Label.Text = Herkomst(v, o);
        voet.Label.FontSize = VoetGrootte;
        voet.Label.ForeColor = Colors.Black.WithAlpha(0.6);
        voet.Label.Bold = false;
        if (Lettertype.Value is { } font)
        {
            voet.Label.FontName = font;
        }

        plot.Axes.AddPanel(voet);
    }

    // A title wider than the figure is cut off at both ends: shrink it to fit, with 24 pixels to spare.
    private static void PasTitel(Plot plot, int breedte)
    {
        var label = plot.Axes.Title.Label;
        if (string.IsNullOrEmpty(label.Text))
        {
            return;
        }

        var typeface = label.Font ?? Fonts.GetTypeface(label.FontName, label.Bold, false);
        using var font = new SkiaSharp.SKFont(typeface, label.FontSize);
        var width = label.Text.Split('\n').Max(line => font.MeasureText(line));
        var available = breedte - 24f;
        if (width > available)
        {
            label.FontSize = Math.Max(10f, (float)Math.Floor(label.FontSize * available / width));
        }
    }

    private static int Aantal(Vergelijking v, int profiel)
        => v.Modellen.SelectMany(m => m.PerProfiel).FirstOrDefault(p => p.Profiel == profiel)?.AantalClienten ?? 0;

    private static string ProfielOmschrijving(int profiel) => profiel switch
    {
        1 => "kansrijk",
        2 => "werk < 1 jaar",
        3 => "werk < 2 jaar",
        4 => "participatie",
        _ => "onbekend",
    };

    private static void Opmaken(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = TitelGrootte;
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickGrootte;
            axis.Label.FontSize = AsLabelGrootte;
        }

        plot.Legend.FontSize = LegendaGrootte;
    }

    private static void Modelas(Plot plot, Vergelijking v)
    {
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            Enumerable.Range(0, v.Modellen.Count).Select(i => (double)i).ToArray(),
            v.Modellen.Select(m => Omslaan(m.Naam, 18)).ToArray());
        Categorisch(plot);
        plot.Axes.SetLimitsX(-0.6, v.Modellen.Count - 0.4);
    }

    private static void Categorisch(Plot plot)
    {
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
    }

    private static void EuroAs(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Opmaak.Euro, TickDensity = 0.5 };
        plot.Axes.Left.MinorTickStyle.Length = 0;
    }

    // Below the chart, outside the data area, so it never covers a bar or the budget line; one item per row, so a
    // long model name is never cut off at the image's edge (a horizontal row of five names is wider than the chart).
    private static void Legenda(Plot plot)
    {
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.FontSize = LegendaGrootte;
        plot.ShowLegend(Edge.Bottom);
    }

    // Every model keeps its colour in every chart.
    private static Color Kleur(int index) => Palet.GetColor(index);

    /// <summary>Wraps a name on spaces into lines of at most <paramref name="max"/> characters where possible.</summary>
    private static string Omslaan(string naam, int max)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in naam.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > max)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(word);
        }

        lines.Add(current.ToString());
        return string.Join("\n", lines);
    }

    /// <summary>Nearest-rank percentile of sorted values (as <see cref="Simulatie"/> computes P5/P50/P95).</summary>
    private static decimal Percentiel(decimal[] sorted, decimal q)
    {
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Max(0, Math.Min(sorted.Length - 1, rank - 1))];
    }
}

/// <summary>A line of small text below everything else in the figure, centred on the figure: the chart's provenance.</summary>
internal sealed class Voetpanel : ScottPlot.Panels.PanelBase
{
    private const float Marge = 6;

    public Voetpanel() => Edge = Edge.Bottom;

    public LabelStyle Label { get; } = new() { Alignment = Alignment.MiddleCenter };

    public override float Measure(Paint paint) => Label.Measure(Label.Text, paint).Height + (2 * Marge);

    public override void Render(RenderPack rp, float size, float offset)
    {
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        Label.Alignment = Alignment.MiddleCenter;
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.HorizontalCenter, rect.VerticalCenter), rp.Paint);
    }
}
