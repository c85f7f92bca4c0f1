using System;
using System.Collections.Generic;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>
/// The one place that knows which evaluator settles which building block. Adding a block is its terms record, its
/// evaluator and one line here.
/// </summary>
internal static class RegelRegister
{
    private static readonly Dictionary<Type, IRegel> Evaluatoren = Bouw(
        new EenmaligRegel(),
        new PerEenheidRegel(),
        new PerModuleRegel(),
        new PerPeriodeRegel(),
        new TermijnenRegel(),
        new PrijsdelenRegel(),
        new BijResultaatRegel(),
        new TrapRegel(),
        new PerTredeRegel(),
        new VerlengingstariefRegel());

    /// <summary>The evaluator of <paramref name="regel"/>'s building block.</summary>
    /// <exception cref="InvalidOperationException">For a block without an evaluator (a defect of the library).</exception>
    public static IRegel Voor(Betaalregel regel)
        => Evaluatoren.TryGetValue(regel.GetType(), out var evaluator)
            ? evaluator
            : throw new InvalidOperationException($"No evaluator is registered for building block {regel.GetType().Name}.");

    /// <summary>Whether <paramref name="regel"/>'s block has an evaluator.</summary>
    public static bool Kent(Betaalregel regel) => Evaluatoren.ContainsKey(regel.GetType());

    private static Dictionary<Type, IRegel> Bouw(params IRegel[] evaluatoren)
    {
        var result = new Dictionary<Type, IRegel>(evaluatoren.Length);
        foreach (var e in evaluatoren)
        {
            result.Add(e.Bouwsteen, e);
        }

        return result;
    }
}
