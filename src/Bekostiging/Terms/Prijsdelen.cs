using System.Linq;

namespace Bekostiging.Terms;

/// <summary>One part of a price split by percentages: its share and the event that makes it due.</summary>
/// <param name="Percentage">The share of the price in percent, in [0, 100].</param>
/// <param name="Aanleiding">What makes the part due (as <see cref="Eenmalig"/>; not <see cref="Aanleiding.Reclame"/>).</param>
/// <param name="Mijlpaal">The milestone kind when <paramref name="Aanleiding"/> is <see cref="Aanleiding.Mijlpaal"/>.</param>
public sealed record Prijsdeel(decimal Percentage, Aanleiding Aanleiding, string? Mijlpaal = null)
{
    /// <summary>The share in percent.</summary>
    public decimal Percentage { get; init => field = ValideerPercentage(value); } = ValideerPercentage(Percentage);

    /// <summary>What makes the part due.</summary>
    public Aanleiding Aanleiding { get; init => field = ValideerAanleiding(value); } = ValideerAanleiding(Aanleiding);

    /// <summary>The milestone kind, for <see cref="Aanleiding.Mijlpaal"/>.</summary>
    public string? Mijlpaal { get; init => field = ValideerMijlpaal(Aanleiding, value); } = ValideerMijlpaal(Aanleiding, Mijlpaal);

    private static decimal ValideerPercentage(decimal p)
        => Preconditions.Geldig(p, p is >= 0m and <= 100m, $"Prijsdeel: a share is 0–100 % (got {p}).");

    private static Aanleiding ValideerAanleiding(Aanleiding a) => Preconditions.Geldig(
        a,
        a != Aanleiding.Reclame && System.Enum.IsDefined(typeof(Aanleiding), a),
        $"Prijsdeel: a part of a trajectprijs is due on aanmelding, start, afronding, uitval, the first plaatsing or a mijlpaal (got {a}).");

    private static string? ValideerMijlpaal(Aanleiding aanleiding, string? m)
        => Preconditions.Geldig(m, (aanleiding == Aanleiding.Mijlpaal) == (m is not null), $"Prijsdeel: a milestone kind is given exactly when the trigger is Mijlpaal.");
}

/// <summary>
/// A price split by percentages over events (a trajectprijs of 40 % at the Start and 60 % at the Afronding). The price
/// is indexed once (the tariff of the start year), then split so that the parts add up to the indexed price exactly
/// (domain.md §3: each part rounded down to cents, the remaining cents to the largest remainders, earlier parts first;
/// for two parts the same as rounding the first and giving the rest to the last). Part i is due, at most once, on the
/// first event of its trigger in the active period, as an <see cref="Eenmalig"/> fee is.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/i</c> (1-based).</param>
/// <param name="Prijs">The whole price.</param>
/// <param name="Delen">The parts, their percentages adding up to exactly 100.</param>
public sealed record Prijsdelen(string Code, Bedrag Prijs, ValueList<Prijsdeel> Delen) : Betaalregel(Code)
{
    /// <summary>The whole price.</summary>
    public Bedrag Prijs { get; init => field = NietNegatief(value, Code); } = NietNegatief(Prijs, Code);

    /// <summary>The parts.</summary>
    public ValueList<Prijsdeel> Delen { get; init => field = ValideerDelen(Code, value); } = ValideerDelen(Code, Delen);

    /// <inheritdoc />
    public override string Omschrijving => $"{Prijs} in delen: " + string.Join(", ", Delen.Select(d => $"{d.Percentage} % bij {(d.Aanleiding == Aanleiding.Mijlpaal ? "mijlpaal " + d.Mijlpaal : d.Aanleiding.ToString().ToLowerInvariant())}"));

    internal decimal[] Percentages() => Delen.Select(d => d.Percentage).ToArray();

    private static ValueList<Prijsdeel> ValideerDelen(string code, ValueList<Prijsdeel> delen)
    {
        Preconditions.NotNull(delen, nameof(Delen));
        return Preconditions.Geldig(
            delen,
            delen.Count > 0 && !delen.Any(d => d is null) && delen.Sum(d => d.Percentage) == 100m,
            $"Prijsdelen {code}: at least one part, and the percentages add up to exactly 100 (got {string.Join(" + ", delen.Where(d => d is not null).Select(d => d.Percentage))}).");
    }

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
