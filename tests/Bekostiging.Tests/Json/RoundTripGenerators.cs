using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Scenarios;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using Bekostiging.Tests.Settlement;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Bekostiging.Tests.Json;

/// <summary>
/// Generators for the JSON round-trip properties: every document and result type of docs/json.md. Terms reuse the
/// settlement generators (<see cref="HistoryGenerators"/>) for models and event histories and add what those leave
/// fixed — awkward text, dates far from today, amounts up to the format's limit, every event kind with every optional
/// field. Outputs are made by running the engine on generated inputs, and also built directly so that shapes the
/// engine rarely produces (negative amounts, nulls, odd text) are covered too.
/// </summary>
public static class RoundTripGenerators
{
    // ---------- text ----------

    // Characters that must be escaped or encoded in JSON, non-ASCII letters and a surrogate pair. Lone surrogates are
    // left out: they are not text, and a written document is UTF-8, which cannot hold them. So are control characters
    // other than tab, line feed and carriage return (NUL, U+001F, DEL): the reader and the writer refuse them.
    private static readonly string[] Stukjes =
    {
        "a", "Z", "0", "9", " ", "-", "_", ".", "/", ":", "'", "\"", "\\", "\t", "\n", "\r",
        "é", "ë", "ĳ", "ß", "€", "<", ">", "&", "+", "`", "{", "}", "[", "]", "\u2028", "\u00a0", "\ud83d\ude00", "日本",
    };

    /// <summary>Free text: plain words mostly, now and then any mix of awkward characters (possibly empty).</summary>
    public static Gen<string> Tekst { get; } = Gen.Frequency(
        (3, Gen.Elements("vrijgesteld", "starttarief", "wijkcoach-3", "resultaat RegulierWerk, 36 u/w", "Gemeente A", string.Empty)),
        (2, Gen.ListOf(Gen.Elements(Stukjes)).Select(s => string.Concat(s))));

