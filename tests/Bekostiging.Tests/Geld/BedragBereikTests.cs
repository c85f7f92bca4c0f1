using System;
using System.Collections.Generic;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Terms;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Geld;

/// <summary>
/// Issue 13 point 13: an amount lies within ±€10^12, every operation that would leave the range throws a typed
/// error, and the other listed argument checks (dates, calendars, splits, enums, hours, null) are typed too.
/// </summary>
public class BedragBereikTests
{
    private const decimal Max = 1_000_000_000_000m;

    [Fact]
    public void The_range_is_plus_and_minus_10_to_the_12_euros_inclusive()
    {
        Assert.Equal(Max, Bedrag.Maximum);
        Assert.Equal(100_000_000_000_000L, Bedrag.Van(Max).Centen); // 10^12 euros = 10^14 cents
        Assert.Equal(-100_000_000_000_000L, Bedrag.Van(-Max).Centen);
        Assert.Equal(Bedrag.Van(Max), Bedrag.VanCenten(100_000_000_000_000L));
        Assert.Equal(Bedrag.Van(Max), Bedrag.Parse("1000000000000.00"));
    }

    [Fact]
    public void Every_way_out_of_the_range_is_an_OngeldigBedrag()
    {
        var max = Bedrag.Van(Max);
        var cent = Bedrag.Van(0.01m);
        Buiten(() => Bedrag.Van(Max + 0.01m));
        Buiten(() => Bedrag.Van(-Max - 0.01m));
        Buiten(() => Bedrag.VanCenten(long.MaxValue));
        Buiten(() => Bedrag.VanCenten(long.MinValue));
        Buiten(() => Bedrag.Afgerond(decimal.MaxValue));
        Buiten(() => Bedrag.Afgerond(Max + 0.005m)); // rounds half away from zero to 10^12 + 0.01
        Buiten(() => max + cent);
        Buiten(() => -max - cent);
        Buiten(() => max * 2m);
        Buiten(() => 2m * max);
        Buiten(() => max * decimal.MaxValue); // the product overflows decimal itself
        Buiten(() => Bedrag.Parse("1000000000000.01"));
        Assert.False(Bedrag.TryParse("99999999999999999999", out _));

        // Half a cent below the edge rounds onto it.
        Assert.Equal(max, Bedrag.Afgerond(Max + 0.004m));
    }

    private static void Buiten(Func<object> f)
    {
        var ex = Assert.Throws<BekostigingException>(f);
        Assert.Equal(FoutCode.OngeldigBedrag, ex.Code);
    }

    [Fact]
    public void Extreme_amounts_hash_and_compare_so_a_hash_set_of_them_works()
    {
        var set = new HashSet<Bedrag> { Bedrag.Van(Max), Bedrag.Van(-Max), Bedrag.Van(Max - 0.01m), Bedrag.Van(Max) };
        Assert.Equal(3, set.Count);
        Assert.Contains(Bedrag.VanCenten(100_000_000_000_000L), set);
        Assert.Equal(Bedrag.Van(2.5m).GetHashCode(), Bedrag.Van(2.50m).GetHashCode());
    }

    [Fact]
    public void A_split_into_more_than_10000_parts_is_refused_before_memory_is_taken()
    {
        var ex = Assert.Throws<BekostigingException>(() => Bedrag.Van(100m).Verdeel(int.MaxValue));
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);
        Assert.Contains("at most 10000 parts", ex.Message, StringComparison.Ordinal);

        // €1.00 into 10,000 parts: 100 parts of one cent (the earlier ones), 9,900 of nothing; they add up to €1.00.
        var delen = Bedrag.Van(1m).Verdeel(10_000);
        Assert.Equal(10_000, delen.Length);
        Assert.Equal(Bedrag.Van(0.01m), delen[99]);
        Assert.Equal(Bedrag.Nul, delen[100]);
        Assert.Throws<BekostigingException>(() => new Termijnen("t", Bedrag.Van(100m), 10_001, Duur.Maanden(1)));
    }

    [Fact]
    public void Dates_at_the_end_of_the_calendar_and_other_calendars_are_typed_errors()
    {
        var na = Assert.Throws<BekostigingException>(() => Duur.Dagen(1).Voltooid(LocalDate.MaxIsoValue));
        Assert.Equal("[OngeldigeParameter] 9999-12-31 + 1 × 1 dag falls outside the calendar (years 1–9999).", na.Message);
        Assert.Throws<BekostigingException>(() => Duur.Jaren(100).Na(new LocalDate(2026, 1, 1), int.MaxValue));

        var juliaans = new LocalDate(2026, 3, 1, CalendarSystem.Julian);
        var ex = Assert.Throws<BekostigingException>(() => new Start("S", juliaans));
        Assert.Contains("dates are in the ISO calendar, not Julian", ex.Message, StringComparison.Ordinal);
        Assert.Throws<BekostigingException>(() => new Aanmelding("A", new LocalDate(2026, 3, 1)) with { Gemeld = juliaans });
        Assert.Throws<BekostigingException>(() => new Raamovereenkomst("C", ValueList.Of("G"), "A", juliaans, Duur.Jaren(1), ValueList<Productafspraak>.Empty));
    }

    [Fact]
    public void Undefined_enum_values_negative_hours_and_null_are_argument_errors()
    {
        Assert.Throws<BekostigingException>(() => new Plaatsing("P", new LocalDate(2026, 3, 1), (Uitstroomtype)99, 32m));
        Assert.Throws<BekostigingException>(() => new Bonusklasse((Uitstroomtype)99, 12m, null, Bedrag.Van(1m)));
        Assert.Throws<BekostigingException>(() => new Bonusklasse(Uitstroomtype.RegulierWerk, -1m, null, Bedrag.Van(1m)));
        Assert.Throws<BekostigingException>(() => new Indexatie((IndexatieMoment)7, ValueList<Indexatiepercentage>.Empty));
        Assert.Throws<BekostigingException>(() => new Duur(1, (DuurEenheid)9));
        Assert.Throws<ArgumentNullException>(() => Factuurinstellingen.Reeks(null!));
        Assert.Throws<ArgumentNullException>(() => new Indexatie(IndexatieMoment.Contractjaar, null!));
    }
}
