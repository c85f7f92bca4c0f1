using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using Bekostiging.Grafieken;
using Bekostiging.Scenarios;
using Bekostiging.Tests.Scenarios;
using Xunit;
// The test folder's namespace Bekostiging.Tests.Grafieken hides the class of the same name.
using Diagrammen = Bekostiging.Grafieken.Grafiekmaker;

namespace Bekostiging.Tests.Grafieken;

public sealed class GrafiekenTests : IDisposable
{
    private static readonly byte[] PngHandtekening = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private readonly string _map = Path.Combine(Path.GetTempPath(), "bekostiging-grafieken-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_map))
        {
            Directory.Delete(_map, recursive: true);
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature.</summary>
    private static (int Breedte, int Hoogte) PngMaat(byte[] png)
    {
        Assert.True(png.Length > 24, "a PNG has at least a signature and an IHDR chunk");
        Assert.Equal(PngHandtekening, png.Take(8).ToArray());
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Schrijf_writes_every_chart_as_png_and_svg_of_the_default_size()
    {
        var paths = Diagrammen.Schrijf(HandgemaakteVergelijking.MetBudget(), _map);

        var expected = Diagrammen.Alle.SelectMany(g => new[] { Diagrammen.Bestandsnaam(g) + ".png", Diagrammen.Bestandsnaam(g) + ".svg" }).ToArray();
        Assert.Equal(expected, paths.Select(Path.GetFileName).ToArray());
        Assert.Equal(8, paths.Count);
        foreach (var path in paths)
        {
            Assert.True(Path.IsPathRooted(path), path);
            Assert.Equal(Path.GetFullPath(_map), Path.GetDirectoryName(path));
            Assert.True(new FileInfo(path).Length > 1000, $"{path} is not empty");
        }

        foreach (var png in paths.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.Equal((1000, 600), PngMaat(File.ReadAllBytes(png)));
        }

        foreach (var svg in paths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(svg);
            Assert.StartsWith("<?xml", text, StringComparison.Ordinal);
            Assert.Contains("<svg", text, StringComparison.Ordinal);
            Assert.Contains("width=\"1000\" height=\"600\"", text, StringComparison.Ordinal);
            Assert.Contains("€ ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_choose_the_size_and_the_formats()
    {
        var paths = Diagrammen.Schrijf(HandgemaakteVergelijking.ZonderBudget(), _map, new Grafiekopties(Breedte: 800, Hoogte: 500, Svg: false));
        Assert.Equal(4, paths.Count);
        Assert.All(paths, p => Assert.Equal((800, 500), PngMaat(File.ReadAllBytes(p))));
        Assert.Empty(Directory.GetFiles(_map, "*.svg"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diagrammen.Png(HandgemaakteVergelijking.MetBudget(), Grafiek.Kostenverdeling, new Grafiekopties(Breedte: 50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diagrammen.Schrijf(HandgemaakteVergelijking.MetBudget(), _map, new Grafiekopties(Hoogte: 20_000)));
    }

    [Fact]
    public void A_simulated_comparison_renders_every_chart()
    {
        var v = Simulatie.Vergelijk(SimulatieTests.Sample(iteraties: 12), new Simulatieopties(MetGevoeligheid: false));
        foreach (var g in Diagrammen.Alle)
        {
            Assert.Equal((1000, 600), PngMaat(Diagrammen.Png(v, g)));
            var svg = Diagrammen.Svg(v, g, new Grafiekopties(640, 480));
            Assert.Contains("width=\"640\" height=\"480\"", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Titles_say_what_is_compared()
    {
        var v = HandgemaakteVergelijking.MetBudget();
        string Titel(Grafiek g)
        {
            using var plot = Diagrammen.Maak(v, g);
            return plot.Axes.Title.Label.Text;
        }

        // Every model of the hand-made comparison assumes the same behaviour, and the title says so.
        const string Gelijk = "\n(gedrag van de aanbieder gelijk verondersteld onder alle modellen)";
        Assert.Equal("Spreiding van de kosten per model, ten opzichte van de eigen mediaan (1.000 simulaties)" + Gelijk, Titel(Grafiek.Kostenverdeling));
        Assert.Equal("Kosten per duurzame plaatsing per model (1.000 simulaties)" + Gelijk, Titel(Grafiek.KostenPerDuurzamePlaatsing));
        Assert.Equal("Kosten per kalenderjaar per model tegen het budget (1.000 simulaties)" + Gelijk, Titel(Grafiek.JaarkostenTegenBudget));
        Assert.Equal("Marge van de aanbieder per cliënt, per profiel en model (1.000 simulaties)" + Gelijk, Titel(Grafiek.MargePerProfiel));
        using var zonder = Diagrammen.Maak(HandgemaakteVergelijking.ZonderBudget(), Grafiek.JaarkostenTegenBudget);
        Assert.Equal("Kosten per kalenderjaar per model (1.000 simulaties)" + Gelijk, zonder.Axes.Title.Label.Text);
    }

    [Fact]
    public void A_title_is_made_smaller_to_fit_a_narrow_chart()
    {
        var v = HandgemaakteVergelijking.MetBudget();
        using var breed = Diagrammen.Maak(v, Grafiek.MargePerProfiel);
        using var smal = Diagrammen.Maak(v, Grafiek.MargePerProfiel, new Grafiekopties(Breedte: 500, Hoogte: 400));
        Assert.Equal(22f, breed.Axes.Title.Label.FontSize);
        Assert.InRange(smal.Axes.Title.Label.FontSize, 10f, 13f);
    }

    [Fact]
    public void Euro_ticks_are_Dutch_and_never_scientific()
    {
        foreach (var g in Diagrammen.Alle.Where(g => g != Grafiek.Kostenverdeling))
        {
            using var plot = Diagrammen.Maak(HandgemaakteVergelijking.MetBudget(), g);
            plot.GetImageBytes(1000, 600, ScottPlot.ImageFormat.Png);
            var labels = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
            Assert.NotEmpty(labels);
            Assert.All(labels, l => Assert.Matches(@"^€ -?\d{1,3}(\.\d{3})*(,\d\d)?$", l));
        }

        // The box plot is relative to each model's own median: percentages.
        using var boxen = Diagrammen.Maak(HandgemaakteVergelijking.MetBudget(), Grafiek.Kostenverdeling);
        boxen.GetImageBytes(1000, 600, ScottPlot.ImageFormat.Png);
        Assert.All(boxen.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label), l => Assert.Matches(@"^-?\d+ %$", l));
    }

    [Fact]
    public void The_budget_line_and_legend_appear_only_with_a_budget()
    {
        using var met = Diagrammen.Maak(HandgemaakteVergelijking.MetBudget(), Grafiek.JaarkostenTegenBudget);
        var line = Assert.Single(met.GetPlottables<ScottPlot.Plottables.HorizontalLine>());
        Assert.Equal(200000d, line.Y);
        Assert.Equal("Budget: € 200.000 per jaar", line.LegendText);
        var legend = met.GetPlottables<ScottPlot.Plottables.BarPlot>().Select(b => b.LegendText).ToArray();
        Assert.Equal(new[] { "Starttarief + bonus (12,5 % kans boven budget)", "Uur|tarief; 86,00 (0,0 % kans boven budget)" }, legend);

        using var zonder = Diagrammen.Maak(HandgemaakteVergelijking.ZonderBudget(), Grafiek.JaarkostenTegenBudget);
        Assert.Empty(zonder.GetPlottables<ScottPlot.Plottables.HorizontalLine>());
    }

    [Fact]
    public void Margin_chart_has_a_bar_per_model_and_profiel_with_clients()
    {
        using var plot = Diagrammen.Maak(HandgemaakteVergelijking.MetBudget(), Grafiek.MargePerProfiel);
        var series = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToArray();
        Assert.Equal(2, series.Length);
        Assert.Equal(new[] { 1234.56, -842.62, -5402.10 }, series[0].Bars.Select(b => b.Value).ToArray());
        Assert.Equal(new[] { 1243.00, 1766.39, 2210.81, 2665.91 }, series[1].Bars.Select(b => b.Value).ToArray());
        Assert.Equal("Starttarief + bonus (marge profiel 1 − 4: € 6.637)", series[0].LegendText);
    }
}
