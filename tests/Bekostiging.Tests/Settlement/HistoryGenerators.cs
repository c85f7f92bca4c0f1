using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Bekostiging.Tests.Settlement;

/// <summary>
/// A generated traject with a valid event history (domain.md §5, §12) and two peildata <see cref="Peildatum"/> ≤
/// <see cref="LatereDatum"/>. <see cref="Gebeurtenissen"/> is the input as given to the engine: it may hold exact
/// duplicates (the same id with the same content is one event) and Intrekkingen.
/// </summary>
public sealed class Historie
{
    public Historie(Traject traject, IReadOnlyList<Gebeurtenis> gebeurtenissen, LocalDate peildatum, LocalDate laterDatum, int schudZaad)
    {
        Traject = traject;
        Gebeurtenissen = gebeurtenissen;
        Peildatum = peildatum;
        LatereDatum = laterDatum;
        SchudZaad = schudZaad;
    }

    public Traject Traject { get; }

    public IReadOnlyList<Gebeurtenis> Gebeurtenissen { get; }

    public LocalDate Peildatum { get; }

    public LocalDate LatereDatum { get; }

    /// <summary>Seed of the permutation <see cref="Geschud"/> returns.</summary>
    public int SchudZaad { get; }

    public Bekostigingsmodel Model => Traject.Model;

    /// <summary>The same events in another (deterministic, seed-driven) order.</summary>
    public IReadOnlyList<Gebeurtenis> Geschud()
    {
        var r = new Random(SchudZaad);
        var a = Gebeurtenissen.ToArray();
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }

        return a;
    }

    /// <summary>The distinct event ids given.</summary>
    public IReadOnlyCollection<string> Ids => Gebeurtenissen.Select(e => e.Id).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The events that are active after resolving Intrekkingen (domain.md §12), computed independently of the engine.</summary>
    public IReadOnlyList<Gebeurtenis> Actief()
    {
        var byId = new Dictionary<string, Gebeurtenis>(StringComparer.Ordinal);
        foreach (var e in Gebeurtenissen)
        {
            byId[e.Id] = e;
        }

        var withdrawers = byId.Values.OfType<Intrekking>().ToLookup(i => i.DoelId, StringComparer.Ordinal);
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsActive(string id)
        {
            if (!memo.TryGetValue(id, out var active))
            {
                active = !withdrawers[id].Any(w => IsActive(w.Id));
                memo[id] = active;
            }

            return active;
        }

        return byId.Values.Where(e => e is not Intrekking && IsActive(e.Id)).ToArray();
    }

    public Historie Met(Traject traject) => new(traject, Gebeurtenissen, Peildatum, LatereDatum, SchudZaad);

    public Historie Met(IReadOnlyList<Gebeurtenis> gebeurtenissen) => new(Traject, gebeurtenissen, Peildatum, LatereDatum, SchudZaad);

    /// <summary>The history as C#-like text, to paste into a regression test.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.Append("traject ").Append(Traject.Id).Append(", doorlooptijd ").Append(Traject.MaximaleDoorlooptijd)
            .Append(Traject.StartTrede is { } st ? $", startTrede {st}" : string.Empty).AppendLine();
        sb.Append("model '").Append(Model.Naam).Append('\'')
            .Append(Model.Maximum is { } max ? $", Maximum {max.ToInvariantString()}" : string.Empty)
            .Append(Model.MaximaleDoorlooptijd is { } cap ? $", MaximaleDoorlooptijd {cap}" : string.Empty).AppendLine();
        foreach (var r in Model.Regels)
        {
            sb.Append("  ").AppendLine(r.ToString());
        }

        sb.Append("peildatum ").Append(Code(Peildatum)).Append(", later ").AppendLine(Code(LatereDatum));
        sb.AppendLine("events:");
        foreach (var e in Gebeurtenissen)
        {
            sb.Append("  ").Append(Code(e)).AppendLine(",");
        }

        return sb.ToString();
    }

    public static string Code(LocalDate d) => $"new LocalDate({d.Year}, {d.Month}, {d.Day})";

    public static string Code(Gebeurtenis e)
    {
        static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture) + "m";
        static string S(string s) => "\"" + s + "\"";
        static string Duur(Duur d) => $"Duur.{d.Eenheid}({d.Aantal})";
        var core = e switch
        {
            Aanmelding a => $"new Aanmelding({S(a.Id)}, {Code(a.Datum)})",
            Start s => $"new Start({S(s.Id)}, {Code(s.Datum)})",
            Reclame r => $"new Reclame({S(r.Id)}, {Code(r.Datum)})",
            Mijlpaal m => $"new Mijlpaal({S(m.Id)}, {Code(m.Datum)}, {S(m.MijlpaalSoort)})",
            Uren u => $"new Uren({S(u.Id)}, {Code(u.Datum)}, {N(u.Aantal)})",
            Module m => $"new Module({S(m.Id)}, {Code(m.Datum)}, {S(m.ModuleCode)})",
            Trede t => $"new Trede({S(t.Id)}, {Code(t.Datum)}, {t.Niveau})",
            Plaatsing p => $"new Plaatsing({S(p.Id)}, {Code(p.Datum)}, Uitstroomtype.{p.Type}, {N(p.UrenPerWeek)}, {(p.ContractMaanden is { } c ? c.ToString(CultureInfo.InvariantCulture) : "null")}, {(p.PlaatsingId is { } pid ? S(pid) : "null")})",
            PlaatsingEinde pe => $"new PlaatsingEinde({S(pe.Id)}, {Code(pe.Datum)}, {S(pe.PlaatsingId)})",
            Verlenging v => $"new Verlenging({S(v.Id)}, {Code(v.Datum)}, {Duur(v.Periode)})",
            Uitval u => $"new Uitval({S(u.Id)}, {Code(u.Datum)}, {S(u.Reden)})",
            Afronding a => $"new Afronding({S(a.Id)}, {Code(a.Datum)})",
            Intrekking i => $"new Intrekking({S(i.Id)}, {Code(i.Datum)}, {S(i.DoelId)})",
            _ => e.ToString(),
        };
        return e.Volgnummer != 0 ? $"{core} {{ Volgnummer = {e.Volgnummer} }}" : core;
    }
}

