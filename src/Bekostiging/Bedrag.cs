using System;
using System.Globalization;

namespace Bekostiging;

/// <summary>
/// An amount of euros in whole cents. Every <see cref="Bedrag"/> is exact to the cent: constructing one from a
/// value with more decimals is an error (<see cref="Van(decimal)"/>) unless rounding is asked for
/// (<see cref="Afgerond(decimal)"/>), and multiplying by a quantity rounds once, half away from zero, as
/// domain.md §3 prescribes for each settlement line.
/// </summary>
/// <remarks>
/// <see cref="ToString()"/> writes the Dutch form (<c>€ 1.234,56</c>); <see cref="ToInvariantString"/> writes
/// <c>1234.56</c>. Both forms are accepted by <see cref="Parse(string)"/>. The standard numeric formats
/// (<c>C</c>, <c>N2</c>, <c>F2</c>, ...) follow the given culture; see <see cref="ToString(string?, IFormatProvider?)"/>.
/// </remarks>
public readonly partial struct Bedrag : IEquatable<Bedrag>, IComparable<Bedrag>, IComparable
{
    /// <summary>The largest amount, in euros, that a <see cref="Bedrag"/> holds: €10^12 (and −€10^12 the smallest).</summary>
    /// <remarks>
    /// Far above any contract, and small enough that <see cref="Centen"/> always fits in a <see langword="long"/> and that
    /// every amount the engine produces can be read back by the JSON reader, which accepts the same range.
    /// </remarks>
    public const decimal Maximum = 1_000_000_000_000m;

    private readonly decimal _euros;

    private Bedrag(decimal euros)
    {
        if (euros is > Maximum or < -Maximum)
        {
            throw BuitenBereik(euros);
        }

        _euros = euros;
    }

    /// <summary>Zero euros.</summary>
    public static Bedrag Nul => default;

    /// <summary>The amount in euros (always with at most two decimals).</summary>
    public decimal Euros => _euros;

    /// <summary>The amount in whole cents (at most 10^14 in absolute value, see <see cref="Maximum"/>).</summary>
    public long Centen => (long)(_euros * 100m);

    /// <summary><see langword="true"/> when the amount is below zero.</summary>
    public bool IsNegatief => _euros < 0m;

    /// <summary><see langword="true"/> when the amount is zero.</summary>
    public bool IsNul => _euros == 0m;

    /// <summary>An amount of exactly <paramref name="euros"/>.</summary>
    /// <param name="euros">Euros with at most two decimals.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when <paramref name="euros"/> has fractions of a cent or lies outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag Van(decimal euros)
    {
        var rounded = Afronden.OpCenten(euros);
        Preconditions.Check(rounded == euros, FoutCode.OngeldigBedrag, $"{euros.ToString(CultureInfo.InvariantCulture)} has fractions of a cent; amounts are whole cents (use Bedrag.Afgerond to round).");

        return new Bedrag(Normalize(euros));
    }

    /// <summary>An amount of <paramref name="centen"/> cents.</summary>
    /// <param name="centen">Whole cents.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag VanCenten(long centen) => new(centen / 100m);

    /// <summary><paramref name="euros"/> rounded to cents, half away from zero ("rekenkundig afronden").</summary>
    /// <param name="euros">Any value in euros.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag Afgerond(decimal euros)
    {
        if (euros is > Maximum + 1m or < -Maximum - 1m)
        {
            throw BuitenBereik(euros);
        }

        return new(Normalize(Afronden.OpCenten(euros)));
    }

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when the sum lies outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag operator +(Bedrag left, Bedrag right) => new(left._euros + right._euros);

    /// <summary>Subtracts two amounts.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when the difference lies outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag operator -(Bedrag left, Bedrag right) => new(left._euros - right._euros);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Bedrag operator -(Bedrag value) => new(-value._euros);

    /// <summary>Multiplies by a quantity (hours, a share, a pro-rata fraction) and rounds once to cents.</summary>
    /// <param name="left">The tariff.</param>
    /// <param name="factor">The quantity.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when the product lies outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag operator *(Bedrag left, decimal factor) => Product(left._euros, factor);

    /// <summary>Multiplies by a quantity and rounds once to cents.</summary>
    /// <param name="factor">The quantity.</param>
    /// <param name="right">The tariff.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when the product lies outside ±<see cref="Maximum"/>.</exception>
    public static Bedrag operator *(decimal factor, Bedrag right) => Product(right._euros, factor);

    /// <summary>Equality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether both are the same number of cents.</returns>
    public static bool operator ==(Bedrag left, Bedrag right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts differ.</returns>
    public static bool operator !=(Bedrag left, Bedrag right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Bedrag left, Bedrag right) => left._euros < right._euros;

    /// <summary>Greater than.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is larger.</returns>
    public static bool operator >(Bedrag left, Bedrag right) => left._euros > right._euros;

    /// <summary>Less than or equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is not larger.</returns>
    public static bool operator <=(Bedrag left, Bedrag right) => left._euros <= right._euros;

    /// <summary>Greater than or equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is not smaller.</returns>
    public static bool operator >=(Bedrag left, Bedrag right) => left._euros >= right._euros;

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="a">The first amount.</param>
    /// <param name="b">The second amount.</param>
    /// <returns>The minimum.</returns>
    public static Bedrag Min(Bedrag a, Bedrag b) => a <= b ? a : b;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="a">The first amount.</param>
    /// <param name="b">The second amount.</param>
    /// <returns>The maximum.</returns>
    public static Bedrag Max(Bedrag a, Bedrag b) => a >= b ? a : b;

    /// <summary>Splits this amount into <paramref name="aantal"/> parts that add up exactly (see <see cref="Verdeling"/>).</summary>
    /// <param name="aantal">The number of parts, at least 1.</param>
    /// <returns>The parts, earlier parts taking the extra cents.</returns>
    public Bedrag[] Verdeel(int aantal) => Verdeling.InGelijkeDelen(this, aantal);

    /// <inheritdoc />
    public bool Equals(Bedrag other) => _euros == other._euros;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bedrag other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Centen.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Bedrag other) => _euros.CompareTo(other._euros);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Bedrag other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a Bedrag.", nameof(obj)),
    };

    /// <summary>The Dutch form, e.g. <c>€ 1.234,56</c> or <c>€ -12,50</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => Format(dutch: true);

    /// <summary>The invariant form with a point and no grouping, e.g. <c>1234.56</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public string ToInvariantString() => _euros.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an amount in the Dutch form (<c>€ 1.234,56</c>, <c>1234,56</c>) or the invariant form (<c>1234.56</c>).
    /// A text with both a point and a comma is read as Dutch (point for thousands); with only a comma as Dutch;
    /// with only a point as invariant.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigBedrag"/> when the text is not an amount in whole cents.</exception>
    public static Bedrag Parse(string text)
    {
        if (TryParse(text, out var result, out var why))
        {
            return result;
        }

        throw new BekostigingException(FoutCode.OngeldigBedrag, $"'{text}' is not an amount of euros: {why}");
    }

    /// <summary>Tries to read an amount; see <see cref="Parse(string)"/> for the accepted forms.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The amount, when the text is one.</param>
    /// <returns>Whether the text is an amount.</returns>
    public static bool TryParse(string? text, out Bedrag result) => TryParse(text, out result, out _);

    private static bool TryParse(string? text, out Bedrag result, out string why)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            why = "the text is empty.";
            return false;
        }

        var s = text!.Trim().Replace("\u00A0", " ");
        if (s.Length > 0 && s[0] == '€')
        {
            s = s.Substring(1).TrimStart();
        }

        var hasComma = s.IndexOf(',') >= 0;
        var hasPoint = s.IndexOf('.') >= 0;
        if (hasComma)
        {
            var commaAt = s.LastIndexOf(',');
            if (hasPoint && s.IndexOf('.') > commaAt)
            {
                why = "a point after the decimal comma.";
                return false;
            }

            if (hasPoint && !ValidGrouping(s.Substring(0, commaAt)))
            {
                why = "thousands must be grouped by three with points.";
                return false;
            }

            s = s.Replace(".", string.Empty).Replace(',', '.');
        }

        if (s.Length == 0 || HasForeignCharacter(s))
        {
            why = "it contains characters other than digits, a sign and one decimal separator.";
            return false;
        }

        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            why = "it is not a number.";
            return false;
        }

        if (Afronden.OpCenten(value) != value)
        {
            why = "it has fractions of a cent.";
            return false;
        }

        if (value is > Maximum or < -Maximum)
        {
            why = FormattableString.Invariant($"it is outside the range of an amount (at most {Maximum:0} euros either way).");
            return false;
        }

        result = new Bedrag(Normalize(value));
        why = string.Empty;
        return true;
    }

    private static bool HasForeignCharacter(string s)
    {
        foreach (var c in s)
        {
            if (c is not ((>= '0' and <= '9') or '.' or '-'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValidGrouping(string integerPart)
    {
        var digits = integerPart.TrimStart('-');
        var groups = digits.Split('.');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    private string Format(bool dutch, bool withSign = true)
    {
        var abs = Math.Abs(_euros);
        var text = abs.ToString("#,0.00", CultureInfo.InvariantCulture);
        if (dutch)
        {
            text = text.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
        }

        var sign = _euros < 0m ? "-" : string.Empty;
        return withSign ? $"€ {sign}{text}" : sign + text;
    }

    private static Bedrag Product(decimal euros, decimal factor)
    {
        // |euros| ≤ 10^12, so only a factor beyond ~7.9 × 10^16 can overflow decimal; that product is out of range anyway.
        decimal product;
        try
        {
            product = euros * factor;
        }
        catch (OverflowException)
        {
            throw new BekostigingException(
                FoutCode.OngeldigBedrag,
                FormattableString.Invariant($"{euros:0.00} × {factor} is outside the range of an amount (at most {Maximum:0} euros either way)."));
        }

        return Afgerond(product);
    }

    private static BekostigingException BuitenBereik(decimal euros) => new(
        FoutCode.OngeldigBedrag,
        FormattableString.Invariant($"{euros} euros is outside the range of an amount (at most {Maximum:0} euros either way)."));

    // Scale normalisation: 2.5m and 2.50m must print, hash and compare the same.
    private static decimal Normalize(decimal value) => decimal.Round(value, 2) + 0.00m;
}
