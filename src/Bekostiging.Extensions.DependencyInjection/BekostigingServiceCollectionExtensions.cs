using Bekostiging.Configuratie;
using Bekostiging.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the namespace of IServiceCollection, as the extensions of Microsoft.Extensions.* and most libraries are:
// `services.AddBekostiging(...)` is found without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of Bekostiging's configuration in a host's services.</summary>
public static class BekostigingServiceCollectionExtensions
{
    /// <summary>
    /// Binds the standard begrippen from <c>Bekostiging:Begrippen</c> and, for every child of
    /// <c>Bekostiging:Contracten</c>, a named <see cref="BegrippenOptions"/> (name = contract id) that starts from the
    /// standard and applies the contract's overrides. Validates every one at start-up (<c>ValidateOnStart</c>) and
    /// registers <see cref="BegrippenPerContract"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (e.g. from appsettings.json).</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBekostiging(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new System.ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new System.ArgumentNullException(nameof(configuration));
        }

        var standaard = configuration.GetSection(BegrippenOptions.Sectie);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BegrippenOptions>, BegrippenOptionsValidator>());
        // The standard section applies to every instance (a contract without a section of its own gets the standard);
        // each contract's section is applied on top of it.
        services.Configure<BegrippenOptions>(name: null, standaard);
        services.AddOptions<BegrippenOptions>().ValidateOnStart();
        foreach (var contract in configuration.GetSection(BegrippenOptions.ContractenSectie).GetChildren())
        {
            services.AddOptions<BegrippenOptions>(contract.Key)
                .Bind(contract)
                .ValidateOnStart();
        }

        services.TryAddSingleton<BegrippenPerContract>();
        return services;
    }
}
