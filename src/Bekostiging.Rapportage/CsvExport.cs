using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Bekostiging.Invoicing;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime.Text;

namespace Bekostiging.Rapportage;

/// <summary>How numbers are written in an export.</summary>
public enum Getalnotatie
{
    /// <summary>Dutch: decimal comma, no grouping (<c>1234,56</c>), as Dutch spreadsheets read it.</summary>
    Nederlands,

    /// <summary>Invariant: decimal point, no grouping (<c>1234.56</c>), for systems.</summary>
    Invariant,
}

/// <summary>The settings of a CSV export.</summary>
/// <param name="Notatie">The number format.</param>
/// <param name="Scheidingsteken">The field separator (default <c>;</c> for Dutch, <c>,</c> for invariant).</param>
public sealed record CsvOpties(Getalnotatie Notatie, string Scheidingsteken)
{
    /// <summary>Dutch numbers, semicolon-separated (what Excel in a Dutch locale opens directly).</summary>
    public static CsvOpties Nederlands { get; } = new(Getalnotatie.Nederlands, ";");

    /// <summary>Invariant numbers, comma-separated.</summary>
    public static CsvOpties Invariant { get; } = new(Getalnotatie.Invariant, ",");

    internal string Getal(Bedrag b) => Notatie == Getalnotatie.Invariant ? b.ToInvariantString() : b.ToInvariantString().Replace('.', ',');
}

/// <summary>
/// CSV exports of invoices and statements. Quoting and escaping are left to CsvHelper (RFC 4180); dates are ISO
/// (<c>yyyy-MM-dd</c>); amounts have two decimals in the chosen notation.
/// </summary>
/// <remarks>
/// Input ids and texts may be hostile. As OWASP advises against CSV (formula) injection, a text cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — and is not simply a number such as an amount of
/// <c>-12,50</c> — is written with a leading apostrophe (<c>'=1+1</c>), so a spreadsheet shows it as text and never
/// runs it; such a cell, and every cell with a separator, quote, carriage return or line feed, is quoted.
/// </remarks>
public static class CsvExport
{
    /// <summary>The header of an invoice export.</summary>
    public static IReadOnlyList<string> FactuurKolommen { get; } = ValueList.Of(
    
        "factuurnummer", "factuurdatum", "periode_van", "periode_tot_en_met", "regel", "traject", "client", "contactpersoon",
        "sleutel", "soort", "vervaldatum", "bedrag", "btw", "omschrijving", "corrigeert_factuur", "corrigeert_regel");

    /// <summary>The header of a quarterly statement export.</summary>
    public static IReadOnlyList<string> KwartaalKolommen { get; } = ValueList.Of(
    
        "contract", "jaar", "kwartaal", "client", "contactpersoon", "traject", "gefactureerd", "gecrediteerd", "netto");

