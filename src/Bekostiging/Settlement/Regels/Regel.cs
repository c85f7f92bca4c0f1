using System;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>The evaluator of one building block, as the engine calls it (see <see cref="Regel{T}"/>).</summary>
internal interface IRegel
{
    /// <summary>The terms record this evaluator settles.</summary>
    Type Bouwsteen { get; }

    /// <summary>Applies <paramref name="regel"/> (the model's rule at <paramref name="index"/>) to the traject of <paramref name="ctx"/>.</summary>
    void Evalueer(Betaalregel regel, int index, RegelContext ctx, Posten uit);
}

/// <summary>
/// The evaluator of a building block <typeparamref name="T"/>: reads the timeline and tariffs of <see cref="RegelContext"/>
/// and yields posts (lines) and not-payable posts into <see cref="Posten"/>. Stateless: one instance serves every
/// traject on every thread (it is registered once in <see cref="RegelRegister"/>).
/// </summary>
/// <typeparam name="T">The terms record.</typeparam>
internal abstract class Regel<T> : IRegel
    where T : Betaalregel
{
    public Type Bouwsteen => typeof(T);

    /// <summary>Applies <paramref name="regel"/>, the model's rule at position <paramref name="index"/> (the lines' tie-breaker).</summary>
    /// <param name="regel">The rule.</param>
    /// <param name="index">Its position in <see cref="Bekostigingsmodel.Regels"/>.</param>
    /// <param name="ctx">The traject's timeline, tariffs and begrippen.</param>
    /// <param name="uit">Where the posts go.</param>
    public abstract void Evalueer(T regel, int index, RegelContext ctx, Posten uit);

    void IRegel.Evalueer(Betaalregel regel, int index, RegelContext ctx, Posten uit) => Evalueer((T)regel, index, ctx, uit);
}