/// <summary>
/// FsCheck generators for settlement property tests: payment rules of every building block (domain.md §7), the
/// named presets of <see cref="Bekostigingsmodellen"/>, an optional maximum per traject, trajecten, and valid event
/// histories. Terms are built from FsCheck combinators; a history is built by <see cref="HistorieBouwer"/> from a
/// seed that FsCheck draws (its choices depend on each other — windows, hours per day, safe withdrawals — which reads
/// far better as straight-line code), so a failing case replays from FsCheck's seed and shrinks with
/// <see cref="Verklein"/>.
/// </summary>
public static class HistoryGenerators
{
    public static readonly Uitstroomtype[] AlleTypes = Enum.GetValues<Uitstroomtype>();

    public static readonly string[] ModuleCodes = { "M1", "M2", "M3", "MX" };

    public static readonly string[] MijlpaalSoorten =
    {
        Mijlpaal.Soorten.Intake, Mijlpaal.Soorten.Diagnose, Mijlpaal.Soorten.Trajectplan, Mijlpaal.Soorten.Afronding,
        Mijlpaal.Soorten.Nazorg, "eigen-1",
    };

    /// <summary>The default context of a traject settled on its own: standard begrippen, no indexation.</summary>
    public static SettlementContext Context => SettlementContext.Standaard;

    // ---------- amounts and durations ----------

    /// <summary>Whole-cent amounts up to <paramref name="maxCenten"/>; sometimes zero, sometimes round.</summary>
    public static Gen<Bedrag> Bedrag(int maxCenten) => Gen.Frequency(
        (1, Gen.Constant(Bekostiging.Bedrag.Nul)),
        (1, Gen.Choose(1, Math.Max(1, maxCenten / 10_000)).Select(e => Bekostiging.Bedrag.VanCenten(e * 100L * 100L))),
        (6, Gen.Choose(1, maxCenten).Select(c => Bekostiging.Bedrag.VanCenten(c))));

    /// <summary>A term of days, weeks or months (and now and then years).</summary>
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

    // ---------- result definitions ----------

    public static Gen<Duurzaamheid> Duurzaamheid { get; } = Gen.Frequency(
        (4, Gen.Frequency((3, Gen.Choose(1, 12).Select(Duur.Maanden)), (1, Gen.Choose(1, 40).Select(Duur.Weken)), (1, Gen.Choose(1, 250).Select(Duur.Dagen)))
            .Select(Bekostiging.Terms.Duurzaamheid.Aaneengesloten)),
        (2, Gen.Constant(Bekostiging.Terms.Duurzaamheid.Geen)),
        (2, Gen.Choose(1, 26).SelectMany(n => Gen.Choose(n, n + 12).Select(m => Bekostiging.Terms.Duurzaamheid.Cumulatief(n, m)))),
        (1, Gen.Constant(Bekostiging.Terms.Duurzaamheid.VolgensBegrippen)));

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

