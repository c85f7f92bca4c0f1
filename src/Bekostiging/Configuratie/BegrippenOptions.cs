using System;
using System.Collections.Generic;
using Bekostiging.Terms;
using Microsoft.Extensions.Options;

namespace Bekostiging.Configuratie;

/// <summary>
/// The standard begrippen as configuration (section <c>Bekostiging:Begrippen</c>), with named overrides per contract
/// (section <c>Bekostiging:Contracten:{contractId}</c>, naming only the points where the contract deviates).
/// A mutable options class for Microsoft.Extensions.Options binding; turn it into the immutable
/// <see cref="Terms.Begrippen"/> with <see cref="ToBegrippen"/>.
/// </summary>
public sealed class BegrippenOptions
{
    /// <summary>The configuration section of the standard definitions.</summary>
    public const string Sectie = "Bekostiging:Begrippen";

    /// <summary>The configuration section under which each contract's overrides live, by contract id.</summary>
    public const string ContractenSectie = "Bekostiging:Contracten";

    /// <summary>The one rounding rule the library supports (domain.md §3).</summary>
    public const string RekenkundigAfronden = "RekenkundigHalfVanNul";

    /// <summary>Reclametermijn in weeks (default 6).</summary>
    public int ReclametermijnWeken { get; set; } = 6;

    /// <summary>Duurzaamheidstermijn in months, aaneengesloten (default 6).</summary>
    public int DuurzaamheidstermijnMaanden { get; set; } = 6;

    /// <summary>Minimum hours per week for a plaatsing to count (default 0: any).</summary>
    public decimal MinimumUrenPerWeek { get; set; }

    /// <summary>Opzegtermijn of verlengingsopties in months (default 3).</summary>
    public int OpzegtermijnMaanden { get; set; } = 3;

    /// <summary>The rounding rule; only <see cref="RekenkundigAfronden"/> (to cents, half away from zero) is supported.</summary>
    public string Afronding { get; set; } = RekenkundigAfronden;

    /// <summary>The immutable begrippen.</summary>
    /// <returns>The begrippen these options describe.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBegrip"/> when the options are invalid.</exception>
    public Begrippen ToBegrippen()
    {
        var errors = BegrippenOptionsValidator.Errors(this, null);
        if (errors.Count > 0)
        {
            throw new BekostigingException(FoutCode.OngeldigBegrip, string.Join(" ", errors));
        }

        return new Begrippen(Duur.Weken(ReclametermijnWeken), Duur.Maanden(DuurzaamheidstermijnMaanden), MinimumUrenPerWeek, Duur.Maanden(OpzegtermijnMaanden));
    }
}

/// <summary>
/// Validates <see cref="BegrippenOptions"/> so a municipal system learns of a bad definition at start-up
/// (with <c>ValidateOnStart</c>), not at the first invoice. Messages name the configuration key and the rule.
/// </summary>
public sealed class BegrippenOptionsValidator : IValidateOptions<BegrippenOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BegrippenOptions options)
    {
        Preconditions.NotNull(options, nameof(options));
        var errors = Errors(options, name);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Errors(BegrippenOptions o, string? name)
    {
        var section = string.IsNullOrEmpty(name) ? BegrippenOptions.Sectie : $"{BegrippenOptions.ContractenSectie}:{name}";
        var errors = new List<string>();
        void Rule(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(FormattableString.Invariant($"{section}:{key} = {value}: {rule}"));
            }
        }

        Rule(o.ReclametermijnWeken is >= 0 and <= 52, nameof(o.ReclametermijnWeken), o.ReclametermijnWeken, "a reclametermijn lies between 0 and 52 weeks.");
        Rule(o.DuurzaamheidstermijnMaanden is >= 1 and <= 36, nameof(o.DuurzaamheidstermijnMaanden), o.DuurzaamheidstermijnMaanden, "a duurzaamheidstermijn lies between 1 and 36 months.");
        Rule(o.MinimumUrenPerWeek is >= 0m and <= 168m, nameof(o.MinimumUrenPerWeek), o.MinimumUrenPerWeek, "minimum hours per week lie between 0 and 168.");
        Rule(o.OpzegtermijnMaanden is >= 0 and <= 24, nameof(o.OpzegtermijnMaanden), o.OpzegtermijnMaanden, "an opzegtermijn lies between 0 and 24 months.");
        Rule(o.Afronding == BegrippenOptions.RekenkundigAfronden, nameof(o.Afronding), o.Afronding ?? "null", $"the only supported rounding is '{BegrippenOptions.RekenkundigAfronden}' (to cents, half away from zero).");
        return errors;
    }
}

/// <summary>The begrippen per contract, from named options: the standard definitions with each contract's overrides.</summary>
public sealed class BegrippenPerContract
{
    private readonly IOptionsMonitor<BegrippenOptions> _options;

    /// <summary>Creates the lookup.</summary>
    /// <param name="options">The named options (name = contract id; the default name holds the standard).</param>
    public BegrippenPerContract(IOptionsMonitor<BegrippenOptions> options) => _options = Preconditions.NotNull(options, nameof(options));

    /// <summary>The standard begrippen.</summary>
    public Begrippen Standaard => _options.CurrentValue.ToBegrippen();

    /// <summary>The begrippen of a contract: the standard with the contract's overrides.</summary>
    /// <param name="contractId">The contract id.</param>
    /// <returns>The begrippen in force.</returns>
    public Begrippen Voor(string contractId) => _options.Get(contractId).ToBegrippen();
}
