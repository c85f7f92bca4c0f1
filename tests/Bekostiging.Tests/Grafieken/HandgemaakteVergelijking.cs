using Bekostiging.Grafieken;
using Bekostiging.Scenarios;

namespace Bekostiging.Tests.Grafieken;

/// <summary>A comparison built by hand with known values, so the tables can be checked number by number.</summary>
internal static class HandgemaakteVergelijking
{
    public static readonly ModelUitkomst Bonus = new(
        "Starttarief + bonus",
        new Kostenverdeling(Bedrag.Van(46900m), Bedrag.Van(41000m), Bedrag.Van(47000m), Bedrag.Van(53000m)),
        ValueList.Of(41000m, 44000m, 47000m, 47000m, 53000m, 49400m),
        13.375m,
        Bedrag.Van(3506.54m),
        ValueList.Of(
            new Jaarkosten(2026, Bedrag.Van(14901.25m), Bedrag.Van(20250m), 0.05m),
            new Jaarkosten(2027, Bedrag.Van(22965m), Bedrag.Van(28250m), 0.125m),
            new Jaarkosten(2028, Bedrag.Van(8493.75m), Bedrag.Van(14000m), 0m)),
        ValueList.Of(
            new ProfielUitkomst(1, 12, Bedrag.Van(2500m), Bedrag.Van(1265.44m), Bedrag.Van(1234.56m), Bedrag.Van(2000m)),
            new ProfielUitkomst(2, 10, Bedrag.Van(1500m), Bedrag.Van(2342.62m), Bedrag.Van(-842.62m), Bedrag.Van(1190.66m)),
            new ProfielUitkomst(4, 6, Bedrag.Van(750m), Bedrag.Van(6152.10m), Bedrag.Van(-5402.10m), Bedrag.Nul)),
        Bedrag.Van(6636.66m),
        new Gevoeligheid(Bedrag.Van(43960m), Bedrag.Van(46900m), Bedrag.Van(49470m)));

    // A pipe and a separator in the name: Markdown must escape the one, CSV must quote the other.
    public static readonly ModelUitkomst Uurtarief = new(
        "Uur|tarief; 86,00",
        new Kostenverdeling(Bedrag.Van(219173.58m), Bedrag.Van(195392m), Bedrag.Van(219128m), Bedrag.Van(240112m)),
        ValueList.Of(195392m, 219128m, 240112m, 222062.32m),
        0m,
        Bedrag.Nul,
        ValueList.Of(
            new Jaarkosten(2026, Bedrag.Van(63111.10m), Bedrag.Van(88322m), 0m),
            new Jaarkosten(2027, Bedrag.Van(108792.58m), Bedrag.Van(133816m), 0m),
            new Jaarkosten(2028, Bedrag.Van(47269.90m), Bedrag.Van(70176m), 0m)),
        ValueList.Of(
            new ProfielUitkomst(1, 12, Bedrag.Van(3000m), Bedrag.Van(1757m), Bedrag.Van(1243m), Bedrag.Van(-206.07m)),
            new ProfielUitkomst(2, 10, Bedrag.Van(4000m), Bedrag.Van(2233.61m), Bedrag.Van(1766.39m), Bedrag.Van(-484.33m)),
            new ProfielUitkomst(3, 8, Bedrag.Van(5000m), Bedrag.Van(2789.19m), Bedrag.Van(2210.81m), Bedrag.Van(-490.39m)),
            new ProfielUitkomst(4, 6, Bedrag.Van(6000m), Bedrag.Van(3334.09m), Bedrag.Van(2665.91m), Bedrag.Van(-166.94m))),
        Bedrag.Van(-1422.91m),
        null);

    public static Vergelijking MetBudget() => new("proef", 1000, 2026, 36, Bedrag.Van(200000m), ValueList.Of(Bonus, Uurtarief));

    public static Vergelijking ZonderBudget() => MetBudget() with { BudgetPerJaar = null };
}
