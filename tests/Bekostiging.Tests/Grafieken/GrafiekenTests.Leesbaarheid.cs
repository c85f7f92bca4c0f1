using System;
using System.Linq;
using Bekostiging.Grafieken;
using Bekostiging.Scenarios;
using NodaTime;
using ScottPlot;
using Xunit;
using Diagrammen = Bekostiging.Grafieken.Grafiekmaker;

namespace Bekostiging.Tests.Grafieken;

/// <summary>Charts that do not mislead: legends inside the image, a footer with provenance, a budget colour no model uses, readable boxes, the tornado.</summary>
public sealed class GrafiekenLeesbaarheidTests
{
    private static Vergelijking MetDatum() => HandgemaakteVergelijking.MetBudget() with { Rekendatum = new LocalDate(2026, 12, 4) };

    /// <summary>Five models with long names, as the sample has: the legend that used to be cut off at the image's edge.</summary>
    private static Vergelijking VijfModellen()
    {
        var namen = new[] { "Uurtarief € 86", "Trajectprijs + resultaatbonus", "Starttarief + bonus per uitstroomtype", "No cure less pay (50 %)", "UWV plaatsingsfee" };
        var m = HandgemaakteVergelijking.Bonus;
        return MetDatum() with { Modellen = namen.Select(n => m with { Naam = n }).ToValueList() };
    }

    [Theory]
    [InlineData(Grafiek.JaarkostenTegenBudget)]
    [InlineData(Grafiek.MargePerProfiel)]
    public void The_legend_lies_inside_the_image(Grafiek grafiek)
    {
        using var plot = Diagrammen.Maak(VijfModellen(), grafiek);
        var png = plot.GetImageBytes(1000, 600, ImageFormat.Png);
        Assert.Equal((byte)0x89, png[0]);
        var render = plot.RenderManager.LastRender;
        Assert.Equal(1000, render.FigureRect.Width);
        Assert.Equal(600, render.FigureRect.Height);

        // The legend panel ScottPlot laid out, and the legend's own layout within the space it had.
        var panel = render.Layout.PanelSizes.Keys.OfType<ScottPlot.Panels.LegendPanel>().Single();
        var hoogte = render.Layout.PanelSizes[panel];
        using var paint = Paint.NewDisposablePaint();
        var layout = plot.Legend.GetLayout(new PixelSize(render.FigureRect.Width, hoogte), paint);
        Assert.Equal(6 - (grafiek == Grafiek.MargePerProfiel ? 1 : 0), layout.LabelRects.Length); // five models (+ the budget)
        Assert.True(layout.LegendRect.Width <= render.FigureRect.Width, $"legend {layout.LegendRect.Width} px wide in a {render.FigureRect.Width} px image");
        Assert.True(layout.LegendRect.Height <= hoogte + 1, $"legend {layout.LegendRect.Height} px high in a {hoogte} px panel");

        // Below the data area and above the bottom of the image.
        var boven = render.DataRect.Bottom;
        Assert.True(boven + hoogte <= render.FigureRect.Bottom, $"legend panel {boven}–{boven + hoogte} past the image's bottom {render.FigureRect.Bottom}");
    }

