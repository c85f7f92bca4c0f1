using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Tijd;

public class DuurTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_term_of_N_months_covers_B_through_B_plus_N_months_minus_one_day_and_completes_on_B_plus_N_months()
    {
        var zes = Duur.Maanden(6);
        Assert.Equal(D(2026, 9, 30), zes.LaatsteDag(D(2026, 4, 1)));
        Assert.Equal(D(2026, 10, 1), zes.Voltooid(D(2026, 4, 1)));
    }

    [Fact]
    public void Adding_months_clamps_to_the_months_end()
    {
        Assert.Equal(D(2026, 2, 28), Duur.Maanden(1).Voltooid(D(2026, 1, 31)));
        Assert.Equal(D(2028, 2, 29), Duur.Maanden(1).Voltooid(D(2028, 1, 31)));
        Assert.Equal(D(2027, 2, 28), Duur.Maanden(6).Voltooid(D(2026, 8, 31)));
        Assert.Equal(D(2027, 2, 27), Duur.Maanden(6).LaatsteDag(D(2026, 8, 31)));
        Assert.Equal(D(2029, 2, 28), Duur.Jaren(1).Voltooid(D(2028, 2, 29)));
    }

    [Fact]
    public void Repeated_terms_are_computed_from_the_start_not_chained()
    {
        var maand = Duur.Maanden(1);
        Assert.Equal(D(2026, 1, 31), maand.Na(D(2026, 1, 31), 0));
        Assert.Equal(D(2026, 2, 28), maand.Na(D(2026, 1, 31), 1));
        Assert.Equal(D(2026, 3, 31), maand.Na(D(2026, 1, 31), 2));
        Assert.Equal(D(2026, 4, 30), maand.Na(D(2026, 1, 31), 3));
    }

    [Fact]
    public void Extension_starts_the_day_after_the_current_end()
    {
        // Current end 2026-02-28; + 1 month as a new term from 2026-03-01 ends 2026-03-31 (not 2026-03-28).
        Assert.Equal(D(2026, 3, 31), Duur.Maanden(1).Verleng(D(2026, 2, 28)));
        // Contract 2026-01-01 t/m 2027-12-31 + 1 year → t/m 2028-12-31 (domain.md §11 example 12).
        Assert.Equal(D(2028, 12, 31), Duur.Jaren(1).Verleng(D(2027, 12, 31)));
    }

    [Fact]
    public void Weeks_and_days()
    {
        Assert.Equal(D(2026, 8, 31), Duur.Dagen(182).Voltooid(D(2026, 3, 2)));
        Assert.Equal(D(2026, 8, 31), Duur.Weken(26).Voltooid(D(2026, 3, 2)));
        Assert.Equal("6 maanden", Duur.Maanden(6).ToString());
        Assert.Equal(FoutCode.OngeldigeParameter, Assert.Throws<BekostigingException>(() => Duur.Dagen(-1)).Code);
    }

    [Fact]
    public void Contract_years_and_calendar_helpers()
    {
        var s = D(2026, 1, 1);
        Assert.Equal(1, Kalender.Contractjaar(s, D(2026, 12, 31)));
        Assert.Equal(2, Kalender.Contractjaar(s, D(2027, 1, 1)));
        Assert.Equal(3, Kalender.Contractjaar(s, D(2028, 12, 15)));
        Assert.Equal(1, Kalender.Contractjaar(s, D(2025, 6, 1)));
        var leap = D(2028, 2, 29);
        Assert.Equal(1, Kalender.Contractjaar(leap, D(2029, 2, 27)));
        Assert.Equal(2, Kalender.Contractjaar(leap, D(2029, 2, 28)));
        Assert.Equal(D(2029, 2, 27), Kalender.EindeContractjaar(leap, 1));
        Assert.Equal(3, Kalender.Kwartaal(D(2026, 9, 30)));
        Assert.Equal(new DateInterval(D(2026, 10, 1), D(2026, 12, 31)), Kalender.KwartaalPeriode(2026, 4));
        Assert.Equal((2026, 53), Kalender.IsoWeek(D(2026, 12, 31)));
        Assert.Equal((2027, 1), Kalender.IsoWeek(D(2027, 1, 4)));
        Assert.Equal(D(2026, 12, 28), Kalender.MaandagVanWeek(D(2027, 1, 3)));
        Assert.Equal(D(2028, 2, 29), Kalender.EindeMaand(D(2028, 2, 3)));
    }

    private static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(0, 365 * 30).Select(d => D(2010, 1, 1).PlusDays(d)).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Term_arithmetic_never_moves_backwards() =>
        Prop.ForAll(Dates(), Gen.Choose(0, 99).ToArbitrary(), Gen.Elements(DuurEenheid.Dagen, DuurEenheid.Weken, DuurEenheid.Maanden, DuurEenheid.Jaren).ToArbitrary(), (b, n, unit) =>
        {
            var duur = new Duur(n, unit);
            var next = new Duur(n + 1, unit);
            return duur.Voltooid(b) >= b
                && next.Voltooid(b) > duur.Voltooid(b)
                && duur.LaatsteDag(b) == duur.Voltooid(b).PlusDays(-1)
                && next.Verleng(duur.LaatsteDag(b)) >= duur.LaatsteDag(b);
        });

    [Property(MaxTest = 1000)]
    public Property Every_date_is_in_exactly_the_contract_year_whose_bounds_contain_it() =>
        Prop.ForAll(Dates(), Dates(), (s, d) =>
        {
            var k = Kalender.Contractjaar(s, d);
            return d < s ? k == 1 : Kalender.BeginContractjaar(s, k) <= d && d <= Kalender.EindeContractjaar(s, k);
        });
}