    /// <summary>Definitions as the presets use them: the standard one, UWV's, or a generated one.</summary>
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

    // ---------- building blocks ----------

    public static Gen<Betaalregel> Eenmalig(string code) =>
        from aanleiding in Gen.Elements(Enum.GetValues<Aanleiding>())
        from bedrag in Bedrag(300_000)
        from soort in Gen.Elements(MijlpaalSoorten)
        from proRata in Gen.Elements(true, false)
        select (Betaalregel)(aanleiding == Aanleiding.Mijlpaal
            ? new Eenmalig(code, aanleiding, bedrag, soort)
            : new Eenmalig(code, aanleiding, bedrag) { ProRataBijUitval = proRata && aanleiding == Aanleiding.Afronding });

    /// <summary>Percentages that add up to 100 (1 to 3 parts), each part on a trigger other than reclame.</summary>
    public static Gen<Prijsdeel[]> Delen { get; } =
        from pcts in Gen.Elements(new[] { 100m }, new[] { 40m, 60m }, new[] { 50m, 50m }, new[] { 33.33m, 33.33m, 33.34m }, new[] { 0m, 100m }, new[] { 10m, 20.5m, 69.5m })
        from triggers in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Aanleiding>().Where(a => a != Aanleiding.Reclame).ToArray()), pcts.Length)
        from soorten in Gen.ArrayOf(Gen.Elements(MijlpaalSoorten), pcts.Length)
        select pcts.Select((p, i) => new Prijsdeel(p, triggers[i], triggers[i] == Aanleiding.Mijlpaal ? soorten[i] : null)).ToArray();

    public static Gen<Betaalregel> Prijsdelen(string code) =>
        from prijs in Bedrag(1_000_000)
        from delen in Delen
        select (Betaalregel)new Prijsdelen(code, prijs, delen.ToValueList());

    public static Gen<Betaalregel> PerEenheid(string code) =>
        from tarief in Bedrag(15_000)
        from max in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, Gen.Choose(0, 400).Select(q => (decimal?)(q * 0.25m))))
        select (Betaalregel)new PerEenheid(code, tarief, max);

    public static Gen<Betaalregel> PerModule(string code) =>
        from codes in Gen.SubListOf(ModuleCodes.Take(3))
        from prijzen in Gen.CollectToArray(codes, c => Bedrag(100_000).Select(b => new ModulePrijs(c, b)))
        from max in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 5).Select(i => (int?)i)))
        select (Betaalregel)new PerModule(code, prijzen.ToValueList(), max);

    public static Gen<Betaalregel> PerPeriode(string code) =>
        Bedrag(200_000).Select(b => (Betaalregel)new PerPeriode(code, b));

    public static Gen<Betaalregel> Termijnen(string code) =>
        from prijs in Bedrag(1_000_000)
        from aantal in Gen.Frequency((4, Gen.Choose(1, 24)), (1, Gen.Choose(25, 60)))
        from interval in Gen.Frequency(
            (4, Gen.Choose(1, 3).Select(Duur.Maanden)),
            (1, Gen.Choose(1, 6).Select(Duur.Weken)),
            (1, Gen.Choose(1, 45).Select(Duur.Dagen)))
        from proRata in Gen.Elements(true, false)
        select (Betaalregel)new Termijnen(code, prijs, aantal, interval, proRata);

    public static Gen<Betaalregel> BijResultaat(string code) =>
        from d in Definitie
        from vast in Gen.Elements(true, false)
        from bedrag in Bedrag(500_000)
        from klassen in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Bonusklasse(d), n))
        select (Betaalregel)(vast ? Bekostiging.Terms.BijResultaat.Vast(code, d, bedrag) : new BijResultaat(code, d, klassen.ToValueList()));

    public static Gen<Betaalregel> Trap(string code) =>
        from d in Definitie
        from herhaling in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from eenheid in Gen.Elements(DuurEenheid.Maanden, DuurEenheid.Weken, DuurEenheid.Dagen)
        from stappen in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Choose(1, eenheid == DuurEenheid.Dagen ? 120 : eenheid == DuurEenheid.Weken ? 13 : 4), Bedrag(100_000)), n))
        from herhalingen in Gen.Choose(0, 20)
        select (Betaalregel)(herhaling
            ? Bekostiging.Terms.Trap.MetHerhaling(code, d, new Duur(stappen[0].Item1 * 2, eenheid), stappen[0].Item2, new Duur(stappen[0].Item1, eenheid), stappen[^1].Item2, herhalingen)
            : new Trap(code, d, Oplopend(stappen, eenheid)));

    public static Gen<Betaalregel> PerTrede(string code) =>
        Bedrag(50_000).Select(b => (Betaalregel)new PerTrede(code, b));

    public static Gen<Betaalregel> Verlengingstarief(string code) =>
        Bedrag(100_000).Select(b => (Betaalregel)new Verlengingstarief(code, b));

    /// <summary>One rule of any building block.</summary>
    public static Gen<Betaalregel> Regel(string code) => Gen.OneOf(
        Eenmalig(code), PerEenheid(code), PerModule(code), PerPeriode(code), Termijnen(code), Prijsdelen(code),
        BijResultaat(code), Trap(code), PerTrede(code), Verlengingstarief(code));

    /// <summary>A model of one's own: one to five rules of any blocks (codes r1…r5).</summary>
    public static Gen<Bekostigingsmodel> EigenModel { get; } =
        Gen.Choose(1, 5)
            .SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Regel("r" + i.ToString(CultureInfo.InvariantCulture))))
            .Select(regels => new Bekostigingsmodel("Eigen model", regels.ToValueList()));

    // ---------- presets ----------

    private static readonly string[] Fasen =
    {
        Mijlpaal.Soorten.Intake, Mijlpaal.Soorten.Diagnose, Mijlpaal.Soorten.Trajectplan, Fase.Plaatsing, Mijlpaal.Soorten.Nazorg, Mijlpaal.Soorten.Afronding,
    };

    private static Gen<decimal> Percentage { get; } = Gen.Frequency(
        (2, Gen.Elements(0m, 25m, 33.33m, 50m, 65m, 100m)),
        (1, Gen.Choose(0, 10_000).Select(p => p / 100m)));

    /// <summary>Every named model of <see cref="Bekostigingsmodellen"/> with generated parameters.</summary>
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

    /// <summary>
    /// A model: a preset, a model of one's own, or a preset plus extra rules; with a maximum per traject with
    /// probability <paramref name="maximumKans"/> (in percent), and now and then a cap on the doorlooptijd.
    /// </summary>
    public static Gen<Bekostigingsmodel> PresetPlus { get; } =
        from p in Preset
        from extra in Gen.Choose(1, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Regel("x" + i.ToString(CultureInfo.InvariantCulture))))
        select extra.Aggregate(p, (m, r) => m.Plus(r));

    public static Gen<Bekostigingsmodel> Model(int maximumKans) =>
        from basis in Gen.Frequency((3, EigenModel), (3, Preset), (1, PresetPlus))
        from maximum in maximumKans >= 100
            ? MaximumGen
            : Gen.Frequency((100 - maximumKans, Gen.Constant<Bedrag?>(null)), (maximumKans, MaximumGen))
        from cap in Gen.Frequency((6, Gen.Constant<Duur?>(null)), (1, Doorlooptijd.Select(d => (Duur?)d)))
        from deelmaxima in Deelmaxima(basis, maximumKans)
        select basis with
        {
            Maximum = maximum ?? basis.Maximum,
            MaximaleDoorlooptijd = basis.MaximaleDoorlooptijd ?? cap,
            Deelmaxima = deelmaxima,
        };

    /// <summary>Maxima over chosen rules of <paramref name="model"/> (none, one or two), about as often as a maximum per traject.</summary>
    public static Gen<ValueList<Deelmaximum>> Deelmaxima(Bekostigingsmodel model, int maximumKans) =>
        Gen.Frequency(
            (Math.Max(1, 100 - maximumKans), Gen.Constant(ValueList<Deelmaximum>.Empty)),
            (Math.Max(1, maximumKans), Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(
                from codes in Gen.SubListOf(model.Regels.Select(r => r.Code).ToArray()).Where(l => l.Count > 0)
                from bedrag in MaximumGen
                select new Deelmaximum(bedrag!.Value, codes.ToValueList()), n)).Select(a => a.ToValueList())));

    /// <summary>A maximum per traject: mostly small enough to bind.</summary>
    public static Gen<Bedrag?> MaximumGen { get; } = Gen.Frequency((3, Bedrag(300_000)), (1, Bedrag(3_000_000))).Select(b => (Bedrag?)b);

    public static Gen<Traject> Traject(int maximumKans) =>
        from model in Model(maximumKans)
        from nr in Gen.Choose(1, 9999)
        from profiel in Gen.Choose(1, 4)
        from doorlooptijd in Doorlooptijd
        from startTrede in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 6).Select(i => (int?)i)))
        select new Traject("T-" + nr.ToString(CultureInfo.InvariantCulture), "C-" + nr.ToString(CultureInfo.InvariantCulture), profiel, "re-integratie", model, doorlooptijd) { StartTrede = startTrede };

    /// <summary>A traject with a valid history; size (FsCheck's) scales the number of events.</summary>
    public static Gen<Historie> HistorieGen(int maximumKans) =>
        Gen.Sized(size =>
            from traject in Traject(maximumKans)
            from zaad in Gen.Choose(int.MinValue, int.MaxValue)
            select new HistorieBouwer(traject, zaad, size).Bouw());

    /// <summary>Histories with shrinking; a maximum per traject in about a third of the models.</summary>
    public static Arbitrary<Historie> Histories() => Arb.From(HistorieGen(35), Verklein);

    /// <summary>Histories whose model always has a maximum per traject (often a binding one).</summary>
    public static Arbitrary<Historie> HistoriesMetMaximum() => Arb.From(HistorieGen(100), Verklein);

    // ---------- shrinking ----------

    /// <summary>
    /// Smaller histories: fewer rules, no maximum, fewer events (an event with the Intrekkingen that target it),
    /// no duplicates, one peildatum. Only candidates the engine accepts are offered, so a failure shrinks to a valid
    /// history that still fails.
    /// </summary>
    public static IEnumerable<Historie> Verklein(Historie h)
    {
        var model = h.Model;
        if (model.Regels.Count > 1)
        {
            for (var i = model.Regels.Count - 1; i >= 0; i--)
            {
                var k = i;
                var candidate = h.Met(h.Traject with { Model = model with { Regels = model.Regels.Where((_, j) => j != k).ToValueList() } });
                if (Geldig(candidate))
                {
                    yield return candidate;
                }
            }
        }

        if (model.Maximum is not null && Geldig(h.Met(h.Traject with { Model = model with { Maximum = null } })))
        {
            yield return h.Met(h.Traject with { Model = model with { Maximum = null } });
        }

        var zonderDubbel = h.Gebeurtenissen.DistinctBy(e => e.Id, StringComparer.Ordinal).ToArray();
        if (zonderDubbel.Length < h.Gebeurtenissen.Count)
        {
            yield return h.Met(zonderDubbel);
        }

        foreach (var id in zonderDubbel.Select(e => e.Id).Reverse())
        {
            var weg = new HashSet<string>(StringComparer.Ordinal) { id };
            bool grown;
            do
            {
                grown = false;
                foreach (var i in zonderDubbel.OfType<Intrekking>())
                {
                    if (weg.Contains(i.DoelId) && weg.Add(i.Id))
                    {
                        grown = true;
                    }
                }
            }
            while (grown);
            var candidate = h.Met(h.Gebeurtenissen.Where(e => !weg.Contains(e.Id)).ToArray());
            if (Geldig(candidate))
            {
                yield return candidate;
            }
        }

        if (h.Peildatum != h.LatereDatum)
        {
            yield return new Historie(h.Traject, h.Gebeurtenissen, h.Peildatum, h.Peildatum, h.SchudZaad);
        }
    }

    private static bool Geldig(Historie h)
    {
        try
        {
            SettlementEngine.Settle(h.Traject, h.Gebeurtenissen, h.Peildatum, Context);
            return true;
        }
        catch (BekostigingException)
        {
            return false;
        }
    }

    private static ValueList<Trapstap> Oplopend((int Aantal, Bedrag Bedrag)[] stappen, DuurEenheid eenheid)
    {
        var total = 0;
        return stappen.Select(s => new Trapstap(new Duur(total += s.Aantal, eenheid), s.Bedrag)).ToValueList();
    }
}

