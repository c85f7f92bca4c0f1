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

    [Fact]
    public void Fouten_names_the_contract_section_key_value_and_rule_without_throwing()
    {
        var o = new BegrippenOptions { ReclametermijnWeken = 60, OpzegtermijnMaanden = 25 };
        Assert.Equal(
            new[]
            {
                "Bekostiging:Contracten:ABG-2026:ReclametermijnWeken = 60: a reclametermijn lies between 0 and 52 weeks.",
                "Bekostiging:Contracten:ABG-2026:OpzegtermijnMaanden = 25: an opzegtermijn lies between 0 and 24 months.",
            },
            o.Fouten("ABG-2026"));
        Assert.Empty(new BegrippenOptions().Fouten());
        var result = new BegrippenOptionsValidator().Validate("ABG-2026", o);
        Assert.True(result.Failed);
        Assert.Equal(o.Fouten("ABG-2026"), result.Failures);
    }

    [Fact]
    public void The_core_package_does_not_depend_on_Microsoft_Extensions_and_AddBekostiging_follows_the_DI_convention()
    {
        var references = typeof(BegrippenOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions", System.StringComparison.Ordinal));
        Assert.Contains("NodaTime", references);
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(BekostigingServiceCollectionExtensions).Namespace);
        Assert.Equal(typeof(BegrippenPerContract).Assembly, typeof(BegrippenOptionsValidator).Assembly);
        Assert.NotEqual(typeof(BegrippenOptions).Assembly, typeof(BegrippenOptionsValidator).Assembly);
    }
}
