using Xunit;

namespace Bekostiging.Tests.Tijd;

/// <summary>Issue 13 point 12: a duration is at most 100 years, in every unit, and a longer one is a typed error.</summary>
public class DuurBereikTests
{
    [Theory]
    [InlineData(DuurEenheid.Dagen, 36_525)] // 100 × 365.25 days
    [InlineData(DuurEenheid.Weken, 5_217)] // 5,217 × 7 = 36,519 days, the most whole weeks within 36,525 days
    [InlineData(DuurEenheid.Maanden, 1_200)] // 100 × 12
    [InlineData(DuurEenheid.Jaren, 100)]
    public void Hundred_years_is_the_longest_duration_in_every_unit(DuurEenheid eenheid, int max)
    {
        Assert.Equal(max, Duur.MaximaalAantal(eenheid));
        Assert.Equal(max, new Duur(max, eenheid).Aantal);
        var ex = Assert.Throws<BekostigingException>(() => new Duur(max + 1, eenheid));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Throws<BekostigingException>(() => new Duur(1, eenheid) with { Aantal = max + 1 });
    }

    [Fact]
    public void The_issue_examples_throw_typed_errors()
    {
        var jaren = Assert.Throws<BekostigingException>(() => Duur.Jaren(100_000));
        Assert.Equal("[OngeldigeParameter] aantal = 100000: a duration is at most 100 years (100 jaren).", jaren.Message);
        var maanden = Assert.Throws<BekostigingException>(() => Duur.Maanden(int.MaxValue));
        Assert.Equal("[OngeldigeParameter] aantal = 2147483647: a duration is at most 100 years (1200 maanden).", maanden.Message);
        Assert.Throws<BekostigingException>(() => Duur.Dagen(-1));

        // Changing the unit of 1,200 months to years would make 1,200 years.
        Assert.Throws<BekostigingException>(() => Duur.Maanden(1_200) with { Eenheid = DuurEenheid.Jaren });
    }
}