/// <summary>
/// Builds one valid history for a traject from a seed (domain.md §5, §12): Aanmelding, Start ≥ Aanmelding, Uren
/// (≤ 24 per date in total), Modules, Mijlpalen, Treden, Plaatsingen with optional ends (end ≥ begin, unique ids),
/// Verlengingen approved on or before the window's last day at that moment, at most one Uitval or Afronding, now and
/// then a Reclame in time, Intrekkingen that keep the history valid whatever else is withdrawn, and exact duplicates.
/// </summary>
internal sealed class HistorieBouwer
{
    private readonly Traject _traject;
    private readonly Random _r;
    private readonly int _size;
    private readonly List<Gebeurtenis> _events = new();
    private readonly List<LocalDate> _hot = new();
    private int _n;

    public HistorieBouwer(Traject traject, int zaad, int size)
    {
        _traject = traject;
        _r = new Random(zaad);
        _size = size;
    }

    public Historie Bouw()
    {
        var basis = new LocalDate(2025, 1, 1).PlusDays(Tussen(0, 3 * 365));
        if (Kans(0.2))
        {
            basis = Kalender.EindeMaand(basis);
        }
        else if (Kans(0.03))
        {
            basis = new LocalDate(2028, 2, 29);
        }

        var aanmelding = Kans(0.9) ? Voeg(new Aanmelding(Id(), basis)) : null;
        Start? start = null;
        if (Kans(0.85))
        {
            var s = Kans(0.3) ? basis : basis.PlusDays(Tussen(1, 60));
            start = Voeg(new Start(Id(), Kans(0.2) ? Kalender.EindeMaand(s) : s));
        }

        if (aanmelding is not null && Kans(0.12))
        {
            var deadline = HistoryGenerators.Context.Begrippen.Reclametermijn.Voltooid(aanmelding.Datum);
            Voeg(new Reclame(Id(), Kans(0.3) ? deadline : Datum(aanmelding.Datum, deadline)));
        }

        var begin = start?.Datum ?? aanmelding?.Datum ?? basis;
        LocalDate? cap = null;
        var window = begin.PlusDays(365);
        if (start is not null)
        {
            window = _traject.MaximaleDoorlooptijd.LaatsteDag(start.Datum);
            cap = _traject.Model.MaximaleDoorlooptijd?.LaatsteDag(start.Datum);
            if (cap is { } c0 && window > c0)
            {
                window = c0;
            }
        }

        Gebeurtenis? einde = null;
        if (Kans(0.5))
        {
            // Mostly within the window, sometimes on its last day or after it, now and then before the Start.
            var d = Kans(0.15) ? window : start is not null && Kans(0.05) ? begin.PlusDays(-Tussen(1, 30)) : Datum(begin, window.PlusDays(60));
            einde = Voeg(Kans(0.5) ? new Uitval(Id(), d, "uitval") : (Gebeurtenis)new Afronding(Id(), d));
        }

        if (start is not null && Kans(0.35))
        {
            var prev = Kans(0.8) ? start.Datum : (aanmelding?.Datum ?? start.Datum);
            for (var k = Tussen(1, 3); k > 0; k--)
            {
                var d = Kans(0.25) ? window : Datum(prev, window);
                var periode = Kans(0.6) ? Duur.Maanden(Tussen(1, 6)) : Kans(0.5) ? Duur.Weken(Tussen(1, 12)) : Duur.Dagen(Tussen(1, 90));
                Voeg(new Verlenging(Id(), d, periode));
                if (einde is null || d <= einde.Datum)
                {
                    window = periode.Verleng(window);
                    if (cap is { } c && window > c)
                    {
                        window = c;
                    }
                }

                prev = d;
            }
        }

        var laatste = einde is not null && einde.Datum < window ? einde.Datum : window;
        var van = begin.PlusDays(-14);
        var tot = laatste.PlusDays(45);
        _hot.Add(begin);
        _hot.Add(laatste);
        _hot.Add(laatste.PlusDays(1));
        _hot.Add(Datum(van, tot));
        _hot.Add(Datum(van, tot));

        var schaal = 1 + (_size / 8);
        var urenPerDag = new Dictionary<LocalDate, decimal>();
        for (var k = Tussen(0, 2 * schaal); k > 0; k--)
        {
            var d = Dag(van, tot);
            urenPerDag.TryGetValue(d, out var sum);
            var uren = Kans(0.1) ? 24m : Tussen(1, 40) * 0.25m;
            uren = Math.Min(uren, 24m - sum);
            if (uren > 0m)
            {
                urenPerDag[d] = sum + uren;
                Voeg(new Uren(Id(), d, uren));
            }
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Module(Id(), Dag(van, tot), Kies(HistoryGenerators.ModuleCodes)));
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Mijlpaal(Id(), Dag(van, tot), Kies(HistoryGenerators.MijlpaalSoorten)));
        }

        for (var k = Tussen(0, schaal); k > 0; k--)
        {
            Voeg(new Trede(Id(), Dag(van, tot), Tussen(1, 6)));
        }

        var plaatsingen = Tussen(0, Math.Min(5, 1 + (_size / 20)));
        for (var k = 1; k <= plaatsingen; k++)
        {
            var p = Voeg(NieuwePlaatsing(Dag(van, tot.PlusDays(60)), Kans(0.5) ? null : "P" + k.ToString(CultureInfo.InvariantCulture)));
            if (Kans(0.6))
            {
                Voeg(Einde(p));
            }
        }

        if (Kans(0.3))
        {
            Intrekkingen(Tussen(1, 4));
        }

        var invoer = new List<Gebeurtenis>(_events);
        if (_events.Count > 0 && Kans(0.15))
        {
            for (var k = Tussen(1, 3); k > 0; k--)
            {
                var e = Kies(_events);
                invoer.Insert(_r.Next(invoer.Count + 1), Kans(0.5) ? e : e with { });
            }
        }

        var t1 = Peildatum(basis, tot);
        var t2 = Kans(0.15) ? t1 : Peildatum(basis, tot);
        if (t2 < t1)
        {
            (t1, t2) = (t2, t1);
        }

        return new Historie(_traject, invoer, t1, t2, _r.Next());
    }

    // ---------- intrekkingen ----------

    /// <summary>
    /// Withdrawals that keep the history valid in every combination: an event whose withdrawal and restoration are
    /// both harmless ("toggle-safe") may get an Intrekking that may itself be withdrawn (chains); a plaatsing with its
    /// end, or an Uitval/Afronding, may be corrected by permanent Intrekkingen plus a new event.
    /// </summary>
    private void Intrekkingen(int aantal)
    {
        var targeted = new HashSet<string>(StringComparer.Ordinal);
        var permanent = new HashSet<string>(StringComparer.Ordinal);
        var toggle = new List<Intrekking>();

        bool OpenEinden(Plaatsing p) => _events.OfType<PlaatsingEinde>().Any(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id));
        bool ToggleSafe(Gebeurtenis e) => e switch
        {
            Uren or Module or Mijlpaal or Trede or Start or Reclame or Uitval or Afronding or PlaatsingEinde => true,
            Aanmelding => !_events.OfType<Reclame>().Any(),
            Verlenging v => v.Datum == _events.OfType<Verlenging>().Max(x => x.Datum),
            Plaatsing p => !OpenEinden(p),
            _ => false,
        };

        Intrekking Trek(Gebeurtenis doel, bool toggleSafe)
        {
            var i = Voeg(new Intrekking(Id(), doel.Datum.PlusDays(Tussen(0, 90)), doel.Id));
            targeted.Add(doel.Id);
            if (toggleSafe)
            {
                toggle.Add(i);
            }
            else
            {
                permanent.Add(doel.Id);
            }

            return i;
        }

        for (var k = 0; k < aantal; k++)
        {
            switch (Tussen(0, 3))
            {
                case 0:
                {
                    var kandidaten = _events.Where(e => !targeted.Contains(e.Id) && ToggleSafe(e)).ToList();
                    if (kandidaten.Count > 0)
                    {
                        Trek(Kies(kandidaten), true);
                    }

                    break;
                }

                case 1:
                {
                    // A plaatsing reported in error: withdraw it and its end, maybe report a corrected one under the same id.
                    var kandidaten = _events.OfType<Plaatsing>()
                        .Where(p => !targeted.Contains(p.Id) && !_events.OfType<PlaatsingEinde>().Any(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id) && targeted.Contains(pe.Id)))
                        .ToList();
                    if (kandidaten.Count == 0)
                    {
                        break;
                    }

                    var p = Kies(kandidaten);
                    foreach (var pe in _events.OfType<PlaatsingEinde>().Where(pe => pe.PlaatsingId == p.Sleutel && !permanent.Contains(pe.Id)).ToList())
                    {
                        Trek(pe, false);
                    }

                    Trek(p, false);
                    if (Kans(0.25))
                    {
                        // The plaatsing alone is withdrawn and its ends stay reported: they end nothing (domain.md §12).
                        foreach (var pe in _events.OfType<PlaatsingEinde>().Where(pe => pe.PlaatsingId == p.Sleutel && permanent.Contains(pe.Id)).ToList())
                        {
                            Voeg(pe with { Id = Id() });
                        }
                    }
                    else if (Kans(0.6))
                    {
                        var nieuw = Voeg(NieuwePlaatsing(p.Datum.PlusDays(Tussen(-10, 10)), p.Sleutel));
                        if (Kans(0.5))
                        {
                            Voeg(Einde(nieuw));
                        }
                    }

                    break;
                }

                case 2:
                {
                    // An end reported in error: withdraw it and report another end, not earlier.
                    var kandidaten = _events.Where(e => e is Uitval or Afronding && !targeted.Contains(e.Id)).ToList();
                    if (kandidaten.Count == 0)
                    {
                        break;
                    }

                    var oud = Kies(kandidaten);
                    Trek(oud, false);
                    var d = oud.Datum.PlusDays(Tussen(0, 60));
                    Voeg(Kans(0.5) ? new Uitval(Id(), d, "gecorrigeerd") : (Gebeurtenis)new Afronding(Id(), d));
                    break;
                }

                default:
                {
                    var kandidaten = toggle.Where(i => !targeted.Contains(i.Id)).ToList();
                    if (kandidaten.Count > 0)
                    {
                        Trek(Kies(kandidaten), true);
                    }

                    break;
                }
            }
        }
    }

    // ---------- helpers ----------

    private Plaatsing NieuwePlaatsing(LocalDate begin, string? plaatsingId) => new(
        Id(),
        begin,
        Kies(HistoryGenerators.AlleTypes),
        Kies(new[] { 4m, 8m, 11.5m, 12m, 16m, 20m, 24m, 31.75m, 32m, 36m, 40m, 168m }),
        Kans(0.5) ? null : Tussen(1, 24),
        plaatsingId);

    /// <summary>An end of the plaatsing: anywhere, or right around a durability boundary (months, 26 weeks, 182 days).</summary>
    private PlaatsingEinde Einde(Plaatsing p)
    {
        LocalDate d;
        if (Kans(0.5))
        {
            d = p.Datum.PlusDays(Tussen(0, 500));
        }
        else
        {
            var grens = Kans(0.7) ? Duur.Maanden(Kies(new[] { 1, 2, 3, 6, 12 })) : Kans(0.5) ? Duur.Weken(26) : Duur.Dagen(182);
            d = grens.LaatsteDag(p.Datum).PlusDays(Tussen(-1, 1));
            if (d < p.Datum)
            {
                d = p.Datum;
            }
        }

        return new PlaatsingEinde(Id(), d, p.Sleutel);
    }

    private LocalDate Peildatum(LocalDate basis, LocalDate tot)
    {
        if (Kans(0.4) && _events.Count > 0)
        {
            return Kies(_events).Datum.PlusDays(Tussen(-1, 1));
        }

        return Datum(basis.PlusDays(-30), tot.PlusDays(800));
    }

    private T Voeg<T>(T e)
        where T : Gebeurtenis
    {
        // Verlengingen keep sequence 0 so that the engine's order (date, sequence, id) is the order they were
        // generated in: with month-end clamping, two verlengingen of one date give different windows in either order.
        var v = e is not Verlenging && Kans(0.15) ? (T)((Gebeurtenis)e with { Volgnummer = Tussen(1, 3) }) : e;
        _events.Add(v);
        return v;
    }

    private string Id() => "E" + (++_n).ToString("000", CultureInfo.InvariantCulture);

    private bool Kans(double p) => _r.NextDouble() < p;

    private int Tussen(int lo, int hi) => _r.Next(lo, hi + 1);

    private T Kies<T>(IReadOnlyList<T> xs) => xs[_r.Next(xs.Count)];

    private LocalDate Datum(LocalDate van, LocalDate tot) => tot <= van ? van : van.PlusDays(_r.Next(0, Period.DaysBetween(van, tot) + 1));

    /// <summary>A date in [van, tot], a third of the time one of a few shared dates so that events meet on one day.</summary>
    private LocalDate Dag(LocalDate van, LocalDate tot) => Kans(0.33) ? Kies(_hot) : Datum(van, tot);
}
