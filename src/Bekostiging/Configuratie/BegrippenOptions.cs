using System;
using System.Collections.Generic;
using Bekostiging.Terms;

namespace Bekostiging.Configuratie;

/// <summary>
/// The standard begrippen as configuration (section <c>Bekostiging:Begrippen</c>), with named overrides per contract
/// (section <c>Bekostiging:Contracten:{contractId}</c>, naming only the points where the contract deviates).
/// A mutable options class for configuration binding (the package Bekostiging.Extensions.DependencyInjection binds
/// and validates it with Microsoft.Extensions.Options; the core does not depend on that); turn it into the immutable
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
        var errors = BegrippenRegels.Errors(this, null);
        Preconditions.Check(errors.Count == 0, FoutCode.OngeldigBegrip, $"{string.Join(" ", errors)}");

        return new Begrippen(Duur.Weken(ReclametermijnWeken), Duur.Maanden(DuurzaamheidstermijnMaanden), MinimumUrenPerWeek, Duur.Maanden(OpzegtermijnMaanden));
    }

    /// <summary>
    /// The rules these options break, one message each naming the configuration key, the value and the rule
    /// (e.g. <c>Bekostiging:Contracten:ABG-2026:ReclametermijnWeken = 60: a reclametermijn lies between 0 and 52 weeks.</c>).
    /// </summary>
    /// <param name="contractId">The contract whose section these options come from, or <see langword="null"/> for the standard section.</param>
    /// <returns>The messages; empty when the options are valid.</returns>
    public IReadOnlyList<string> Fouten(string? contractId = null) => BegrippenRegels.Errors(this, contractId);
}

/// <summary>The rules of <see cref="BegrippenOptions"/>, shared by <see cref="BegrippenOptions.ToBegrippen"/> and the start-up validator.</summary>
internal static class BegrippenRegels
{
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
