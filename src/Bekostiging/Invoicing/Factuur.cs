using System.Linq;
using NodaTime;

namespace Bekostiging.Invoicing;

/// <summary>Whether an invoice line charges (debet) or corrects (credit).</summary>
public enum Regelsoort
{
    /// <summary>A new or larger amount: charged.</summary>
    Debet,

    /// <summary>A smaller or vanished amount: credited (creditnota), referring to the line it corrects.</summary>
    Credit,
}

/// <summary>The kind of document: an invoice (factuur) or a credit note (creditnota).</summary>
public enum Documentsoort
{
    /// <summary>A factuur: what is charged.</summary>
    Factuur,

    /// <summary>A creditnota: a separate document with its own number from the same series, crediting lines of the invoice it corrects.</summary>
    Creditnota,
}

/// <summary>A reference to one line of an earlier invoice.</summary>
/// <param name="Factuurnummer">The invoice number.</param>
/// <param name="Regelnummer">The line number within that invoice (1-based).</param>
public sealed record Regelverwijzing(string Factuurnummer, int Regelnummer);

/// <summary>VAT on invoice lines: re-integration services are usually exempt, sometimes 21 %; never hard-coded.</summary>
/// <param name="Percentage">The VAT percentage, 0 for exempt.</param>
/// <param name="Omschrijving">How the invoice names it (e.g. "vrijgesteld", "21 %").</param>
public sealed record Btw(decimal Percentage, string Omschrijving)
{
    /// <summary>Exempt from VAT.</summary>
    public static Btw Vrijgesteld { get; } = new(0m, "vrijgesteld");

    /// <summary>VAT at a percentage.</summary>
    /// <param name="percentage">The percentage, e.g. 21.</param>
    /// <returns>The VAT rule.</returns>
    public static Btw Tarief(decimal percentage)
    {
        Preconditions.Check(percentage is >= 0m and <= 100m, nameof(percentage), percentage, "a VAT percentage lies in [0, 100].");
        return new Btw(percentage, FormattableString(percentage));
    }

    /// <summary>The VAT on an amount, rounded to cents.</summary>
    /// <param name="bedrag">The amount excluding VAT.</param>
    /// <returns>The VAT.</returns>
    public Bedrag Over(Bedrag bedrag) => bedrag * (Percentage / 100m);

    private static string FormattableString(decimal p) => p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}

/// <summary>One line of an invoice: the change in one settlement line (traject, key) since everything invoiced before.</summary>
/// <param name="Regelnummer">The line number within the invoice (1-based).</param>
/// <param name="TrajectId">The traject, or <see langword="null"/> for a contract line (instroomgarantie).</param>
/// <param name="ClientId">The pseudonymous client, or <see langword="null"/> for a contract line.</param>
/// <param name="ContactpersoonGemeente">The municipality's contact person of the traject, if known.</param>
/// <param name="Sleutel">The settlement line key.</param>
/// <param name="Soort">Debet or credit.</param>
/// <param name="Bedrag">The amount excluding VAT: positive for a debit, negative for a credit.</param>
/// <param name="Btw">The VAT on it (same sign).</param>
/// <param name="Vervaldatum">The due date of the settlement line.</param>
/// <param name="Omschrijving">The line in words.</param>
/// <param name="Corrigeert">For a credit: the last debit line of the same key.</param>
public sealed record Factuurregel(
    int Regelnummer,
    string? TrajectId,
    string? ClientId,
    string? ContactpersoonGemeente,
    string Sleutel,
    Regelsoort Soort,
    Bedrag Bedrag,
    Bedrag Btw,
    LocalDate Vervaldatum,
    string Omschrijving,
    Regelverwijzing? Corrigeert);

/// <summary>A settlement line (part) above the plafond: reported, not invoiced.</summary>
/// <param name="TrajectId">The traject.</param>
/// <param name="Sleutel">The line key.</param>
/// <param name="Kalenderjaar">The calendar year whose plafond it exceeds.</param>
/// <param name="Bedrag">The amount held back.</param>
public sealed record Ingehouden(string TrajectId, string Sleutel, int Kalenderjaar, Bedrag Bedrag);

/// <summary>
/// An invoice (factuur, with its credit lines as creditnota lines) produced by an invoice run: immutable; the
/// caller stores it and passes it back as history to later runs.
/// </summary>
/// <param name="Nummer">The invoice number (supplied by the caller's numbering).</param>
/// <param name="ContractId">The contract.</param>
/// <param name="Factuurdatum">The run date t.</param>
/// <param name="Periode">The period the invoice covers (inclusive).</param>
/// <param name="Btw">The VAT rule applied.</param>
/// <param name="Regels">The lines; empty when nothing changed.</param>
/// <param name="Ingehouden">Amounts above the plafond at this run, held back.</param>
/// <param name="IsConcept">Whether this is a dry run (preview) that must not be stored as issued.</param>
public sealed record Factuur(
    string Nummer,
    string ContractId,
    LocalDate Factuurdatum,
    DateInterval Periode,
    Btw Btw,
    ValueList<Factuurregel> Regels,
    ValueList<Ingehouden> Ingehouden,
    bool IsConcept)
{
    /// <summary>Whether this document is a factuur (the default) or a creditnota (see <see cref="Facturatie.Documenten"/>).</summary>
    public Documentsoort Soort { get; init; } = Documentsoort.Factuur;

    /// <summary>For a creditnota: the number of the invoice whose lines it credits (<see langword="null"/> for a factuur, and for a
    /// creditnota whose lines correct no earlier debit, e.g. a settlement line that is itself negative).</summary>
    public string? Corrigeert { get; init; }

    /// <summary>Sum of debit lines.</summary>
    public Bedrag TotaalDebet => Regels.Where(r => r.Soort == Regelsoort.Debet).Aggregate(Bedrag.Nul, (s, r) => s + r.Bedrag);

    /// <summary>Sum of credit lines (negative or zero).</summary>
    public Bedrag TotaalCredit => Regels.Where(r => r.Soort == Regelsoort.Credit).Aggregate(Bedrag.Nul, (s, r) => s + r.Bedrag);

    /// <summary>Net amount excluding VAT.</summary>
    public Bedrag TotaalExclusiefBtw => TotaalDebet + TotaalCredit;

    /// <summary>Total VAT.</summary>
    public Bedrag TotaalBtw => Regels.Aggregate(Bedrag.Nul, (s, r) => s + r.Btw);

    /// <summary>Net amount including VAT.</summary>
    public Bedrag TotaalInclusiefBtw => TotaalExclusiefBtw + TotaalBtw;

    /// <summary>Whether the run found no differences.</summary>
    public bool IsLeeg => Regels.Count == 0;
}