    [Fact]
    public void Every_chart_has_a_footer_with_scenario_iterations_seed_version_and_date()
    {
        var v = MetDatum();
        Assert.Equal("Scenario „proef” · 1.000 simulaties · seed 2026 · Bekostiging 9.9.9 · 2026-12-04", Diagrammen.Herkomst(v, new Grafiekopties(Versie: "9.9.9")));
        Assert.StartsWith("Scenario „proef” · 1.000 simulaties · seed 2026 · Bekostiging 0.1.0", Diagrammen.Herkomst(v), StringComparison.Ordinal);
        Assert.EndsWith("datum niet opgegeven", Diagrammen.Herkomst(HandgemaakteVergelijking.MetBudget()), StringComparison.Ordinal);
        foreach (var g in Diagrammen.Alle)
        {
            var svg = Diagrammen.Svg(v, g);
            Assert.Contains("2026-12-04", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_budget_line_has_a_colour_no_model_has()
    {
        using var plot = Diagrammen.Maak(VijfModellen(), Grafiek.JaarkostenTegenBudget);
        var budget = plot.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single().LineColor;
        var modelKleuren = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Select(b => b.Bars.First().FillColor).ToArray();
        Assert.Equal(5, modelKleuren.Distinct().Count());
        Assert.DoesNotContain(budget, modelKleuren);
    }

    [Fact]
    public void Whiskers_of_the_yearly_cost_run_from_P5_to_P95()
    {
        var m = HandgemaakteVergelijking.Bonus with
        {
            PerJaar = ValueList.Of(new Jaarkosten(2026, Bedrag.Van(15000m), Bedrag.Van(20000m), 0m, Bedrag.Van(11000m))),
        };
        using var plot = Diagrammen.Maak(MetDatum() with { Modellen = ValueList.Of(m) }, Grafiek.JaarkostenTegenBudget);
        var snor = plot.GetPlottables<ScottPlot.Plottables.ErrorBar>().Single();

        // Mean 15,000: down 4,000 to P5 = 11,000, up 5,000 to P95 = 20,000.
        Assert.Equal(4000d, snor.YErrorNegative!.Single());
        Assert.Equal(5000d, snor.YErrorPositive!.Single());
    }

    [Fact]
    public void Boxes_are_drawn_relative_to_each_models_median()
    {
        using var plot = Diagrammen.Maak(HandgemaakteVergelijking.MetBudget(), Grafiek.Kostenverdeling);
        var boxen = plot.GetPlottables<ScottPlot.Plottables.BoxPlot>().SelectMany(b => b.Boxes).ToArray();

        // Starttarief + bonus: P5 41,000, P50 47,000, P95 53,000 → −12.77 % and +12.77 %.
        Assert.Equal((41000d / 47000d - 1) * 100, boxen[0].WhiskerMin!.Value, 6);
        Assert.Equal((53000d / 47000d - 1) * 100, boxen[0].WhiskerMax!.Value, 6);
        Assert.Equal(0d, boxen[0].BoxMiddle!.Value);

        // Uurtarief: P5 195,392, P50 219,128 → −10.83 %: both boxes fill the same scale, however far apart in euros.
        Assert.Equal((195392d / 219128d - 1) * 100, boxen[1].WhiskerMin!.Value, 6);
    }

    [Fact]
    public void The_tornado_is_drawn_only_with_a_sensitivity_analysis()
    {
        var zonder = HandgemaakteVergelijking.MetBudget();
        Assert.DoesNotContain(Grafiek.Tornado, Diagrammen.Voor(zonder));
        var t = new Tornado("Starttarief + bonus", "Uur|tarief; 86,00", Bedrag.Van(-172000m), ValueList.Of(
            new Tornadobalk(Gedragsparameter.UrenBegeleidingPerMaand, 25m, Bedrag.Van(-120000m), Bedrag.Van(-224000m)),
            new Tornadobalk(Gedragsparameter.KansPlaatsingPerMaand, 25m, Bedrag.Van(-180000m), Bedrag.Van(-165000m))));
        var met = zonder with { Tornado = t };
        Assert.Equal(Grafiek.Tornado, Diagrammen.Voor(met)[^1]);
        using var plot = Diagrammen.Maak(met, Grafiek.Tornado);
        var series = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToArray();
        Assert.Equal(2, series.Length);

        // Each bar starts at the base difference and ends at the difference with the parameter moved.
        Assert.All(series.SelectMany(s => s.Bars), b => Assert.Equal(-172000d, b.ValueBase));
        Assert.Equal(new[] { -120000d, -180000d }, series[0].Bars.Select(b => b.Value).ToArray());
        Assert.Equal(new[] { -224000d, -165000d }, series[1].Bars.Select(b => b.Value).ToArray());
        Assert.Throws<ArgumentException>(() => Diagrammen.Maak(zonder, Grafiek.Tornado));
    }
}
