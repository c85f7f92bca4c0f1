using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Bekostiging.Settlement;

/// <summary>
/// Formatting of dates, quantities and amounts in line descriptions and messages. The common cases are written digit by
/// digit (a settlement writes many of them); each gives exactly the text of the general formatter named beside it, which
/// remains the fallback for the rare cases outside the fast path.
/// </summary>
internal static class Tekst
{
    // Month keys (yyyy-MM) of plausible years, made once: monthly lines use them as line keys.
    private const int EersteMaandJaar = 1900;
    private const int MaandJaren = 300;
    private static readonly string?[] Maanden = new string?[MaandJaren * 12];

    // The texts of small indexes (line keys "code/1", "code/2", …), made once.
    private static readonly string[] Indexen = MaakIndexen(64);

    /// <summary>A whole number as invariant text: <c>1</c>, <c>12</c> (small ones shared).</summary>
    public static string Index(int i) => i >= 0 && i < Indexen.Length ? Indexen[i] : i.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO date, as <c>LocalDatePattern.Iso</c> writes it: <c>2026-03-09</c>.</summary>
    public static string Datum(LocalDate d)
    {
        if (d.Year is < 1 or > 9999)
        {
            return LocalDatePattern.Iso.Format(d);
        }

        var chars = new char[10];
        WriteDatum(chars, d);
        return new string(chars);
    }

    /// <summary>A quantity as <c>0.####</c> (invariant) writes it: <c>2</c>, <c>1.5</c>, <c>2.25</c>.</summary>
    public static string Getal(decimal d)
    {
        // Fast path: non-negative, below 10^12, at most four decimals (no rounding needed).
        if (d >= 0m && d < 1_000_000_000_000m)
        {
            var units = d * 10_000m;
            if (units == decimal.Truncate(units))
            {
                var u = (long)units;
                var whole = u / 10_000;
                var fraction = (int)(u % 10_000);
                if (fraction == 0)
                {
                    return whole.ToString(CultureInfo.InvariantCulture);
                }

                var digits = 4;
                while (fraction % 10 == 0)
                {
                    fraction /= 10;
                    digits--;
                }

                return whole.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
            }
        }

        return d.ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>The month as <c>yyyy-MM</c> (invariant) writes it: <c>2026-03</c>.</summary>
    public static string Maand(LocalDate d)
    {
        var index = ((d.Year - EersteMaandJaar) * 12) + d.Month - 1;
        if (d.Year is < EersteMaandJaar or >= EersteMaandJaar + MaandJaren)
        {
            return d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        // A race writes the same text twice; harmless.
        return Maanden[index] ??= MaakMaand(d);
    }

    /// <summary>Appends an amount exactly as <see cref="Bedrag.ToString()"/> writes it: <c>€ 1.234,56</c>, <c>€ -12,50</c>.</summary>
    public static void Geld(StringBuilder sb, Bedrag b)
    {
        var euros = b.Euros;
        if (euros is > 1_000_000_000_000m or < -1_000_000_000_000m)
        {
            sb.Append(b.ToString());
            return;
        }

        var cents = Math.Abs(b.Centen);
        sb.Append("€ ");
        if (b.IsNegatief)
        {
            sb.Append('-');
        }

        AppendGegroepeerd(sb, cents / 100);
        var rest = (int)(cents % 100);
        sb.Append(',').Append((char)('0' + (rest / 10))).Append((char)('0' + (rest % 10)));
    }

    private static string[] MaakIndexen(int n)
    {
        var result = new string[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static string MaakMaand(LocalDate d)
    {
        var chars = new char[7];
        Write4(chars, 0, d.Year);
        chars[4] = '-';
        Write2(chars, 5, d.Month);
        return new string(chars);
    }

    private static void WriteDatum(char[] chars, LocalDate d)
    {
        Write4(chars, 0, d.Year);
        chars[4] = '-';
        Write2(chars, 5, d.Month);
        chars[7] = '-';
        Write2(chars, 8, d.Day);
    }

    private static void Write4(char[] chars, int at, int value)
    {
        chars[at] = (char)('0' + (value / 1000));
        chars[at + 1] = (char)('0' + (value / 100 % 10));
        chars[at + 2] = (char)('0' + (value / 10 % 10));
        chars[at + 3] = (char)('0' + (value % 10));
    }

    private static void Write2(char[] chars, int at, int value)
    {
        chars[at] = (char)('0' + (value / 10));
        chars[at + 1] = (char)('0' + (value % 10));
    }

    /// <summary>The digits of a whole number with a point between groups of three (Dutch thousands).</summary>
    private static void AppendGegroepeerd(StringBuilder sb, long value)
    {
        if (value >= 1000)
        {
            AppendGegroepeerd(sb, value / 1000);
            var group = (int)(value % 1000);
            sb.Append('.').Append((char)('0' + (group / 100))).Append((char)('0' + (group / 10 % 10))).Append((char)('0' + (group % 10)));
            return;
        }

        sb.Append(value);
    }
}

/// <summary>
/// Builds a line's description, basis or condition in words — or, in a calculation that only wants amounts, skips all
/// formatting: the compiler calls the Append methods only when <c>isEnabled</c> is set. Values are written as an
/// ordinary interpolated string writes them (current culture for numbers, <see cref="Bedrag.ToString()"/> for amounts).
/// </summary>
[InterpolatedStringHandler]
internal ref struct UitlegHandler
{
    private readonly StringBuilder? _sb;

    public UitlegHandler(int literalLength, int formattedCount, TrajectBerekening berekening, out bool isEnabled)
        : this(literalLength, formattedCount, isEnabled = berekening.MetDetails)
    {
    }

    /// <summary>For the reason of a not-payable item (the call passes its <see cref="Reden"/>): formatted only when the calculation lists them.</summary>
    public UitlegHandler(int literalLength, int formattedCount, TrajectBerekening berekening, Reden reden, out bool isEnabled)
        : this(literalLength, formattedCount, isEnabled = berekening.MetNietBetaalbaar)
    {
        _ = reden;
    }

    private UitlegHandler(int literalLength, int formattedCount, bool enabled)
        => _sb = enabled ? new StringBuilder(literalLength + (formattedCount * 16)) : null;

    public readonly void AppendLiteral(string value) => _sb!.Append(value);

    public readonly void AppendFormatted(string? value) => _sb!.Append(value);

    public readonly void AppendFormatted(int value) => _sb!.Append(value);

    public readonly void AppendFormatted(Bedrag value) => Tekst.Geld(_sb!, value);

    public readonly void AppendFormatted<T>(T value) => _sb!.Append(value is IFormattable f ? f.ToString(null, null) : value?.ToString());

    /// <summary>The text, or <see langword="null"/> when formatting was skipped.</summary>
    public readonly string? Klaar() => _sb?.ToString();
}
