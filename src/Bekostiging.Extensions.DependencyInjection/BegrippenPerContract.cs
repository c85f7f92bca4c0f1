using Bekostiging.Configuratie;
using Bekostiging.Terms;
using Microsoft.Extensions.Options;

namespace Bekostiging.Extensions.DependencyInjection;

/// <summary>The begrippen per contract, from named options: the standard definitions with each contract's overrides.</summary>
public sealed class BegrippenPerContract
{
    private readonly IOptionsMonitor<BegrippenOptions> _options;

    /// <summary>Creates the lookup.</summary>
    /// <param name="options">The named options (name = contract id; the default name holds the standard).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    public BegrippenPerContract(IOptionsMonitor<BegrippenOptions> options)
        => _options = options ?? throw new System.ArgumentNullException(nameof(options));

    /// <summary>The standard begrippen.</summary>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBegrip"/> when the standard section is invalid.</exception>
    public Begrippen Standaard => _options.CurrentValue.ToBegrippen();

    /// <summary>The begrippen of a contract: the standard with the contract's overrides.</summary>
    /// <param name="contractId">The contract id.</param>
    /// <returns>The begrippen in force.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBegrip"/> when the contract's options are invalid.</exception>
    public Begrippen Voor(string contractId) => _options.Get(contractId).ToBegrippen();
}
