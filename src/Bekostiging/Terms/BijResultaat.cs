using System.Linq;

namespace Bekostiging.Terms;

/// <summary>
/// One amount tier of a result payment: plaatsingen of <paramref name="Type"/> with at least
/// <paramref name="MinimumUren"/> and under <paramref name="MaximumUren"/> hours per week earn <paramref name="Bedrag"/>.
/// </summary>
/// <param name="Type">The uitstroomtype.</param>
/// <param name="MinimumUren">Minimum hours per week (inclusive).</param>
/// <param name="MaximumUren">Maximum hours per week (exclusive), or <see langword="null"/>.</param>
/// <param name="Bedrag">The amount.</param>
/// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for an unknown type, hours outside 0–168, a maximum not above the minimum, or a negative amount.</exception>
public sealed record Bonusklasse(Uitstroomtype Type, decimal MinimumUren, decimal? MaximumUren, Bedrag Bedrag)
{
    /// <summary>The uitstroomtype.</summary>
    public Uitstroomtype Type { get; init => field = ValideerType(value); } = ValideerType(Type);

    /// <summary>Minimum hours per week (inclusive), 0–168.</summary>
    public decimal MinimumUren { get; init => field = ValideerUren(value, nameof(MinimumUren)); } = ValideerUren(MinimumUren, nameof(MinimumUren));

    /// <summary>Maximum hours per week (exclusive), above the minimum and at most 168, or <see langword="null"/>.</summary>
    public decimal? MaximumUren { get; init => field = ValideerMaximum(value, MinimumUren); } = ValideerMaximum(MaximumUren, MinimumUren);

    /// <summary>The amount.</summary>
    public Bedrag Bedrag { get; init => field = ValideerBedrag(value); } = ValideerBedrag(Bedrag);

    /// <summary>Whether a plaatsing of this type and hours falls in the tier.</summary>
    /// <param name="type">The plaatsing's type.</param>
    /// <param name="urenPerWeek">Its hours per week.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Past(Uitstroomtype type, decimal urenPerWeek)
        => type == Type && urenPerWeek >= MinimumUren && (MaximumUren is null || urenPerWeek < MaximumUren);

    private static Uitstroomtype ValideerType(Uitstroomtype type)
    {
        Preconditions.Check(System.Enum.IsDefined(typeof(Uitstroomtype), type), "Type", (int)type, "not an uitstroomtype.");
        return type;
    }

    private static decimal ValideerUren(decimal uren, string naam)
    {
        Preconditions.Check(uren is >= 0m and <= 168m, naam, uren, "hours per week lie between 0 and 168.");
        return uren;
    }

    private static decimal? ValideerMaximum(decimal? maximum, decimal minimum)
    {
        if (maximum is { } m)
        {
            _ = ValideerUren(m, nameof(MaximumUren));
            Preconditions.Check(m > minimum, nameof(MaximumUren), m, "the maximum hours of a tier lie above its minimum.");
        }

        return maximum;
    }

    private static Bedrag ValideerBedrag(Bedrag bedrag)
    {
        Preconditions.Check(!bedrag.IsNegatief, nameof(Bedrag), bedrag, "the amount of a tier is not negative.");
        return bedrag;
    }
}

/// <summary>
/// A result payment, due on the day durability completes (domain.md §6): paid at most once per traject, for the
/// first eligible durable spell. The amount is that of the first tier (in listed order) matching the spell's first
/// plaatsing; a plaatsing matching no tier does not qualify for this rule.
/// </summary>
/// <param name="Code">The rule code (also the line key).</param>
/// <param name="Definitie">Which plaatsingen count and how long they must last.</param>
/// <param name="Klassen">The amount tiers, tried in order.</param>
public sealed record BijResultaat(string Code, Resultaatdefinitie Definitie, ValueList<Bonusklasse> Klassen) : Betaalregel(Code)
{
    /// <summary>The amount tiers.</summary>
    public ValueList<Bonusklasse> Klassen { get; init => field = ValideerKlassen(Code, value); } = ValideerKlassen(Code, Klassen);

    /// <summary>A result payment of one amount for every uitstroomtype the definition accepts.</summary>
    /// <param name="code">The rule code.</param>
    /// <param name="definitie">The result definition.</param>
    /// <param name="bedrag">The amount.</param>
    /// <returns>The rule.</returns>
    public static BijResultaat Vast(string code, Resultaatdefinitie definitie, Bedrag bedrag)
        => new(code, definitie, definitie.Uitstroomtypes.Select(t => new Bonusklasse(t, 0m, null, bedrag)).ToValueList());

    /// <inheritdoc />
    public override string Omschrijving => "resultaatbonus: " + string.Join("; ", Klassen.Select(k =>
        $"{k.Type} {(k.MaximumUren is { } max ? $"{k.MinimumUren}–{max}" : $"≥ {k.MinimumUren}")} u/w {k.Bedrag}"));

    internal Bonusklasse? KlasseVoor(Uitstroomtype type, decimal uren)
    {
        foreach (var k in Klassen)
        {
            if (k.Past(type, uren))
            {
                return k;
            }
        }

        return null;
    }

    private static ValueList<Bonusklasse> ValideerKlassen(string code, ValueList<Bonusklasse> klassen) => Preconditions.Geldig(
        klassen,
        Preconditions.ZonderNull(klassen, nameof(Klassen)).Count > 0, // each tier checks its own amount
        $"BijResultaat {code}: at least one tier, none negative.");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
