using System;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Bekostiging.Tests.Geld;

/// <summary>
/// Bedrag with the standard numeric formats: the provider's separators and layout, always the euro sign.
/// Expected texts are written out by hand from each culture's conventions (nl-NL: point groups, comma decimals,
/// "€ n" and "€ -n"; en-US: comma groups, point decimals, "€n" and "-€n"; de-DE: "n €"; invariant: "€n" and "(€n)").
/// </summary>
public class BedragOpmaakTests
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Theory]
    // 1234.56: N2 groups thousands, F2 does not, C puts the euro sign where the culture puts its currency.
    [InlineData("nl-NL", "C", 1234.56, "€ 1.234,56")]
    [InlineData("nl-NL", "N2", 1234.56, "1.234,56")]
    [InlineData("nl-NL", "F2", 1234.56, "1234,56")]
    [InlineData("nl-NL", "C", -12.50, "€ -12,50")]
    [InlineData("nl-NL", "C0", 1234.56, "€ 1.235")] // .56 rounds the euro up
    [InlineData("nl-NL", "N0", 1234.50, "1.235")] // half away from zero
    [InlineData("nl-NL", "N2", -1000000.00, "-1.000.000,00")]
    [InlineData("en-US", "C", 1234.56, "€1,234.56")]
    [InlineData("en-US", "N2", 1234.56, "1,234.56")]
    [InlineData("en-US", "F2", 1234.56, "1234.56")]
    [InlineData("en-US", "C", -12.50, "-€12.50")]
    [InlineData("de-DE", "N2", 1234.56, "1.234,56")]
    [InlineData("de-DE", "F2", 1234.56, "1234,56")]
    [InlineData("", "C", 1234.56, "€1,234.56")]
    [InlineData("", "C", -12.50, "(€12.50)")]
    [InlineData("", "N2", 1234.56, "1,234.56")]
    [InlineData("", "F2", 1234.56, "1234.56")]
    [InlineData("", "0.000", 1234.56, "1234.560")]
    public void Standard_formats_follow_the_culture_with_the_euro_sign(string culture, string format, double euros, string expected)
    {
        var b = Bedrag.Van((decimal)euros);
        var c = culture.Length == 0 ? Inv : CultureInfo.GetCultureInfo(culture);
        Assert.Equal(expected, b.ToString(format, c));
        Assert.Equal(expected, string.Format(c, "{0:" + format + "}", b));
        Assert.Equal(expected, Span(b, format, c));
        Assert.Equal(expected, Encoding.UTF8.GetString(Utf8(b, format, c)));
    }

    [Fact]
    public void German_currency_puts_the_euro_sign_after_the_amount()
    {
        // de-DE writes "n €"; the space may be the culture's no-break space.
        var text = Bedrag.Van(1234.56m).ToString("C", De).Replace('\u00A0', ' ');
        Assert.Equal("1.234,56 €", text);
    }

    [Fact]
    public void Interpolation_with_a_culture_honours_it()
    {
        var b = Bedrag.Van(1234.56m);
        Assert.Equal("€ 1.234,56 / 1.234,56 / 1234,56", string.Create(Nl, $"{b:C} / {b:N2} / {b:F2}"));
        Assert.Equal("€1,234.56 / 1,234.56 / 1234.56", string.Create(Us, $"{b:C} / {b:N2} / {b:F2}"));
        Assert.Equal("€ 1.234,56", string.Create(Us, $"{b}")); // no format: the Dutch form of documents
    }

    [Fact]
    public void Without_a_format_the_Dutch_form_and_I_the_invariant_form_in_every_culture()
    {
        var b = Bedrag.Van(-1234.5m);
        foreach (var c in new[] { Nl, Us, De, Inv })
        {
            Assert.Equal("€ -1.234,50", b.ToString(null, c));
            Assert.Equal("€ -1.234,50", b.ToString(string.Empty, c));
            Assert.Equal("-1234.50", b.ToString("I", c));
            Assert.Equal("€ -1.234,50", Span(b, string.Empty, c));
            Assert.Equal("-1234.50", Span(b, "I", c));
            Assert.Equal("€ -1.234,50", Encoding.UTF8.GetString(Utf8(b, string.Empty, c)));
        }
    }

    [Fact]
    public void A_culture_without_data_uses_the_current_culture_and_an_unknown_format_is_a_FormatException()
    {
        var b = Bedrag.Van(5m);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = Nl;
            Assert.Equal("€ 5,00", b.ToString("C", null));
            Assert.Equal("5,00", b.ToString("N2", null));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Throws<FormatException>(() => b.ToString("X", Inv));
        Assert.Throws<FormatException>(() => b.ToString("D", Inv));
    }

    [Fact]
    public void TryFormat_reports_a_destination_that_is_too_small()
    {
        var b = Bedrag.Van(1234.56m);
        Span<char> small = stackalloc char[5];
        Assert.False(b.TryFormat(small, out _, "C", Nl));
        Span<byte> bytes = stackalloc byte[5];
        Assert.False(b.TryFormat(bytes, out _, ReadOnlySpan<char>.Empty, Nl)); // "€ 1.234,56" is 12 bytes: € takes three
        Span<byte> enough = stackalloc byte[12];
        Assert.True(b.TryFormat(enough, out var written, ReadOnlySpan<char>.Empty, Nl));
        Assert.Equal(12, written);
    }

    [Property(MaxTest = 300)]
    public Property Every_amount_formats_the_same_through_string_span_and_UTF8_without_a_format()
        => Prop.ForAll(Arb.From(Gen.Choose(-2_000_000_000, 2_000_000_000)), Arb.From(Gen.Choose(0, 99)), (whole, cents) =>
        {
            var b = Bedrag.VanCenten(((long)whole * 100) + cents);
            var text = b.ToString();
            return text == b.ToString(null, Us) && text == Span(b, string.Empty, Us) && text == Encoding.UTF8.GetString(Utf8(b, string.Empty, Us))
                && text == b.ToString("C", Nl);
        });

    private static string Span(Bedrag b, string format, IFormatProvider provider)
    {
        Span<char> buffer = stackalloc char[64];
        Assert.True(b.TryFormat(buffer, out var n, format, provider));
        return buffer[..n].ToString();
    }

    private static byte[] Utf8(Bedrag b, string format, IFormatProvider provider)
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(b.TryFormat(buffer, out var n, format, provider));
        return buffer[..n].ToArray();
    }
}