    /// <summary>Writes invoices, one row per line.</summary>
    /// <param name="facturen">The invoices.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="opties">Number format and separator; default Dutch.</param>
    public static void Facturen(IEnumerable<Factuur> facturen, TextWriter writer, CsvOpties? opties = null)
    {
        var o = opties ?? CsvOpties.Nederlands;
        using var csv = Open(writer, o);
        Header(csv, FactuurKolommen);
        foreach (var f in facturen)
        {
            foreach (var r in f.Regels)
            {
                Row(
                    csv,
                    f.Nummer,
                    Iso(f.Factuurdatum),
                    Iso(f.Periode.Start),
                    Iso(f.Periode.End),
                    r.Regelnummer.ToString(CultureInfo.InvariantCulture),
                    r.TrajectId ?? string.Empty,
                    r.ClientId ?? string.Empty,
                    r.ContactpersoonGemeente ?? string.Empty,
                    r.Sleutel,
                    r.Soort == Regelsoort.Debet ? "debet" : "credit",
                    Iso(r.Vervaldatum),
                    o.Getal(r.Bedrag),
                    o.Getal(r.Btw),
                    r.Omschrijving,
                    r.Corrigeert?.Factuurnummer ?? string.Empty,
                    r.Corrigeert?.Regelnummer.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }
    }

    /// <summary>Writes a quarterly statement, one row per client and traject, then a total row per client and one for the quarter.</summary>
    /// <param name="overzicht">The statement.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="opties">Number format and separator; default Dutch.</param>
    public static void Kwartaaloverzicht(Kwartaaloverzicht overzicht, TextWriter writer, CsvOpties? opties = null)
    {
        Preconditions(overzicht);
        var o = opties ?? CsvOpties.Nederlands;
        using var csv = Open(writer, o);
        Header(csv, KwartaalKolommen);
        var jaar = overzicht.Jaar.ToString(CultureInfo.InvariantCulture);
        var kwartaal = "Q" + overzicht.Kwartaal.ToString(CultureInfo.InvariantCulture);
        foreach (var c in overzicht.Clienten)
        {
            foreach (var t in c.Trajecten)
            {
                Row(csv, overzicht.ContractId, jaar, kwartaal, c.ClientId, c.ContactpersoonGemeente ?? string.Empty, t.TrajectId, o.Getal(t.Gefactureerd), o.Getal(t.Gecrediteerd), o.Getal(t.Netto));
            }

            var g = c.Trajecten.Aggregate(Bedrag.Nul, (s, t) => s + t.Gefactureerd);
            var cr = c.Trajecten.Aggregate(Bedrag.Nul, (s, t) => s + t.Gecrediteerd);
            Row(csv, overzicht.ContractId, jaar, kwartaal, c.ClientId, c.ContactpersoonGemeente ?? string.Empty, "totaal client", o.Getal(g), o.Getal(cr), o.Getal(c.Totaal));
        }

        if (!overzicht.Contractregels.IsNul)
        {
            Row(csv, overzicht.ContractId, jaar, kwartaal, string.Empty, string.Empty, "contractregels", o.Getal(overzicht.Contractregels), o.Getal(Bedrag.Nul), o.Getal(overzicht.Contractregels));
        }

        Row(csv, overzicht.ContractId, jaar, kwartaal, string.Empty, string.Empty, "totaal kwartaal", string.Empty, string.Empty, o.Getal(overzicht.Totaal));
    }

    private static void Preconditions(object? value)
    {
        if (value is null)
        {
            throw new System.ArgumentNullException(nameof(value));
        }
    }

    private static string Iso(NodaTime.LocalDate d) => LocalDatePattern.Iso.Format(d);

    /// <summary>
    /// A CsvHelper writer with the tool's quoting: a neutralised cell (leading apostrophe), a cell with a quote, CR, LF
    /// or the separator, and a cell with a space at either end are quoted. Shared with Bekostiging.Grafieken, so that
    /// every CSV the tool writes is written the same way (together with <see cref="Neutraliseer"/>).
    /// </summary>
    internal static CsvWriter Open(TextWriter writer, CsvOpties o)
    {
        Preconditions(writer);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = o.Scheidingsteken,
            NewLine = "\n",
            ShouldQuote = args => args.Field is { Length: > 0 } f
                && (f[0] == '\'' || f.IndexOfAny(new[] { '"', '\r', '\n' }) >= 0 || f.Contains(o.Scheidingsteken) || f[0] == ' ' || f[f.Length - 1] == ' '),
        };
        return new CsvWriter(writer, config, leaveOpen: true);
    }

    private static void Header(CsvWriter csv, IEnumerable<string> columns)
    {
        foreach (var c in columns)
        {
            csv.WriteField(c);
        }

        csv.NextRecord();
    }

    /// <summary>The cell as written: a text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP).</summary>
    /// <param name="veld">The cell's text.</param>
    /// <returns>The neutralised text.</returns>
    internal static string Neutraliseer(string veld)
    {
        if (veld.Length == 0 || veld[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') || IsGetal(veld))
        {
            return veld;
        }

        return "'" + veld;
    }

    /// <summary>A plain number: an optional minus, digits, and at most one decimal point or comma followed by digits.</summary>
    private static bool IsGetal(string veld)
    {
        var i = veld[0] == '-' ? 1 : 0;
        var digits = 0;
        var separator = false;
        for (; i < veld.Length; i++)
        {
            var c = veld[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c is '.' or ',' && !separator && digits > 0 && i < veld.Length - 1)
            {
                separator = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var f in fields)
        {
            csv.WriteField(Neutraliseer(f));
        }

        csv.NextRecord();
    }
}
