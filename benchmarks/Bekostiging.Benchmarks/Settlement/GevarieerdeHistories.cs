using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Terms;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Bekostiging.Benchmarks.Settlement;

/// <summary>One generated traject with its events as given (duplicates, Intrekkingen, late reports, any order) and its peildatum.</summary>
internal sealed record GevarieerdTraject(Traject Traject, Gebeurtenis[] Gebeurtenissen, LocalDate Peildatum);

/// <summary>
/// Varied histories for <see cref="GevarieerdeHistorieBenchmarks"/>, drawn as the settlement property tests draw theirs
/// (tests/Bekostiging.Tests/Settlement/HistoryGenerators.cs and the late reports of Json/RoundTripGenerators.cs, as
/// they were at commit 8af1884, before the engine redesign): models of every building block and every named preset,
/// half of them with a maximum per traject or maxima over chosen rules; histories with withdrawals (chains too),
/// exact duplicates, verlengingen on the window's last day, plaatsingen ended around durability boundaries, events
/// sharing a date, sequence numbers; some events reported late, and the input in shuffled order.
/// <para>
/// A frozen copy rather than a link to the test sources (decision 69): the benchmark must compile against the library
/// before and after the redesign and settle the same histories in both, while the test generators grow with the
/// redesign (a new building block, new event fields). Every draw comes from one fixed seed, so every run and both
/// builds settle the same trajecten.
/// </para>
/// <para>
/// The sizes run from 0 to 100 as over an FsCheck run of 101 tests, which gives about 22 events per traject. Every
/// traject starts within the term of the sample contract with both options exercised (2026–2029), so it can be settled
/// under that contract and its indexation.
/// </para>
/// </summary>
internal static class GevarieerdeHistories
{
    public const int Zaad = 20261204;

    /// <summary><paramref name="aantal"/> trajecten drawn from <see cref="Zaad"/>; the same every time.</summary>
    public static GevarieerdTraject[] Maak(int aantal)
    {
        var r = new Random(Zaad);
        var result = new GevarieerdTraject[aantal];
        for (var i = 0; i < aantal; i++)
        {
            var size = i % 101;
            var traject = Gen.Sample(Generatoren.Traject(50), 1, new Rnd((ulong)(Zaad + i)), size)[0];
            traject = traject with
            {
                Id = "T-" + i.ToString("00000", CultureInfo.InvariantCulture),
                ClientId = "C-" + i.ToString("00000", CultureInfo.InvariantCulture),
            };
            var h = new HistorieBouwer(traject, r.Next(), size).Bouw();
            var events = LaatGemeld(h.Gebeurtenissen, r.Next(0, 41)).ToArray();
            Schud(events, r);
            result[i] = new GevarieerdTraject(traject, events, h.Peildatum);
        }

        return result;
    }

    /// <summary>The mean number of events per traject as given (duplicates and Intrekkingen counted).</summary>
    public static double GemiddeldAantal(GevarieerdTraject[] trajecten) => trajecten.Average(t => t.Gebeurtenissen.Length);

    /// <summary>The sample contract with both verlengingsopties exercised: 2026-01-01 to 2029-12-31, indexed per contract year.</summary>
    public static Raamovereenkomst Contract()
    {
        var c = Omgeving.Contract();
        while (c.DeadlineVolgendeOptie is { } deadline)
        {
            c = c.OefenOptieUit(deadline);
        }

        return c;
    }

    private static void Schud(Gebeurtenis[] a, Random r)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>
    /// Uren, modules, mijlpalen and treden reported <paramref name="dagen"/> days late (chosen by id, so exact duplicates
    /// stay identical), an Intrekking never reported before what it withdraws; a history with corrections is reported
    /// in one go on its last date, since before that it may contradict itself.
    /// </summary>
    private static IReadOnlyList<Gebeurtenis> LaatGemeld(IReadOnlyList<Gebeurtenis> events, int dagen)
    {
        if (events.Any(e => e is Intrekking))
        {
            var alles = events.Max(e => e.Datum);
            return events.Select(e => e with { Gemeld = alles }).ToList();
        }

        if (dagen == 0)
        {
            return events;
        }

        return events.Select(e => e is Uren or Module or Mijlpaal or Trede && e.Id[^1] is '1' or '5' ? e with { Gemeld = e.Datum.PlusDays(dagen) } : e).ToList();
    }
}

