using Xunit;

namespace Bekostiging.Tests.Geld;

public class BedragTests
{
    [Theory]
    [InlineData("1234.56", "€ 1.234,56")]
    [InlineData("0", "€ 0,00")]
    [InlineData("-12.5", "€ -12,50")]
    [InlineData("1000000", "€ 1.000.000,00")]
    [InlineData("208.34", "€ 208,34")]
    public void Formats_in_Dutch(string euros, string expected)
        => Assert.Equal(expected, Bedrag.Van(decimal.Parse(euros, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Formats_invariant_and_as_a_number()
    {
        var b = Bedrag.Van(1234.5m);
        Assert.Equal("1234.50", b.ToInvariantString());
        Assert.Equal("1.234,50", b.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("1234.50", b.ToString("I", null));
    }

    [Theory]
    [InlineData("€ 1.234,56", 1234.56)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1234,56", 1234.56)]
    [InlineData("1234.56", 1234.56)]
    [InlineData("€ -12,50", -12.50)]
    [InlineData("  86  ", 86)]
    [InlineData("€\u00A0750,00", 750)]
    public void Parses_Dutch_and_invariant(string text, decimal expected)
        => Assert.Equal(Bedrag.Van(expected), Bedrag.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,234.56")]
    [InlineData("12.3456")]
    [InlineData("1.23,45")]
    [InlineData("1e5")]
    [InlineData("€ 12,345")]
    public void Rejects_what_is_not_an_amount_with_a_typed_error(string text)
    {
        var ex = Assert.Throws<BekostigingException>(() => Bedrag.Parse(text));
        Assert.Equal(FoutCode.OngeldigBedrag, ex.Code);
        Assert.Contains(text.Trim().Length == 0 ? "empty" : "not an amount", ex.Message, System.StringComparison.Ordinal);
        Assert.False(Bedrag.TryParse(text, out _));
    }

    [Fact]
    public void Van_rejects_fractions_of_a_cent_and_Afgerond_rounds_half_away_from_zero()
    {
        Assert.Equal(FoutCode.OngeldigBedrag, Assert.Throws<BekostigingException>(() => Bedrag.Van(1.005m)).Code);
        Assert.Equal(Bedrag.Van(1.01m), Bedrag.Afgerond(1.005m));
        Assert.Equal(Bedrag.Van(-1.01m), Bedrag.Afgerond(-1.005m));
        Assert.Equal(Bedrag.Van(1.00m), Bedrag.Afgerond(1.0049m));
    }

    [Fact]
    public void Multiplying_rounds_once_per_line()
    {
        // domain.md §11 example 2: 1.5 h × €86.00 = €129.00; 2.25 h × €86.00 = €193.50; 2 h × €90.27 = €180.54.
        Assert.Equal(Bedrag.Van(129.00m), Bedrag.Van(86m) * 1.5m);
        Assert.Equal(Bedrag.Van(193.50m), Bedrag.Van(86m) * 2.25m);
        Assert.Equal(Bedrag.Van(180.54m), 2m * Bedrag.Van(90.27m));
        // 0.25 × 86.01 = 21.5025 → 21.50; 1.5 × 86.03 = 129.045 → 129.05 (half away from zero).
        Assert.Equal(Bedrag.Van(21.50m), Bedrag.Van(86.01m) * 0.25m);
        Assert.Equal(Bedrag.Van(129.05m), Bedrag.Van(86.03m) * 1.5m);
    }

    [Fact]
    public void Equal_amounts_of_different_scale_are_equal_and_hash_alike()
    {
        Assert.Equal(Bedrag.Van(2.5m), Bedrag.Van(2.50m));
        Assert.Equal(Bedrag.Van(2.5m).GetHashCode(), Bedrag.Van(2.50m).GetHashCode());
        Assert.True(Bedrag.Van(2.5m) == Bedrag.VanCenten(250));
        Assert.True(Bedrag.Van(1m) < Bedrag.Van(1.01m));
        Assert.Equal(250, Bedrag.Van(2.5m).Centen);
    }

    [Fact]
    public void Arithmetic()
    {
        var a = Bedrag.Van(100.10m);
        var b = Bedrag.Van(0.95m);
        Assert.Equal(Bedrag.Van(101.05m), a + b);
        Assert.Equal(Bedrag.Van(99.15m), a - b);
        Assert.Equal(Bedrag.Van(-0.95m), -b);
        Assert.Equal(b, Bedrag.Min(a, b));
        Assert.Equal(a, Bedrag.Max(a, b));
        Assert.True(Bedrag.Nul.IsNul);
        Assert.True((-b).IsNegatief);
    }
}
