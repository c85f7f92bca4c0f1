using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Configuratie;
using Bekostiging.Extensions.DependencyInjection;
using Bekostiging.Terms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bekostiging.Tests.Contracts;

public class BegrippenOptionsTests
{
    private static ServiceProvider Build(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return new ServiceCollection().AddBekostiging(configuration).BuildServiceProvider();
    }

    private const string AppSettings = """
        {
          "Bekostiging": {
            "Begrippen": { "ReclametermijnWeken": 6, "DuurzaamheidstermijnMaanden": 6, "MinimumUrenPerWeek": 12 },
            "Contracten": {
              "ABG-2026": { "ReclametermijnWeken": 8 },
              "WSW-2019": { "DuurzaamheidstermijnMaanden": 12, "MinimumUrenPerWeek": 0 }
            }
          }
        }
        """;

    [Fact]
    public void Standard_begrippen_bind_from_configuration_with_named_overrides_per_contract()
    {
        using var sp = Build(AppSettings);
        var lookup = sp.GetRequiredService<BegrippenPerContract>();
        Assert.Equal(Duur.Weken(6), lookup.Standaard.Reclametermijn);
        Assert.Equal(12m, lookup.Standaard.MinimumUrenPerWeek);

        // ABG overrides only the reclametermijn; the rest comes from the standard section.
        var abg = lookup.Voor("ABG-2026");
        Assert.Equal(Duur.Weken(8), abg.Reclametermijn);
        Assert.Equal(12m, abg.MinimumUrenPerWeek);
        Assert.Equal(Duur.Maanden(6), abg.Duurzaamheidstermijn);

        var wsw = lookup.Voor("WSW-2019");
        Assert.Equal(Duur.Maanden(12), wsw.Duurzaamheidstermijn);
        Assert.Equal(0m, wsw.MinimumUrenPerWeek);
        Assert.Equal(Duur.Weken(6), wsw.Reclametermijn);
        Assert.Equal(Duurzaamheid.Aaneengesloten(Duur.Maanden(12)), wsw.Resultaat.Duurzaamheid);
    }

    [Fact]
    public void Defaults_without_configuration_are_the_domain_defaults()
    {
        using var sp = Build("{}");
        Assert.Equal(Begrippen.Standaard, sp.GetRequiredService<BegrippenPerContract>().Standaard);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_bad_definition_fails_at_start_up_with_the_key_and_the_rule()
    {
        using var sp = Build("""
            { "Bekostiging": { "Begrippen": { "ReclametermijnWeken": 60 },
                               "Contracten": { "ABG-2026": { "Afronding": "Bankiers" } } } }
            """);
        // With several failing option instances the validator reports them together (an AggregateException of OptionsValidationExceptions).
        var ex = await Assert.ThrowsAnyAsync<System.Exception>(async () => await sp.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(default));
        var failures = ex is System.AggregateException agg ? agg.InnerExceptions.OfType<OptionsValidationException>() : new[] { (OptionsValidationException)ex };
        var all = string.Join("\n", failures.SelectMany(f => f.Failures));
        Assert.Contains("Bekostiging:Begrippen:ReclametermijnWeken = 60: a reclametermijn lies between 0 and 52 weeks.", all, System.StringComparison.Ordinal);
        Assert.Contains("Bekostiging:Contracten:ABG-2026:Afronding = Bankiers", all, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_DI_the_options_convert_directly_and_invalid_ones_are_typed_errors()
    {
        var o = new BegrippenOptions { ReclametermijnWeken = 4 };
        Assert.Equal(Duur.Weken(4), o.ToBegrippen().Reclametermijn);
        var ex = Assert.Throws<BekostigingException>(() => new BegrippenOptions { DuurzaamheidstermijnMaanden = 0 }.ToBegrippen());
        Assert.Equal(FoutCode.OngeldigBegrip, ex.Code);
        Assert.Contains("DuurzaamheidstermijnMaanden = 0", ex.Message, System.StringComparison.Ordinal);
        Assert.True(new BegrippenOptionsValidator().Validate(null, new BegrippenOptions()).Succeeded);
    }
}

