using System.Collections.Generic;
using System.Linq;

namespace Bekostiging.Terms;

/// <summary>One step of a staircase: paid when a spell has lasted <paramref name="Duur"/>.</summary>
/// <param name="Duur">How long the spell must have lasted, from its first day.</param>
/// <param name="Bedrag">The amount of the step.</param>
public sealed record Trapstap(Duur Duur, Bedrag Bedrag);

/// <summary>
/// A staircase of durability steps (UWV plaatsingsfee €300/€700/€500 at 3/6/12 months; outcome after 26 weeks then
/// sustainment per 4 weeks). Step k is due on B + its duration when the spell lasts until the day before; each step
/// is paid once per traject, by the first spell that reaches it. The definition's durability is not used (the steps
/// are the durability); its waiting period, if any, delays each step to at least B + waiting period.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/k</c> (1-based).</param>
/// <param name="Definitie">Which plaatsingen count.</param>
/// <param name="Stappen">The steps, in increasing duration.</param>
public sealed record Trap(string Code, Resultaatdefinitie Definitie, ValueList<Trapstap> Stappen) : Betaalregel(Code)
{
    /// <summary>The steps.</summary>
    public ValueList<Trapstap> Stappen { get; init => field = ValideerStappen(Code, value); } = ValideerStappen(Code, Stappen);

    /// <summary>
    /// A staircase of a first step followed by <paramref name="herhalingen"/> equal steps every
    /// <paramref name="interval"/> (UK Work Programme style: outcome after 182 days, then €85 per 28 days, 20 times).
    /// </summary>
    /// <param name="code">The rule code.</param>
    /// <param name="definitie">Which plaatsingen count.</param>
    /// <param name="eerste">The first step's duration (in days or weeks, or months).</param>
    /// <param name="eersteBedrag">The first step's amount.</param>
    /// <param name="interval">The time between later steps (same unit as <paramref name="eerste"/>).</param>
    /// <param name="bedragPerHerhaling">The amount of each later step.</param>
    /// <param name="herhalingen">The number of later steps.</param>
    /// <returns>The staircase.</returns>
    public static Trap MetHerhaling(string code, Resultaatdefinitie definitie, Duur eerste, Bedrag eersteBedrag, Duur interval, Bedrag bedragPerHerhaling, int herhalingen)
    {
        Preconditions.Check(interval.Eenheid == eerste.Eenheid, nameof(interval), interval, "the interval has the unit of the first step.");
        Preconditions.Check(herhalingen >= 0, nameof(herhalingen), herhalingen, "not negative.");
        var steps = new List<Trapstap> { new(eerste, eersteBedrag) };
        for (var i = 1; i <= herhalingen; i++)
        {
            steps.Add(new Trapstap(new Duur(eerste.Aantal + (i * interval.Aantal), eerste.Eenheid), bedragPerHerhaling));
        }

        return new Trap(code, definitie, steps.ToValueList());
    }

    /// <inheritdoc />
    public override string Omschrijving => "trap: " + string.Join(", ", Stappen.Select(s => $"{s.Bedrag} na {s.Duur}"));

    private static ValueList<Trapstap> ValideerStappen(string code, ValueList<Trapstap> stappen) => Preconditions.Geldig(
        stappen,
        Preconditions.ZonderNull(stappen, nameof(Stappen)).Count > 0 && stappen.All(s => !s.Bedrag.IsNegatief && s.Duur.Aantal > 0),
        $"Trap {code}: at least one step, each with a positive duration and an amount not negative.");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