/// <summary>The term generators of the settlement property tests (models of every building block and preset, maxima, trajecten).</summary>
internal static class Generatoren
{
    public static readonly Uitstroomtype[] AlleTypes = Enum.GetValues<Uitstroomtype>();

    public static readonly string[] ModuleCodes = { "M1", "M2", "M3", "MX" };

    public static readonly string[] MijlpaalSoorten =
    {
        Mijlpaal.Soorten.Intake, Mijlpaal.Soorten.Diagnose, Mijlpaal.Soorten.Trajectplan, Mijlpaal.Soorten.Afronding,
        Mijlpaal.Soorten.Nazorg, "eigen-1",
    };

    private static readonly string[] Fasen =
    {
        Mijlpaal.Soorten.Intake, Mijlpaal.Soorten.Diagnose, Mijlpaal.Soorten.Trajectplan, Fase.Plaatsing, Mijlpaal.Soorten.Nazorg, Mijlpaal.Soorten.Afronding,
    };

    public static Gen<Bedrag> Bedrag(int maxCenten) => Gen.Frequency(
        (1, Gen.Constant(Bekostiging.Bedrag.Nul)),
        (1, Gen.Choose(1, Math.Max(1, maxCenten / 10_000)).Select(e => Bekostiging.Bedrag.VanCenten(e * 100L * 100L))),
        (6, Gen.Choose(1, maxCenten).Select(c => Bekostiging.Bedrag.VanCenten(c))));

    public static Gen<Duur> Termijn { get; } = Gen.Frequency(
        (4, Gen.Choose(1, 12).Select(Duur.Maanden)),
        (2, Gen.Choose(1, 30).Select(Duur.Weken)),
        (2, Gen.Choose(1, 200).Select(Duur.Dagen)),
        (1, Gen.Constant(Duur.Jaren(1))));

    public static Gen<Duur> Doorlooptijd { get; } = Gen.Frequency(
        (5, Gen.Choose(1, 24).Select(Duur.Maanden)),
        (1, Gen.Choose(2, 104).Select(Duur.Weken)),
        (1, Gen.Choose(20, 800).Select(Duur.Dagen)),
        (1, Gen.Choose(1, 3).Select(Duur.Jaren)));

    public static Gen<Duurzaamheid> Duurzaamheid { get; } = Gen.Frequency(
        (4, Gen.Frequency((3, Gen.Choose(1, 12).Select(Duur.Maanden)), (1, Gen.Choose(1, 40).Select(Duur.Weken)), (1, Gen.Choose(1, 250).Select(Duur.Dagen)))
            .Select(Terms.Duurzaamheid.Aaneengesloten)),
        (2, Gen.Constant(Terms.Duurzaamheid.Geen)),
        (2, Gen.Choose(1, 26).SelectMany(n => Gen.Choose(n, n + 12).Select(m => Terms.Duurzaamheid.Cumulatief(n, m)))),
        (1, Gen.Constant(Terms.Duurzaamheid.VolgensBegrippen)));

