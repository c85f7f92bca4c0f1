using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Bekostiging.Tests.Geld;

public class VerdelingTests
{
    [Fact]
    public void Example_2500_into_12_gives_4_times_208_34_then_8_times_208_33()
    {
        var parts = Bedrag.Van(2500m).Verdeel(12);
        Assert.Equal(Enumerable.Repeat(Bedrag.Van(208.34m), 4).Concat(Enumerable.Repeat(Bedrag.Van(208.33m), 8)), parts);
    }

    [Fact]
    public void Two_part_percentage_split_rounds_the_first_and_gives_the_rest_to_the_second()
    {
        // 33 % of €1,000.01 = 330.0033 → 330.00; the rest 670.01.
        var parts = Verdeling.NaarPercentages(Bedrag.Van(1000.01m), new[] { 33m, 67m });
        Assert.Equal(new[] { Bedrag.Van(330.00m), Bedrag.Van(670.01m) }, parts);
        // 50 % of €0.01: exact shares 0.005 and 0.005; the tie goes to the earlier part.
        Assert.Equal(new[] { Bedrag.Van(0.01m), Bedrag.Nul }, Verdeling.NaarPercentages(Bedrag.Van(0.01m), new[] { 50m, 50m }));
    }

    [Fact]
    public void By_weights_gives_leftover_cents_to_largest_remainders()
    {
        // €10.00 by 1:1:1 → 3.333…; one cent left, all remainders tie → the first part.
        Assert.Equal(new[] { Bedrag.Van(3.34m), Bedrag.Van(3.33m), Bedrag.Van(3.33m) }, Verdeling.NaarGewichten(Bedrag.Van(10m), new[] { 1m, 1m, 1m }));
        // €1.00 by 1:2:3 → 0.1666, 0.3333, 0.5 → floors 16, 33, 50 = 99 cents; largest remainder .66 → first part.
        Assert.Equal(new[] { Bedrag.Van(0.17m), Bedrag.Van(0.33m), Bedrag.Van(0.50m) }, Verdeling.NaarGewichten(Bedrag.Van(1m), new[] { 1m, 2m, 3m }));
        // Negative wholes split symmetrically.
        Assert.Equal(new[] { Bedrag.Van(-3.34m), Bedrag.Van(-3.33m), Bedrag.Van(-3.33m) }, Verdeling.InGelijkeDelen(Bedrag.Van(-10m), 3));
    }

    [Fact]
    public void Bad_arguments_are_typed_errors()
    {
        Assert.Equal(FoutCode.OngeldigeParameter, Assert.Throws<BekostigingException>(() => Verdeling.InGelijkeDelen(Bedrag.Van(1m), 0)).Code);
        Assert.Equal(FoutCode.OngeldigeParameter, Assert.Throws<BekostigingException>(() => Verdeling.NaarPercentages(Bedrag.Van(1m), new[] { 50m, 40m })).Code);
        Assert.Equal(FoutCode.OngeldigeParameter, Assert.Throws<BekostigingException>(() => Verdeling.NaarGewichten(Bedrag.Van(1m), new[] { 1m, -1m })).Code);
        Assert.Equal(FoutCode.OngeldigeParameter, Assert.Throws<BekostigingException>(() => Verdeling.NaarGewichten(Bedrag.Van(1m), new[] { 0m, 0m })).Code);
    }

    private static Arbitrary<(long Cents, decimal[] Weights)> Splits() =>
        Gen.Zip(
                Gen.Choose(-1_000_000, 100_000_000).Select(c => (long)c),
                Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 10_000).Select(w => w / 100m), n)))
            .Where(t => t.Item2.Sum() > 0)
            .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Parts_sum_to_the_whole_and_stay_within_a_cent_of_the_exact_share() =>
        Prop.ForAll(Splits(), t =>
        {
            var whole = Bedrag.VanCenten(t.Cents);
            var parts = Verdeling.NaarGewichten(whole, t.Weights);
            var total = t.Weights.Sum();
            var sums = parts.Aggregate(Bedrag.Nul, (a, b) => a + b) == whole;
            var close = parts.Select((p, i) => System.Math.Abs(p.Euros - (whole.Euros * t.Weights[i] / total))).All(d => d < 0.01m);
            return sums && close;
        });

    [Property(MaxTest = 1000)]
    public Property Equal_parts_differ_by_at_most_one_cent_and_earlier_parts_are_not_smaller() =>
        Prop.ForAll(Gen.Choose(0, 10_000_000).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (cents, n) =>
        {
            var parts = Bedrag.VanCenten(cents).Verdeel(n);
            var pairs = parts.Zip(parts.Skip(1), (a, b) => a >= b && (a - b).Centen <= 1);
            return pairs.All(x => x) && parts.Aggregate(Bedrag.Nul, (a, b) => a + b).Centen == cents;
        });

    [Property(MaxTest = 1000)]
    public Property Rounding_is_idempotent() =>
        Prop.ForAll(Gen.Choose(int.MinValue, int.MaxValue).Select(i => i / 997m).ToArbitrary(), x =>
            Afronden.OpCenten(Afronden.OpCenten(x)) == Afronden.OpCenten(x)
            && Bedrag.Afgerond(x) == Bedrag.Afgerond(Bedrag.Afgerond(x).Euros));
}
