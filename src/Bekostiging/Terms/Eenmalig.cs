namespace Bekostiging.Terms;

/// <summary>What triggers a one-off fee (<see cref="Eenmalig"/>).</summary>
public enum Aanleiding
{
    /// <summary>The Aanmelding (referral).</summary>
    Aanmelding,

    /// <summary>The Start of the doorlooptijd.</summary>
    Start,

    /// <summary>The Afronding (regular end) within the active period.</summary>
    Afronding,

    /// <summary>The Uitval (early end) within the active period.</summary>
    Uitval,

    /// <summary>A Reclame in time (the only fee a voided traject can earn).</summary>
    Reclame,

    /// <summary>The first plaatsing that begins in the active period.</summary>
    EerstePlaatsing,

    /// <summary>The first Mijlpaal of a given kind in the active period.</summary>
    Mijlpaal,
}

/// <summary>
/// A one-off fee, due on the date of the event that triggers it, paid at most once per traject (domain.md §7, §12).
/// Uses the tariff of the contract year in which the traject started.
/// </summary>
/// <param name="Code">The rule code (also the line key).</param>
/// <param name="Aanleiding">What triggers the fee.</param>
/// <param name="Bedrag">The fee.</param>
/// <param name="Mijlpaal">The milestone kind when <paramref name="Aanleiding"/> is <see cref="Aanleiding.Mijlpaal"/> (intake, diagnose, trajectplan, afronding or a custom code).</param>
public sealed record Eenmalig(string Code, Aanleiding Aanleiding, Bedrag Bedrag, string? Mijlpaal = null) : Betaalregel(Code)
{
    /// <summary>The fee.</summary>
    public Bedrag Bedrag { get; init => field = ValideerBedrag(Code, value); } = ValideerBedrag(Code, Bedrag);

    /// <summary>The milestone kind, for <see cref="Aanleiding.Mijlpaal"/>.</summary>
    public string? Mijlpaal { get; init => field = ValideerMijlpaal(Code, Aanleiding, value); } = ValideerMijlpaal(Code, Aanleiding, Mijlpaal);

    /// <summary>
    /// For a fee at the <see cref="Aanleiding.Afronding"/> (a trajectprijs paid once): an Uitval within the active period
    /// settles the fee pro rata instead — fee × active days (Start t/m Uitval) ÷ window days, due on the Uitval date,
    /// keyed <c>code/prorata</c> (domain.md §12). Only with the trigger Afronding; default <see langword="false"/>.
    /// </summary>
    public bool ProRataBijUitval { get; init => field = ValideerProRata(value); }

    /// <inheritdoc />
    public override string Omschrijving => ProRataBijUitval ? $"{Bedrag} bij afronding, naar rato van dagen bij uitval" : Aanleiding == Aanleiding.Mijlpaal
        ? $"{Bedrag} bij mijlpaal {Mijlpaal}"
        : $"{Bedrag} bij {Aanleiding.ToString().ToLowerInvariant()}";

    private bool ValideerProRata(bool proRata) => Preconditions.Geldig(
        proRata,
        !proRata || Aanleiding == Aanleiding.Afronding,
        $"Eenmalig {Code}: pro rata on uitval is for a fee at the afronding (got trigger {Aanleiding}).");

    private static Bedrag ValideerBedrag(string code, Bedrag bedrag)
        => Preconditions.Geldig(bedrag, !bedrag.IsNegatief, $"Eenmalig {code}: a fee is not negative ({bedrag}).");

    private static string? ValideerMijlpaal(string code, Aanleiding aanleiding, string? mijlpaal) => Preconditions.Geldig(
        mijlpaal,
        (aanleiding == Aanleiding.Mijlpaal) == (mijlpaal is not null),
        $"Eenmalig {code}: a milestone kind is given exactly when the trigger is Mijlpaal.");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
