using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Bekostiging;

// Formatting of amounts: the Dutch form of documents by default, and the standard numeric formats of .NET with the
// caller's culture. An amount is always in euros, so the currency format shows the euro sign in every culture's layout.
#if NET8_0_OR_GREATER
public readonly partial struct Bedrag : IFormattable, ISpanFormattable, IUtf8SpanFormattable
#else
public readonly partial struct Bedrag : IFormattable
#endif
{
    /// <summary>The Dutch form of documents, independent of the machine's culture data: <c>€ 1.234,56</c>, <c>€ -12,50</c>.</summary>
    private static readonly NumberFormatInfo Nederlands = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        CurrencySymbol = "€",
        CurrencyDecimalSeparator = ",",
        CurrencyGroupSeparator = ".",
        CurrencyGroupSizes = new[] { 3 },
        CurrencyDecimalDigits = 2,
        CurrencyPositivePattern = 2, // "€ n"
        CurrencyNegativePattern = 12, // "€ -n"
        NegativeSign = "-",
    });

    /// <summary>Per culture, its number format with the euro as currency symbol (most cultures of euro countries need no copy).</summary>
    private static readonly ConditionalWeakTable<NumberFormatInfo, NumberFormatInfo> InEuro = new();

    /// <summary>
    /// Formats the amount.
    /// <list type="bullet">
    /// <item><see langword="null"/> or empty: the Dutch form of documents, <c>€ 1.234,56</c>, whatever the culture (as <see cref="ToString()"/>).</item>
    /// <item><c>I</c>: the invariant form, <c>1234.56</c> (as <see cref="ToInvariantString"/>).</item>
    /// <item>Any standard or custom numeric format of <see cref="decimal"/> (<c>N2</c>, <c>F2</c>, <c>0.00</c>, ...) with the
    /// separators of <paramref name="formatProvider"/> (the current culture when it is <see langword="null"/>).</item>
    /// <item><c>C</c> (<c>C0</c>…): the currency format of <paramref name="formatProvider"/> with the euro sign, since an amount is in
    /// euros: <c>€ 1.234,56</c> under nl-NL, <c>1.234,56 €</c> under de-DE, <c>€1,234.56</c> under en-US and the invariant culture.</item>
    /// </list>
    /// </summary>
    /// <param name="format">The format, see above.</param>
    /// <param name="formatProvider">The culture (or <see cref="NumberFormatInfo"/>) whose separators and layout apply.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a numeric format for <see cref="decimal"/> (e.g. <c>X</c>).</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            return Waarde.ToString("C2", Nederlands);
        }

        if (format == "I")
        {
            return ToInvariantString();
        }

        return Waarde.ToString(format, Opmaakgegevens(format.AsSpan(), formatProvider));
    }

    /// <summary>The value to print: a negative zero prints as zero.</summary>
    private decimal Waarde => _euros == 0m ? 0m : _euros;

    private static NumberFormatInfo Opmaakgegevens(ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var nfi = NumberFormatInfo.GetInstance(provider);
        if (format.Length == 0 || (format[0] != 'C' && format[0] != 'c') || nfi.CurrencySymbol == "€")
        {
            return nfi;
        }

        return InEuro.GetValue(nfi, static n =>
        {
            var copy = (NumberFormatInfo)n.Clone();
            copy.CurrencySymbol = "€";
            return NumberFormatInfo.ReadOnly(copy);
        });
    }

#if NET8_0_OR_GREATER
    /// <summary>Formats the amount into a span of characters without allocating; the formats are those of <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="destination">Where the characters go.</param>
    /// <param name="charsWritten">How many were written.</param>
    /// <param name="format">The format, see <see cref="ToString(string?, IFormatProvider?)"/>.</param>
    /// <param name="provider">The culture whose separators and layout apply.</param>
    /// <returns>Whether <paramref name="destination"/> was large enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a numeric format for <see cref="decimal"/>.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => format.Length == 0 ? Waarde.TryFormat(destination, out charsWritten, "C2", Nederlands)
            : format.SequenceEqual("I") ? Waarde.TryFormat(destination, out charsWritten, "0.00", CultureInfo.InvariantCulture)
            : Waarde.TryFormat(destination, out charsWritten, format, Opmaakgegevens(format, provider));

    /// <summary>Formats the amount as UTF-8 without allocating; the formats are those of <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="utf8Destination">Where the bytes go.</param>
    /// <param name="bytesWritten">How many were written.</param>
    /// <param name="format">The format, see <see cref="ToString(string?, IFormatProvider?)"/>.</param>
    /// <param name="provider">The culture whose separators and layout apply.</param>
    /// <returns>Whether <paramref name="utf8Destination"/> was large enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a numeric format for <see cref="decimal"/>.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => format.Length == 0 ? Waarde.TryFormat(utf8Destination, out bytesWritten, "C2", Nederlands)
            : format.SequenceEqual("I") ? Waarde.TryFormat(utf8Destination, out bytesWritten, "0.00", CultureInfo.InvariantCulture)
            : Waarde.TryFormat(utf8Destination, out bytesWritten, format, Opmaakgegevens(format, provider));
#endif
}