    public static Gen<Resultaatdefinitie> Definitie { get; } =
        from types in Gen.SubListOf(AlleTypes).Where(l => l.Count > 0)
        from minUren in Gen.Elements<decimal?>(null, 0m, 0m, 8m, 12m, 20m, 32m)
        from minContract in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 12).Select(i => (int?)i)))
        from wachttijd in Gen.Frequency(
            (3, Gen.Constant<Duur?>(null)),
            (1, Gen.Choose(1, 3).Select(m => (Duur?)Duur.Maanden(m))),
            (1, Gen.Choose(1, 10).Select(w => (Duur?)Duur.Weken(w))))
        from duurzaamheid in Duurzaamheid
        from maxGap in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 40)))
        select new Resultaatdefinitie(types.ToValueList(), minUren, minContract, wachttijd, duurzaamheid, maxGap);

    public static Gen<Resultaatdefinitie> PresetDefinitie { get; } = Gen.Frequency(
        (1, Gen.Constant(Resultaatdefinitie.Standaard)),
        (1, Gen.Constant(Bekostigingsmodellen.UwvPlaatsing)),
        (1, Gen.Constant(Begrippen.Standaard.Resultaat)),
        (3, Definitie));

    public static Gen<Bonusklasse> Bonusklasse(Resultaatdefinitie d) =>
        from type in Gen.Frequency((4, Gen.Elements(d.Uitstroomtypes.ToArray())), (1, Gen.Elements(AlleTypes)))
        from min in Gen.Elements(0m, 0m, 12m, 20m, 32m)
        from max in Gen.Frequency((2, Gen.Constant<decimal?>(null)), (1, Gen.Elements(12m, 24m, 32m, 40m).Select(x => (decimal?)(min + x))))
        from bedrag in Bedrag(500_000)
        select new Bonusklasse(type, min, max, bedrag);

    public static Gen<Betaalregel> Eenmalig(string code) =>
        from aanleiding in Gen.Elements(Enum.GetValues<Aanleiding>())
        from bedrag in Bedrag(300_000)
        from soort in Gen.Elements(MijlpaalSoorten)
        from proRata in Gen.Elements(true, false)
        select (Betaalregel)(aanleiding == Aanleiding.Mijlpaal
            ? new Eenmalig(code, aanleiding, bedrag, soort)
            : new Eenmalig(code, aanleiding, bedrag) { ProRataBijUitval = proRata && aanleiding == Aanleiding.Afronding });

    public static Gen<Prijsdeel[]> Delen { get; } =
        from pcts in Gen.Elements(new[] { 100m }, new[] { 40m, 60m }, new[] { 50m, 50m }, new[] { 33.33m, 33.33m, 33.34m }, new[] { 0m, 100m }, new[] { 10m, 20.5m, 69.5m })
        from triggers in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Aanleiding>().Where(a => a != Aanleiding.Reclame).ToArray()), pcts.Length)
        from soorten in Gen.ArrayOf(Gen.Elements(MijlpaalSoorten), pcts.Length)
        select pcts.Select((p, i) => new Prijsdeel(p, triggers[i], triggers[i] == Aanleiding.Mijlpaal ? soorten[i] : null)).ToArray();

    public static Gen<Betaalregel> Regel(string code) => Gen.OneOf(
        Eenmalig(code),
        from tarief in Bedrag(15_000)
        from max in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, Gen.Choose(0, 400).Select(q => (decimal?)(q * 0.25m))))
        select (Betaalregel)new PerEenheid(code, tarief, max),
        from codes in Gen.SubListOf(ModuleCodes.Take(3))
        from prijzen in Gen.CollectToArray(codes, c => Bedrag(100_000).Select(b => new ModulePrijs(c, b)))
        from max in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 5).Select(i => (int?)i)))
        select (Betaalregel)new PerModule(code, prijzen.ToValueList(), max),
        Bedrag(200_000).Select(b => (Betaalregel)new PerPeriode(code, b)),
        from prijs in Bedrag(1_000_000)
        from aantal in Gen.Frequency((4, Gen.Choose(1, 24)), (1, Gen.Choose(25, 60)))
        from interval in Gen.Frequency(
            (4, Gen.Choose(1, 3).Select(Duur.Maanden)),
            (1, Gen.Choose(1, 6).Select(Duur.Weken)),
            (1, Gen.Choose(1, 45).Select(Duur.Dagen)))
        from proRata in Gen.Elements(true, false)
        select (Betaalregel)new Termijnen(code, prijs, aantal, interval, proRata),
        from prijs in Bedrag(1_000_000)
        from delen in Delen
        select (Betaalregel)new Prijsdelen(code, prijs, delen.ToValueList()),
        from d in Definitie
        from vast in Gen.Elements(true, false)
        from bedrag in Bedrag(500_000)
        from klassen in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Bonusklasse(d), n))
        select (Betaalregel)(vast ? BijResultaat.Vast(code, d, bedrag) : new BijResultaat(code, d, klassen.ToValueList())),
        from d in Definitie
        from herhaling in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from eenheid in Gen.Elements(DuurEenheid.Maanden, DuurEenheid.Weken, DuurEenheid.Dagen)
        from stappen in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Choose(1, eenheid == DuurEenheid.Dagen ? 120 : eenheid == DuurEenheid.Weken ? 13 : 4), Bedrag(100_000)), n))
        from herhalingen in Gen.Choose(0, 20)
        select (Betaalregel)(herhaling
            ? Trap.MetHerhaling(code, d, new Duur(stappen[0].Item1 * 2, eenheid), stappen[0].Item2, new Duur(stappen[0].Item1, eenheid), stappen[^1].Item2, herhalingen)
            : new Trap(code, d, Oplopend(stappen, eenheid))),
        Bedrag(50_000).Select(b => (Betaalregel)new PerTrede(code, b)),
        Bedrag(100_000).Select(b => (Betaalregel)new Verlengingstarief(code, b)));

    public static Gen<Bekostigingsmodel> EigenModel { get; } =
        Gen.Choose(1, 5)
            .SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Regel("r" + i.ToString(CultureInfo.InvariantCulture))))
            .Select(regels => new Bekostigingsmodel("Eigen model", regels.ToValueList()));

    private static Gen<decimal> Percentage { get; } = Gen.Frequency(
        (2, Gen.Elements(0m, 25m, 33.33m, 50m, 65m, 100m)),
        (1, Gen.Choose(0, 10_000).Select(p => p / 100m)));

    public static Gen<Bekostigingsmodel> Preset { get; } = Gen.OneOf(
        from t in Bedrag(15_000)
        from max in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, Gen.Choose(0, 200).Select(q => (decimal?)(q * 0.5m))))
        select Bekostigingsmodellen.Uurtarief(t, max),
        Bedrag(500_000).Select(Bekostigingsmodellen.TrajectprijsBijStart),
        from p in Bedrag(500_000)
        from proRata in Gen.Elements(true, false)
        select Bekostigingsmodellen.TrajectprijsBijAfronding(p, proRata),
        from p in Bedrag(1_000_000)
        from delen in Delen
        select Bekostigingsmodellen.TrajectprijsInDelen(p, delen),
        from p in Bedrag(1_000_000)
        from n in Gen.Choose(1, 24)
        from interval in Gen.Frequency((3, Gen.Constant<Duur?>(null)), (1, Termijn.Select(d => (Duur?)d)))
        from proRata in Gen.Elements(true, false)
        select Bekostigingsmodellen.TrajectprijsInTermijnen(p, n, interval, proRata),
        from s in Bedrag(200_000)
        from d in PresetDefinitie
        from klassen in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Bonusklasse(d), n))
        select Bekostigingsmodellen.StarttariefPlusBonus(s, d, klassen),
        from p in Bedrag(1_000_000)
        from pct in Percentage
        from d in PresetDefinitie
        select Bekostigingsmodellen.NoCureLessPay(p, pct, d),
        from p in Bedrag(1_000_000)
        from d in PresetDefinitie
        select Bekostigingsmodellen.NoCureNoPay(p, d),
        from p in Gen.Choose(0, 500_000).Select(c => Bekostiging.Bedrag.VanCenten(c))
        from pct in Percentage
        select Bekostigingsmodellen.UwvIro(p, pct),
        from t in Bedrag(15_000)
        from max in Gen.Choose(0, 200).Select(q => q * 0.5m)
        from bonus in Bedrag(500_000)
        from d in Gen.Frequency((1, Gen.Constant<Resultaatdefinitie?>(null)), (1, PresetDefinitie.Select(x => (Resultaatdefinitie?)x)))
        select Bekostigingsmodellen.UwvWerkfit(t, max, bonus, d),
        from a in Gen.Frequency((1, Gen.Constant<Bedrag?>(null)), (2, Bedrag(100_000).Select(b => (Bedrag?)b)))
        from b in Gen.Frequency((1, Gen.Constant<Bedrag?>(null)), (2, Bedrag(100_000).Select(b => (Bedrag?)b)))
        from c in Gen.Frequency((1, Gen.Constant<Bedrag?>(null)), (2, Bedrag(100_000).Select(b => (Bedrag?)b)))
        select Bekostigingsmodellen.UwvPlaatsingsfee(a, b, c),
        from fasen in Gen.SubListOf(Fasen).Where(l => l.Count > 0)
        from bedragen in Gen.CollectToArray(fasen, f => Bedrag(200_000).Select(b => new Fase(f, b)))
        select Bekostigingsmodellen.Gestaffeld(bedragen),
        from basis in Bedrag(200_000)
        from codes in Gen.SubListOf(ModuleCodes.Take(3))
        from prijzen in Gen.CollectToArray(codes, c => Bedrag(100_000).Select(b => new ModulePrijs(c, b)))
        select Bekostigingsmodellen.Bouwstenen(basis, prijzen),
        Bedrag(200_000).Select(Bekostigingsmodellen.Arrangement));

    public static Gen<Bekostigingsmodel> PresetPlus { get; } =
        from p in Preset
        from extra in Gen.Choose(1, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Regel("x" + i.ToString(CultureInfo.InvariantCulture))))
        select extra.Aggregate(p, (m, r) => m.Plus(r));

    /// <summary>A maximum per traject: mostly small enough to bind.</summary>
    public static Gen<Bedrag?> MaximumGen { get; } = Gen.Frequency((3, Bedrag(300_000)), (1, Bedrag(3_000_000))).Select(b => (Bedrag?)b);

    /// <summary>A model with a maximum per traject in <paramref name="maximumKans"/> percent, maxima over chosen rules as often, now and then a cap on the doorlooptijd.</summary>
    public static Gen<Bekostigingsmodel> Model(int maximumKans) =>
        from basis in Gen.Frequency((3, EigenModel), (3, Preset), (1, PresetPlus))
        from maximum in Gen.Frequency((100 - maximumKans, Gen.Constant<Bedrag?>(null)), (maximumKans, MaximumGen))
        from cap in Gen.Frequency((6, Gen.Constant<Duur?>(null)), (1, Doorlooptijd.Select(d => (Duur?)d)))
        from deelmaxima in Deelmaxima(basis, maximumKans)
        select basis with
        {
            Maximum = maximum ?? basis.Maximum,
            MaximaleDoorlooptijd = basis.MaximaleDoorlooptijd ?? cap,
            Deelmaxima = deelmaxima,
        };

    public static Gen<ValueList<Deelmaximum>> Deelmaxima(Bekostigingsmodel model, int maximumKans) =>
        Gen.Frequency(
            (Math.Max(1, 100 - maximumKans), Gen.Constant(ValueList<Deelmaximum>.Empty)),
            (Math.Max(1, maximumKans), Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(
                from codes in Gen.SubListOf(model.Regels.Select(r => r.Code).ToArray()).Where(l => l.Count > 0)
                from bedrag in MaximumGen
                select new Deelmaximum(bedrag!.Value, codes.ToValueList()), n)).Select(a => a.ToValueList())));

    public static Gen<Traject> Traject(int maximumKans) =>
        from model in Model(maximumKans)
        from profiel in Gen.Choose(1, 4)
        from doorlooptijd in Doorlooptijd
        from startTrede in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 6).Select(i => (int?)i)))
        select new Traject("T-0", "C-0", profiel, "re-integratie", model, doorlooptijd) { StartTrede = startTrede };

    private static ValueList<Trapstap> Oplopend((int Aantal, Bedrag Bedrag)[] stappen, DuurEenheid eenheid)
    {
        var total = 0;
        return stappen.Select(s => new Trapstap(new Duur(total += s.Aantal, eenheid), s.Bedrag)).ToValueList();
    }
}