    /// <summary>Text that is not empty or white space, as ids and names must be.</summary>
    public static Gen<string> Naam { get; } = Tekst.Where(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>An id like <c>T-12</c>, sometimes with awkward characters after the prefix.</summary>
    public static Gen<string> Id(string prefix) => Gen.Frequency(
        (4, Gen.Choose(0, 99_999).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture))),
        (1, Tekst.Select(s => prefix + s)));

    /// <summary>A traject or client id: like <see cref="Id"/>, but clean (no control, format or surrounding white space; see <see cref="Kenmerk.FoutInId"/>).</summary>
    public static Gen<string> SchoonId(string prefix) => Id(prefix).Where(s => Kenmerk.FoutInId(s) is null);

    /// <summary>A contract id: file-safe (<see cref="Kenmerk.FoutInBestandsnaam"/>), now and then with '.', '_' and letters of both cases.</summary>
    public static Gen<string> BestandsId(string prefix) => Gen.Frequency(
        (4, Gen.Choose(0, 99_999).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.NonEmptyListOf(Gen.Elements("a", "Z", "0", "9", "-", "_", ".")).Select(l => prefix + string.Concat(l.Take(40)))));

    /// <summary>A rule code: letters (any script), digits, '-' and '_'.</summary>
    public static Gen<string> Code { get; } =
        Gen.NonEmptyListOf(Gen.Elements("a", "Z", "0", "7", "-", "_", "é", "ĳ", "日")).Select(s => string.Concat(s));

    private static Gen<string?> OfNull(Gen<string> g) => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, g.Select(s => (string?)s)));

    // ---------- numbers, amounts, dates, durations ----------

    /// <summary>An amount in whole cents anywhere in the format's range [−10¹², 10¹²]: mostly small, sometimes huge or on the edge.</summary>
    public static Gen<Bedrag> Bedrag(bool negatief) =>
        Gen.Frequency(
            (6, Gen.Choose(0, 10_000_000).Select(c => (long)c)),
            (2, Gen.Choose(0, 1_000).Select(e => e * 100L)),
            (2, Gen.Zip(Gen.Choose(0, 99_999_999), Gen.Choose(0, 999_999)).Select(t => (t.Item1 * 1_000_000L) + t.Item2)),
            (1, Gen.Elements(0L, 1L, 99L, 100_000_000_000_000L, 99_999_999_999_999L)))
        .SelectMany(c => negatief ? Gen.Elements(c, -c) : Gen.Constant(c))
        .Select(Bekostiging.Bedrag.VanCenten);

    public static Gen<Bedrag?> BedragOfNull(bool negatief) => Gen.Frequency((1, Gen.Constant<Bedrag?>(null)), (3, Bedrag(negatief).Select(b => (Bedrag?)b)));

    /// <summary>A non-negative decimal with 0–6 decimals (hours, percentages, chances are not amounts and may have more than two).</summary>
    public static Gen<decimal> Decimaal(int maxGeheel) =>
        from geheel in Gen.Choose(0, maxGeheel)
        from schaal in Gen.Elements(0, 0, 1, 2, 2, 3, 6)
        from breuk in Gen.Choose(0, (int)Math.Pow(10, schaal) - 1)
        select geheel + (breuk / (decimal)Math.Pow(10, schaal));

    /// <summary>A chance in [0, 1], with trailing zeros now and then (0.50 is kept as written).</summary>
    public static Gen<decimal> Kans { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 100).Select(p => p / 100m)),
        (1, Gen.Choose(0, 10_000).Select(p => p / 10_000m)),
        (1, Gen.Elements(0m, 1m, 0.50m, 1.000m)));

    /// <summary>Any date the format can write, from year 1 to 9999, mostly near today.</summary>
    public static Gen<LocalDate> Datum { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 40 * 365).Select(d => new LocalDate(2010, 1, 1).PlusDays(d))),
        (1, Gen.Choose(0, 3_652_058).Select(d => new LocalDate(1, 1, 1).PlusDays(d))),
        (1, Gen.Elements(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(2028, 2, 29), new LocalDate(2026, 12, 31))));

    /// <summary>A date from year 1 to 9900, mostly 1900–2100, for contracts whose term (at most 40 years with options) must fit the calendar.</summary>
    public static Gen<LocalDate> ContractDatum { get; } = Gen.Frequency(
        (5, Gen.Choose(0, 200 * 365).Select(d => new LocalDate(1900, 1, 1).PlusDays(d))),
        (1, Gen.Choose(0, 9899 * 365).Select(d => new LocalDate(1, 1, 1).PlusDays(d))));

    public static Gen<DateInterval> Periode { get; } =
        from van in ContractDatum
        from dagen in Gen.Frequency((3, Gen.Choose(0, 92)), (1, Gen.Choose(0, 3_000)))
        select new DateInterval(van, van.PlusDays(dagen));

    /// <summary>A duration of 1 up to many units of any unit.</summary>
    public static Gen<Duur> Duur { get; } =
        from eenheid in Gen.Elements(Enum.GetValues<DuurEenheid>())
        from aantal in Gen.Frequency((4, Gen.Choose(1, 36)), (1, Gen.Choose(1, 1_000)))
        select new Duur(Math.Min(aantal, Bekostiging.Duur.MaximaalAantal(eenheid)), eenheid);

    /// <summary>A duration of 1–10 units, for contract terms and options (their end must stay in the calendar).</summary>
    public static Gen<Duur> KorteDuur { get; } =
        from eenheid in Gen.Elements(Enum.GetValues<DuurEenheid>())
        from aantal in Gen.Choose(1, 10)
        select new Duur(aantal, eenheid);

    public static Gen<ulong> Seed { get; } = Gen.Frequency(
        (3, Gen.Choose(0, int.MaxValue).Select(i => (ulong)i)),
        (1, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(t => ((ulong)(uint)t.Item1 << 32) | (uint)t.Item2)),
        (1, Gen.Elements(ulong.MaxValue, (ulong)long.MaxValue + 1)));

    // ---------- terms ----------

    /// <summary>A model built from building blocks: the settlement generators' presets and own models, with a free name.</summary>
    public static Gen<Bekostigingsmodel> Model { get; } =
        from m in HistoryGenerators.Model(35)
        from naam in Gen.Frequency((3, Gen.Constant(m.Naam)), (1, Naam))
        from code in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Code.Select(c => (string?)c)))
        select code is null || m.Regels.Any(r => r.Code == code) ? m with { Naam = naam } : m.Plus(new PerTrede(code, Bekostiging.Bedrag.VanCenten(123))) with { Naam = naam };

    /// <summary>One rule of any of the nine building blocks, with a code of any allowed characters.</summary>
    public static Gen<Betaalregel> Regel { get; } = Code.SelectMany(HistoryGenerators.Regel);

    public static Gen<Productafspraak> Productafspraak { get; } =
        from product in Gen.Frequency((3, Gen.Constant("re-integratie")), (1, Naam))
        from profiel in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 4).Select(p => (int?)p)))
        from model in Model
        from doorlooptijd in HistoryGenerators.Doorlooptijd
        select new Productafspraak(product, profiel, model, doorlooptijd);

    public static Gen<Indexatie> Indexatie { get; } = Gen.Frequency(
        (1, Gen.Constant(Bekostiging.Contracts.Indexatie.Geen)),
        (3, from moment in Gen.Elements(Enum.GetValues<IndexatieMoment>())
            from jaren in Gen.SubListOf(Enumerable.Range(2, 12).ToArray())
            from percentages in Gen.CollectToArray(jaren, _ => Decimaal(15))
            select new Indexatie(
                moment,
                jaren.Select((j, i) => new Indexatiepercentage(moment == IndexatieMoment.Kalenderjaar ? 2024 + j : j, percentages[i])).ToValueList())));

    public static Gen<Begrippen> Begrippen { get; } = Gen.Frequency(
        (1, Gen.Constant(Bekostiging.Terms.Begrippen.Standaard)),
        (2, from reclame in HistoryGenerators.Termijn
            from duurzaam in HistoryGenerators.Termijn
            from uren in Decimaal(40)
            from opzeg in HistoryGenerators.Termijn
            select new Begrippen(reclame, duurzaam, uren, opzeg)));

    /// <summary>A contract with everything the format has: products with their models, options, indexation, plafond, instroomgarantie, begrippen.</summary>
    public static Gen<Raamovereenkomst> Contract { get; } =
        from id in BestandsId("ABG-")
        from gemeenten in Gen.NonEmptyListOf(Naam).Select(l => l.Take(4).ToValueList())
        from opdrachtnemer in Naam
        from ingang in ContractDatum
        from looptijd in KorteDuur
        from producten in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Productafspraak, n)).Select(l => l.DistinctBy(p => (p.Product, p.Profiel)).ToList())
        from opties in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(KorteDuur, n))
        from uitgeoefend in Gen.Choose(0, opties.Length)
        from indexatie in Indexatie
        from plafond in BedragOfNull(false)
        from garantie in Gen.Frequency(
            (1, Gen.Constant<Instroomgarantie?>(null)),
            (1, Gen.Zip(Gen.Choose(0, 500), Bedrag(false)).Select(t => (Instroomgarantie?)new Instroomgarantie(t.Item1, t.Item2))))
        from begrippen in Begrippen
        select new Raamovereenkomst(id, gemeenten, opdrachtnemer, ingang, looptijd, producten.ToValueList()).MetOpties(opties) with
        {
            UitgeoefendeOpties = uitgeoefend,
            Indexatie = indexatie,
            Plafond = plafond,
            Instroomgarantie = garantie,
            Begrippen = begrippen,
        };

    // ---------- events and trajecten ----------

    private static Gen<Gebeurtenis> Kern(string id, LocalDate datum) => Gen.OneOf(
        Gen.Constant<Gebeurtenis>(new Aanmelding(id, datum)),
        Gen.Constant<Gebeurtenis>(new Reclame(id, datum)),
        Gen.Constant<Gebeurtenis>(new Start(id, datum)),
        Gen.Frequency((2, Gen.Elements(HistoryGenerators.MijlpaalSoorten)), (1, Naam)).Select(s => (Gebeurtenis)new Mijlpaal(id, datum, s)),
        Gen.Frequency((3, Gen.Choose(1, 96).Select(q => q * 0.25m)), (1, Decimaal(23).Where(d => d > 0m))).Select(u => (Gebeurtenis)new Uren(id, datum, u)),
        Gen.Frequency((2, Gen.Elements(HistoryGenerators.ModuleCodes)), (1, Naam)).Select(c => (Gebeurtenis)new Module(id, datum, c)),
        Gen.Choose(1, 6).Select(n => (Gebeurtenis)new Trede(id, datum, n)),
        from type in Gen.Elements(HistoryGenerators.AlleTypes)
        from uren in Decimaal(60)
        from maanden in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 60).Select(m => (int?)m)))
        from pid in OfNull(Id("P"))
        select (Gebeurtenis)new Plaatsing(id, datum, type, uren, maanden, pid),
        Id("P").Select(p => (Gebeurtenis)new PlaatsingEinde(id, datum, p)),
        Duur.Select(d => (Gebeurtenis)new Verlenging(id, datum, d)),
        Tekst.Select(r => (Gebeurtenis)new Uitval(id, datum, r)),
        Gen.Constant<Gebeurtenis>(new Afronding(id, datum)),
        Id("E").Select(doel => (Gebeurtenis)new Intrekking(id, datum, doel)));

    /// <summary>One event of any of the thirteen kinds, with or without a sequence number and a later report date.</summary>
    public static Gen<Gebeurtenis> Gebeurtenis { get; } =
        from id in Id("E")
        from datum in Datum
        from e in Kern(id, datum)
        from volgnummer in Gen.Frequency((4, Gen.Constant(0L)), (1, Gen.Choose(-5, 1_000).Select(i => (long)i)), (1, Gen.Elements(long.MaxValue, long.MinValue)))
        from gemeld in Gen.Frequency((3, Gen.Constant<LocalDate?>(null)), (1, Datum.Select(d => (LocalDate?)d)))
        select e with { Volgnummer = volgnummer, Gemeld = gemeld };

    /// <summary>
    /// Uren, modules, mijlpalen and treden reported <paramref name="dagen"/> days late (chosen by id, so that exact
    /// duplicates stay identical), and an Intrekking never reported before the event it withdraws: the history stays
    /// valid at every invoice run.
    /// </summary>
    private static IReadOnlyList<Gebeurtenis> LaatGemeld(IReadOnlyList<Gebeurtenis> events, int dagen)
    {
        if (events.Any(e => e is Intrekking))
        {
            // A correction (an Intrekking and the event that replaces it) is dated independently of what it corrects,
            // so before all of it is reported the history may be contradictory: report such a history in one go.
            var alles = events.Max(e => e.Datum);
            return events.Select(e => e with { Gemeld = alles }).ToList();
        }

        if (dagen == 0)
        {
            return events;
        }

        var laat = events.Select(e => e is Uren or Module or Mijlpaal or Trede && e.Id[^1] is '1' or '5' ? e with { Gemeld = e.Datum.PlusDays(dagen) } : e).ToList();
        var gemeld = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var e in laat)
        {
            gemeld[e.Id] = e.GemeldOp;
        }

        // A chain of Intrekkingen moves along one link per pass.
        for (var pass = 0; pass < laat.Count; pass++)
        {
            var moved = false;
            for (var k = 0; k < laat.Count; k++)
            {
                if (laat[k] is Intrekking i && gemeld.TryGetValue(i.DoelId, out var doel) && doel > i.GemeldOp)
                {
                    laat[k] = i with { Gemeld = doel };
                    gemeld[i.Id] = doel;
                    moved = true;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return laat;
    }

    /// <summary>A valid history from the settlement generators, now and then with report dates added.</summary>
    private static Gen<IReadOnlyList<Gebeurtenis>> Historie { get; } =
        from h in HistoryGenerators.HistorieGen(35)
        from laat in Gen.Choose(0, 30)
        select LaatGemeld(h.Gebeurtenissen, laat);

    private static Gen<TrajectInvoer> TrajectInvoer(int nummer) =>
        from suffix in Gen.Frequency((4, Gen.Constant(string.Empty)), (1, Tekst.Where(t => Kenmerk.FoutInId("T-1" + t) is null)))
        from client in SchoonId("C-")
        from profiel in Gen.Choose(1, 4)
        from product in Gen.Frequency((3, Gen.Constant("re-integratie")), (1, Naam))
        from gebeurtenissen in Gen.Frequency((1, Historie), (1, Gen.ListOf(Gebeurtenis).Select(l => (IReadOnlyList<Gebeurtenis>)l)))
        from contactpersoon in OfNull(Naam)
        from startTrede in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 6).Select(i => (int?)i)))
        select new TrajectInvoer("T-" + nummer.ToString(CultureInfo.InvariantCulture) + suffix, client, profiel, product, gebeurtenissen.ToValueList(), contactpersoon, startTrede);

    /// <summary>A trajecten document: unique traject ids (the reader refuses duplicates), histories and free event lists.</summary>
    public static Gen<TrajectenDocument> Trajecten { get; } =
        from contract in Id("ABG-")
        from n in Gen.Choose(0, 5)
        from trajecten in Gen.CollectToArray(Enumerable.Range(1, n), TrajectInvoer)
        select new TrajectenDocument(contract, trajecten.ToValueList());

    // ---------- invoices ----------

    /// <summary>An invoice line's amount: up to €10^9, so that the totals of an invoice or a quarter stay inside the range of an amount (±€10^12).</summary>
    private static Gen<Bedrag> RegelBedrag { get; } = KleinBedrag(false);

    /// <summary>An amount up to €10^9 (either sign when <paramref name="negatief"/>), for lines that are added up.</summary>
    private static Gen<Bedrag> KleinBedrag(bool negatief) => Bedrag(negatief).Select(b => Bekostiging.Bedrag.VanCenten(b.Centen % 100_000_000_000L));

    public static Gen<Factuurregel> Factuurregel(int nummer) =>
        from contractregel in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from traject in SchoonId("T-")
        from client in SchoonId("C-")
        from contactpersoon in OfNull(Naam)
        from sleutel in Gen.Frequency((3, Gen.Elements("starttarief", "arrangement/2026-02", "instroomgarantie/1")), (1, Naam))
        from soort in Gen.Elements(Regelsoort.Debet, Regelsoort.Credit)
        from bedrag in RegelBedrag
        from btw in RegelBedrag
        from vervaldatum in Datum
        from omschrijving in Tekst
        from corrigeert in Gen.Zip(Id("F-"), Gen.Choose(1, 500)).Select(t => new Regelverwijzing(t.Item1, t.Item2))
        select new Factuurregel(
            nummer,
            contractregel ? null : traject,
            contractregel ? null : client,
            contractregel ? null : contactpersoon,
            sleutel,
            soort,
            soort == Regelsoort.Credit ? -bedrag : bedrag,
            soort == Regelsoort.Credit ? -btw : btw,
            vervaldatum,
            omschrijving,
            soort == Regelsoort.Credit ? corrigeert : null);

    public static Gen<Btw> Btw { get; } = Gen.Frequency(
        (2, Gen.Constant(Bekostiging.Invoicing.Btw.Vrijgesteld)),
        (1, Gen.Elements(9m, 21m, 21.0m).Select(Bekostiging.Invoicing.Btw.Tarief)),
        (1, Gen.Zip(Decimaal(100).Where(p => p <= 100m), Tekst).Select(t => new Btw(t.Item1, t.Item2))));

    /// <summary>An invoice as an earlier run may have written it: any lines, held-back amounts, concept or not.</summary>
    public static Gen<Factuur> Factuur { get; } =
        from nummer in Id("F-")
        from contract in Id("ABG-")
        from datum in Datum
        from periode in Periode
        from btw in Btw
        from n in Gen.Choose(0, 6)
        from regels in Gen.CollectToArray(Enumerable.Range(1, n), Factuurregel)
        from ingehouden in Gen.ListOf(
            from t in SchoonId("T-")
            from s in Naam
            from jaar in Gen.Choose(1, 9999)
            from b in KleinBedrag(false)
            select new Ingehouden(t, s, jaar, b))
        from concept in Gen.Elements(false, false, true)
        select new Factuur(nummer, contract, datum, periode, btw, regels.ToValueList(), ingehouden.ToValueList(), concept);

    // ---------- the engine's outputs ----------

    private static readonly LocalDate Begin = new(2024, 1, 1);

    /// <summary>
    /// A contract the engine can settle generated histories under: standard begrippen (the histories are valid for
    /// those), a term covering every history, random indexation, plafond and instroomgarantie.
    /// </summary>
    public static Gen<Raamovereenkomst> EngineContract { get; } =
        from indexatie in Indexatie
        from plafond in Gen.Frequency((1, Gen.Constant<Bedrag?>(null)), (1, Gen.Choose(100, 20_000).Select(e => (Bedrag?)Bekostiging.Bedrag.VanCenten(e * 100L))))
        from garantie in Gen.Frequency(
            (2, Gen.Constant<Instroomgarantie?>(null)),
            (1, Gen.Choose(0, 5).Select(n => (Instroomgarantie?)new Instroomgarantie(n, Bekostiging.Bedrag.Van(250m)))))
        select new Raamovereenkomst("C-RT", ValueList.Of("Gemeente A"), "Aanbieder X", Begin, Bekostiging.Duur.Jaren(6), ValueList<Productafspraak>.Empty) with
        {
            Indexatie = indexatie,
            Plafond = plafond,
            Instroomgarantie = garantie,
        };

    /// <summary>A contract with one to four trajecten, each a generated traject with a valid history.</summary>
    public static Gen<(Raamovereenkomst Contract, IReadOnlyList<TrajectMetGebeurtenissen> Trajecten)> Portefeuille { get; } =
        Gen.Sized(size =>
            from contract in EngineContract
            from n in Gen.Choose(1, 4)
            from trajecten in Gen.CollectToArray(Enumerable.Range(1, n), i =>
                from t in HistoryGenerators.Traject(35)
                from zaad in Gen.Choose(int.MinValue, int.MaxValue)
                from laat in Gen.Choose(0, 40)
                let traject = t with { Id = "T-" + i.ToString(CultureInfo.InvariantCulture), ClientId = "C-" + (i % 3).ToString(CultureInfo.InvariantCulture), ContactpersoonGemeente = i % 2 == 0 ? "wijkcoach-" + i.ToString(CultureInfo.InvariantCulture) : null }
                let h = new HistorieBouwer(traject, zaad, Math.Min(size, 40)).Bouw()
                select new TrajectMetGebeurtenissen(traject, LaatGemeld(h.Gebeurtenissen, laat)))
            select (contract, (IReadOnlyList<TrajectMetGebeurtenissen>)trajecten));

    /// <summary>Run dates over the term and after it: a handful of invoice runs.</summary>
    public static Gen<LocalDate[]> Runs { get; } =
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 6 * 365).Select(d => new LocalDate(2025, 1, 1).PlusDays(d)), n))
            .Select(r => r.Distinct().OrderBy(d => d).ToArray());

    /// <summary>The invoices of a sequence of runs (each run sees the ones before), with VAT now and then.</summary>
    public static List<Factuur> Factureer(Raamovereenkomst contract, IReadOnlyList<TrajectMetGebeurtenissen> trajecten, IEnumerable<LocalDate> runs, Btw btw)
    {
        var instellingen = new Factuurinstellingen(btw, Factuurinstellingen.Reeks(contract.Id + "-"));
        var facturen = new List<Factuur>();
        foreach (var run in runs)
        {
            facturen.Add(Facturatie.Run(contract, trajecten, facturen, run, instellingen));
        }

        return facturen;
    }

    /// <summary>Invoices made by running <see cref="Facturatie.Run"/> on a generated portfolio.</summary>
    public static Gen<List<Factuur>> EngineFacturen { get; } =
        from p in Portefeuille
        from runs in Runs
        from btw in Gen.Elements(Bekostiging.Invoicing.Btw.Vrijgesteld, Bekostiging.Invoicing.Btw.Tarief(21m))
        select Factureer(p.Contract, p.Trajecten, runs, btw);

    /// <summary>The quarterly statements of every quarter in which an invoice was dated, plus one quarter without any.</summary>
    public static IEnumerable<Kwartaaloverzicht> Kwartalen(string contractId, IReadOnlyList<Factuur> facturen) =>
        facturen.Select(f => (f.Factuurdatum.Year, Kalender.Kwartaal(f.Factuurdatum)))
            .Append((2031, 1))
            .Distinct()
            .Select(q => Kwartaaloverzicht.Maak(contractId, q.Item1, q.Item2, facturen));

    /// <summary>Quarterly statements built directly: contact persons missing, negative nets, contract lines.</summary>
    public static Gen<Kwartaaloverzicht> VrijKwartaaloverzicht { get; } =
        from contract in Id("ABG-")
        from jaar in Gen.Choose(1, 9999)
        from kwartaal in Gen.Choose(1, 4)
        from clienten in Gen.ListOf(
            from c in SchoonId("C-")
            from cp in OfNull(Naam)
            from trajecten in Gen.ListOf(
                from t in SchoonId("T-")
                from gefactureerd in KleinBedrag(false)
                from gecrediteerd in KleinBedrag(false)
                select new TrajectKosten(t, gefactureerd, -gecrediteerd))
            select new ClientKwartaal(c, cp, trajecten.ToValueList()))
        from contractregels in KleinBedrag(true)
        select new Kwartaaloverzicht(contract, jaar, kwartaal, clienten.ToValueList(), contractregels);

    /// <summary>A settlement built directly: every status, reason and place, odd text, negative amounts, long fractions.</summary>
    public static Gen<Afrekening> VrijeAfrekening { get; } =
        from id in SchoonId("T-")
        from peildatum in Datum
        from status in Gen.Elements(Enum.GetValues<TrajectStatus>())
        from verschuldigd in Gen.ListOf(Afrekeningsregel)
        from verwacht in Gen.ListOf(Afrekeningsregel)
        from niet in Gen.ListOf(
            from e in Id("E")
            from reden in Gen.Elements(Enum.GetValues<Reden>())
            from toelichting in Tekst
            from code in OfNull(Code)
            select new NietBetaalbaar(e, reden, toelichting, code))
        from verantwoording in Gen.ListOf(
            from e in Id("E")
            from plaats in Gen.Elements(Enum.GetValues<Plaats>())
            from verwijzing in Tekst
            select new Verantwoording(e, plaats, verwijzing))
        select new Afrekening(id, peildatum, status, verschuldigd.ToValueList(), verwacht.ToValueList(), niet.ToValueList(), verantwoording.ToValueList());

    private static Gen<Afrekeningsregel> Afrekeningsregel { get; } =
        from sleutel in Naam
        from code in Code
        from datum in Datum
        from hoeveelheid in Gen.Frequency((3, Decimaal(1_000)), (1, Gen.Choose(1, 31).Select(d => d / 31m)))
        from tarief in KleinBedrag(true)
        from grondslag in Tekst
        from bedrag in KleinBedrag(true)
        from bronnen in Gen.ListOf(Id("E"))
        from omschrijving in Tekst
        from voorwaarde in OfNull(Tekst)
        select new Afrekeningsregel(sleutel, code, datum, new Grondslag(hoeveelheid, tarief, grondslag), bedrag, bronnen.ToValueList(), omschrijving, voorwaarde);

    // ---------- scenarios and comparisons ----------

    private static Gen<Gedrag> Gedrag(int profiel) =>
        from plaatsing in Kans
        from uitstroom in Gen.NonEmptyListOf(
            from type in Gen.Elements(HistoryGenerators.AlleTypes)
            from uren in Gen.Elements(8m, 16m, 24m, 32m, 36.5m)
            from gewicht in Gen.Choose(1, 10).Select(g => g / 10m)
            select new Uitstroomkans(type, uren, gewicht))
        from uitval in Kans
        from einde in Kans
        from uren in Decimaal(40)
        from trede in Kans
        select new Gedrag(profiel, plaatsing, uitstroom.Take(3).ToValueList(), uitval, einde, uren, trede);

    private static Gen<ValueList<TeVergelijkenModel>> Modellen(Gen<Bekostigingsmodel> model) =>
        from n in Gen.Choose(1, 3)
        from namen in Gen.Frequency((3, Gen.Constant(new[] { "A", "B", "C" })), (1, Gen.ArrayOf(Naam, 3)))
        from modellen in Gen.ArrayOf(model, n)
        from doorlooptijden in Gen.ArrayOf(HistoryGenerators.Doorlooptijd, n)
        select modellen.Select((m, i) => new TeVergelijkenModel(i.ToString(CultureInfo.InvariantCulture) + namen[i], m, doorlooptijden[i])).ToValueList();

    private static Gen<Scenario> ScenarioGen(Gen<Raamovereenkomst> contract, Gen<int> perProfiel, Gen<Bekostigingsmodel> model, int maxIteraties, int maxHorizon) =>
        from naam in Naam
        from c in contract
        from aantallen in Gen.ArrayOf(perProfiel, 4)
        from gedragingen in Gen.CollectToArray(Enumerable.Range(1, 4).Where(p => aantallen[p - 1] > 0), Gedrag)
        from modellen in Modellen(model)
        from periode in Gen.Choose(1, 12)
        from horizon in Gen.Choose(1, maxHorizon)
        from budget in BedragOfNull(false)
        from kosten in Bedrag(false).Select(b => b.Euros > 1_000m ? Bekostiging.Bedrag.VanCenten(b.Centen % 10_000) : b)
        from iteraties in Gen.Choose(1, maxIteraties)
        from seed in Seed
        select new Scenario(naam, c, aantallen.ToValueList(), gedragingen.ToValueList(), modellen, periode, horizon, budget, kosten, iteraties, seed);

    /// <summary>A tender scenario as a document: any contract whose term holds a year of aanmeldingen, any counts and behaviours.</summary>
    public static Gen<Scenario> Scenario { get; } = ScenarioGen(
        Contract.Select(c => c with { Looptijd = Bekostiging.Duur.Jaren(Math.Max(1, c.Looptijd.Aantal)) }),
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 500))),
        Model,
        100_000,
        120);

    /// <summary>A tiny scenario that the simulation runs in milliseconds: a few clients, one to three iterations.</summary>
    public static Gen<Scenario> KleinScenario { get; } = ScenarioGen(
        EngineContract.Select(c => c with { Looptijd = Bekostiging.Duur.Jaren(2) }),
        Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 2))),
        HistoryGenerators.Model(35),
        3,
        30).Where(s => s.AantalClienten > 0);

    /// <summary>A comparison built directly: nulls where allowed, huge seeds, long fractions, negative margins.</summary>
    public static Gen<Vergelijking> VrijeVergelijking { get; } =
        from scenario in Naam
        from iteraties in Gen.Choose(1, 100_000)
        from seed in Seed
        from clienten in Gen.Choose(0, 100_000)
        from budget in BedragOfNull(false)
        from modellen in Gen.ListOf(
            from naam in Naam
            from kosten in Gen.ArrayOf(Bedrag(false), 4)
            from perIteratie in Gen.ListOf(Bedrag(false).Select(b => b.Euros))
            from duurzaam in Gen.Frequency((2, Decimaal(1_000)), (1, Gen.Choose(1, 999).Select(x => x / 7m)))
            from perDuurzame in Bedrag(false)
            from perJaar in Gen.ListOf(
                from jaar in Gen.Choose(1, 9999)
                from g in Bedrag(false)
                from p95 in Bedrag(false)
                from kans in Kans
                select new Jaarkosten(jaar, g, p95, kans))
            from perProfiel in Gen.ListOf(
                from profiel in Gen.Choose(1, 4)
                from aantal in Gen.Choose(0, 1_000)
                from bedragen in Gen.ArrayOf(Bedrag(true), 4)
                select new ProfielUitkomst(profiel, aantal, bedragen[0], bedragen[1], bedragen[2], bedragen[3]))
            from room in Bedrag(true)
            from gevoeligheid in Gen.Frequency(
                (1, Gen.Constant<Gevoeligheid?>(null)),
                (2, Gen.ArrayOf(Bedrag(false), 3).Select(b => (Gevoeligheid?)new Gevoeligheid(b[0], b[1], b[2]))))
            select new ModelUitkomst(naam, new Kostenverdeling(kosten[0], kosten[1], kosten[2], kosten[3]), perIteratie.ToValueList(), duurzaam, perDuurzame, perJaar.ToValueList(), perProfiel.ToValueList(), room, gevoeligheid))
        select new Vergelijking(scenario, iteraties, seed, clienten, budget, modellen.ToValueList());

    /// <summary>Every event kind and every rule kind the format knows, so a kind added to the format without a generator is noticed.</summary>
    public static IReadOnlyCollection<Type> Soorten(IEnumerable<object> waarden) => waarden.Select(w => w.GetType()).Distinct().ToArray();

    /// <summary>The kinds <see cref="JsonFormaat"/> maps, for the coverage check.</summary>
    public static IReadOnlyCollection<Type> FormaatSoorten => JsonFormaat.GebeurtenisSoorten.Keys.Concat(JsonFormaat.RegelSoorten.Keys).ToArray();
}
