namespace Bekostiging.Terms;

/// <summary>
/// A payment rule: one building block of a bekostigingsmodel (domain.md §7). Every rule has a <see cref="Code"/>,
/// unique within its model, that starts each line key it produces (e.g. <c>starttarief</c>, <c>uren/E4</c>).
/// The blocks are closed: <see cref="Eenmalig"/>, <see cref="PerEenheid"/>, <see cref="PerModule"/>,
/// <see cref="PerPeriode"/>, <see cref="Termijnen"/>, <see cref="BijResultaat"/>, <see cref="Trap"/>,
/// <see cref="PerTrede"/> and <see cref="Verlengingstarief"/>; a model of one's own is a list of them.
/// </summary>
public abstract record Betaalregel
{
    /// <summary>
    /// A rule with its code. Only this library's building blocks derive: the constructor is <c>private protected</c>
    /// and <see cref="Gesloten"/> cannot be overridden elsewhere (decision 66).
    /// </summary>
    /// <param name="code">The rule's code, unique within a model; letters, digits, '-' and '_'.</param>
    private protected Betaalregel(string code) => Code = code;

    /// <summary>The rule's code, unique within a model; letters, digits, '-' and '_'.</summary>
    public string Code { get; init => field = ValideerCode(value); }

    /// <summary>A short description of the rule for people (line descriptions, docs).</summary>
    public abstract string Omschrijving { get; }

    /// <summary>Checks that an amount of a rule is not negative.</summary>
    /// <param name="bedrag">The amount.</param>
    /// <param name="code">The rule (or module) it belongs to, for the message.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> when negative.</exception>
    internal static Bedrag NietNegatief(Bedrag bedrag, string code)
        => Preconditions.Geldig(bedrag, !bedrag.IsNegatief, $"{code}: an amount is not negative ({bedrag}).");

    /// <summary>
    /// Closes the hierarchy. The record copy constructor must stay <c>protected</c> (a C# rule for records that are not
    /// sealed), so a type elsewhere could call it as its base; this member, which only this assembly can override,
    /// stops that at compile time, so the blocks listed above are all the engine has to know.
    /// </summary>
    private protected abstract void Gesloten();

    private static string ValideerCode(string code)
    {
        Preconditions.NotEmpty(code, nameof(Code));
        foreach (var c in code)
        {
            Preconditions.Check(char.IsLetterOrDigit(c) || c is '-' or '_', nameof(Code), code, "a rule code has letters, digits, '-' and '_' only (it starts line keys).");
        }

        return code;
    }
}
