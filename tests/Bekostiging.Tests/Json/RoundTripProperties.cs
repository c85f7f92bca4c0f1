using System;
using System.Collections.Generic;
using System.IO;
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
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// Reading what was written gives back what was written, for every document and result type of docs/json.md: the
/// input documents through <see cref="JsonSchrijver.NaarInvoer{T}"/> and the strict <see cref="JsonLezer"/> (indented and
/// on one line), and every type through <see cref="JsonSchrijver.Naar{T}"/> / <see cref="JsonSchrijver.NaarRegel{T}"/>
/// and <see cref="JsonSchrijver.Van{T}"/>.
/// <para>
/// Equality: every type in the format is a record (or a record struct, or <see cref="ValueList{T}"/> of them), so
/// the types' own value equality is used. It is not enough on its own: <see langword="decimal"/> equality ignores the
/// scale (4.96 == 4.960, and <see cref="Bedrag"/> normalises it away), so a converter that changed the written digits
/// would pass. Each check therefore also writes the value read back and compares the text with the first writing
/// (the canonical form), and for the results with computed totals it compares those totals as key fields.
/// </para>
/// </summary>
public class RoundTripProperties
{
    // ---------- the checks ----------

    /// <summary>Output format: <c>Van(Naar(x)) == x</c>, the same for one-line JSON, and writing again gives the same text.</summary>
    private static string? Uitvoer<T>(T waarde)
    {
        var json = JsonSchrijver.Naar(waarde);
        var terug = JsonSchrijver.Van<T>(json);
        if (!EqualityComparer<T>.Default.Equals(terug, waarde))
        {
            return $"Van(Naar(x)) != x for {typeof(T).Name}\nwritten:\n{json}\nread back and written again:\n{JsonSchrijver.Naar(terug)}";
        }

        var opnieuw = JsonSchrijver.Naar(terug);
        if (opnieuw != json)
        {
            return $"the text differs when written again ({typeof(T).Name})\nfirst:\n{json}\nagain:\n{opnieuw}";
        }

        var regel = JsonSchrijver.NaarRegel(waarde);
        if (regel.Contains('\n', StringComparison.Ordinal) || !EqualityComparer<T>.Default.Equals(JsonSchrijver.Van<T>(regel), waarde))
        {
            return $"the one-line form does not round-trip ({typeof(T).Name}):\n{regel}";
        }

        return null;
    }

    /// <summary>Input format: the strict reader gives back the value from its input form, indented and on one line, and writing again gives the same text.</summary>
    private static string? Invoer<T>(T waarde, Func<string, T> lees, Func<T, T, bool>? gelijk = null)
    {
        gelijk ??= EqualityComparer<T>.Default.Equals;
        foreach (var ingesprongen in new[] { true, false })
        {
            var json = JsonSchrijver.NaarInvoer(waarde, ingesprongen);
            T terug;
            try
            {
                terug = lees(json);
            }
            catch (JsonInvoerException e)
            {
                return $"the reader refuses the input form of a {typeof(T).Name}: {e.Message}\n{json}";
            }

            if (!gelijk(terug, waarde))
            {
                return $"read(NaarInvoer(x)) != x for {typeof(T).Name}\nwritten:\n{json}\nread back and written again:\n{JsonSchrijver.NaarInvoer(terug, ingesprongen)}";
            }

            var opnieuw = JsonSchrijver.NaarInvoer(terug, ingesprongen);
            if (opnieuw != json)
            {
                return $"the input text differs when written again ({typeof(T).Name})\nfirst:\n{json}\nagain:\n{opnieuw}";
            }
        }

        return null;
    }

    private static Property Ok(params string?[] fouten)
    {
        var fout = fouten.FirstOrDefault(f => f is not null);
        return (fout is null).Label(fout ?? string.Empty);
    }

    private static string? Gelijk<T>(string wat, T verwacht, T gelezen) =>
        EqualityComparer<T>.Default.Equals(verwacht, gelezen) ? null : $"{wat}: expected {verwacht}, read back {gelezen}";

    private static bool Lijst<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => a.SequenceEqual(b);

    private static Factuur Lees(Factuur f) => JsonSchrijver.Van<Factuur>(JsonSchrijver.Naar(f))!;

    /// <summary>An invoice's computed totals, compared as key fields after reading back.</summary>
    private static string? Totalen(Factuur f)
    {
        var t = Lees(f);
        return Gelijk($"{f.Nummer} totaalDebet", f.TotaalDebet, t.TotaalDebet)
            ?? Gelijk($"{f.Nummer} totaalCredit", f.TotaalCredit, t.TotaalCredit)
            ?? Gelijk($"{f.Nummer} totaalBtw", f.TotaalBtw, t.TotaalBtw)
            ?? Gelijk($"{f.Nummer} totaalInclusiefBtw", f.TotaalInclusiefBtw, t.TotaalInclusiefBtw);
    }

    // ---------- terms (input documents) ----------

    [Property(MaxTest = 200)]
    public Property A_contract_round_trips_as_input_and_as_output() =>
        Prop.ForAll(RoundTripGenerators.Contract.ToArbitrary(), c =>
        {
            var terug = JsonSchrijver.Van<Raamovereenkomst>(JsonSchrijver.Naar(c))!;
            return Ok(
                Uitvoer(c),
                Invoer(c, json => JsonLezer.Contract(json)),
                Gelijk("einddatum", c.Einddatum, terug.Einddatum),
                Gelijk("deadline", c.DeadlineVolgendeOptie, terug.DeadlineVolgendeOptie));
        });

    [Property(MaxTest = 300)]
    public Property Every_building_block_round_trips_on_its_own_and_in_a_model() =>
        Prop.ForAll(RoundTripGenerators.Regel.ToArbitrary(), RoundTripGenerators.Model.ToArbitrary(), (regel, model) => Ok(
            Uitvoer(regel),
            Invoer(regel, json => JsonLezer.Document<Betaalregel>(json, "regel.json")),
            Uitvoer(model),
            Invoer(model, json => JsonLezer.Document<Bekostigingsmodel>(json, "model.json")),
            Gelijk("omschrijving", regel.Omschrijving, JsonSchrijver.Van<Betaalregel>(JsonSchrijver.Naar(regel))!.Omschrijving)));

    [Property(MaxTest = 500)]
    public Property Every_event_kind_round_trips() =>
        Prop.ForAll(RoundTripGenerators.Gebeurtenis.ToArbitrary(), e => Ok(
            Uitvoer(e),
            Invoer(e, json => JsonLezer.Document<Gebeurtenis>(json, "gebeurtenis.json"))).Classify(true, e.Soort));

    [Property(MaxTest = 150)]
    public Property A_trajecten_document_round_trips_as_a_document_and_as_json_lines() =>
        Prop.ForAll(RoundTripGenerators.Trajecten.ToArbitrary(), doc =>
        {
            var regels = string.Join("\n", doc.Trajecten.Select(t => JsonSchrijver.NaarInvoer(t, ingesprongen: false)));
            var gelezen = JsonLezer.TrajectenJsonLines(new StringReader(regels)).ToValueList();
            return Ok(
                Uitvoer(doc),
                Invoer(doc, json => JsonLezer.Trajecten(json)),
                gelezen == doc.Trajecten ? null : $"JSON Lines read back differ:\n{regels}");
        });

    [Property(MaxTest = 150)]
    public Property Earlier_invoices_round_trip_as_the_facturen_document() =>
        Prop.ForAll(Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(RoundTripGenerators.Factuur, n)).ToArbitrary(), facturen =>
        {
            var doc = new FacturenDocument(facturen.ToValueList());
            return Ok(
                Uitvoer(doc),
                Invoer(doc, json => new FacturenDocument(JsonLezer.Facturen(json).ToValueList())),
                facturen.Select(Totalen).FirstOrDefault(f => f is not null));
        });

    [Property(MaxTest = 150)]
    public Property A_scenario_round_trips_as_input_and_as_output() =>
        Prop.ForAll(RoundTripGenerators.Scenario.ToArbitrary(), s => Ok(
            Uitvoer(s),
            Invoer(s, json => JsonLezer.Scenario(json)),
            Gelijk("aantalClienten", s.AantalClienten, JsonSchrijver.Van<Scenario>(JsonSchrijver.Naar(s))!.AantalClienten)));

    // ---------- results of the engine ----------

    [Property(MaxTest = 200)]
    public Property A_settlement_of_a_generated_history_round_trips() =>
        Prop.ForAll(HistoryGenerators.Histories(), h =>
        {
            var vroeg = SettlementEngine.Settle(h.Traject, h.Gebeurtenissen, h.Peildatum, HistoryGenerators.Context);
            var laat = SettlementEngine.Settle(h.Traject, h.Geschud(), h.LatereDatum, HistoryGenerators.Context);
            var terug = JsonSchrijver.Van<Afrekening>(JsonSchrijver.Naar(laat))!;
            return Ok(
                Uitvoer(vroeg),
                Uitvoer(laat),
                Gelijk("totaalVerschuldigd", laat.TotaalVerschuldigd, terug.TotaalVerschuldigd),
                Gelijk("totaalVerwacht", laat.TotaalVerwacht, terug.TotaalVerwacht));
        });

    [Property(MaxTest = 200)]
    public Property A_settlement_of_any_shape_round_trips() =>
        Prop.ForAll(RoundTripGenerators.VrijeAfrekening.ToArbitrary(), a => Ok(Uitvoer(a)));

    [Property(MaxTest = 100)]
    public Property A_contract_settlement_round_trips() =>
        Prop.ForAll(RoundTripGenerators.Portefeuille.ToArbitrary(), Gen.Choose(0, 6 * 365).ToArbitrary(), (p, dag) =>
        {
            var a = p.Contract.Settle(p.Trajecten, new LocalDate(2025, 1, 1).PlusDays(dag));
            var terug = JsonSchrijver.Van<ContractAfrekening>(JsonSchrijver.Naar(a))!;
            return Ok(
                Uitvoer(a),
                Gelijk("totaalVerschuldigd", a.TotaalVerschuldigd, terug.TotaalVerschuldigd),
                Gelijk("totaalBovenPlafond", a.TotaalBovenPlafond, terug.TotaalBovenPlafond));
        });

    [Property(MaxTest = 100)]
    public Property Invoices_of_invoice_runs_round_trip_as_output_and_as_earlier_invoices() =>
        Prop.ForAll(RoundTripGenerators.EngineFacturen.ToArbitrary(), facturen =>
        {
            var doc = new FacturenDocument(facturen.ToValueList());
            return Ok(
                facturen.Select(Uitvoer).FirstOrDefault(f => f is not null),
                facturen.Select(Totalen).FirstOrDefault(f => f is not null),
                Invoer(doc, json => new FacturenDocument(JsonLezer.Facturen(json).ToValueList())));
        });

    [Property(MaxTest = 100)]
    public Property Quarterly_statements_round_trip() =>
        Prop.ForAll(RoundTripGenerators.EngineFacturen.ToArbitrary(), RoundTripGenerators.VrijKwartaaloverzicht.ToArbitrary(), (facturen, vrij) =>
        {
            var overzichten = RoundTripGenerators.Kwartalen("C-RT", facturen).Append(vrij).ToList();
            return Ok(overzichten.Select(k =>
                Uitvoer(k) ?? Gelijk($"{k.Jaar}-Q{k.Kwartaal} totaal", k.Totaal, JsonSchrijver.Van<Kwartaaloverzicht>(JsonSchrijver.Naar(k))!.Totaal)).ToArray());
        });

    [Property(MaxTest = 60)]
    public Property A_scenario_comparison_of_a_tiny_simulation_round_trips() =>
        Prop.ForAll(RoundTripGenerators.KleinScenario.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (s, gevoeligheid) =>
            Ok(Uitvoer(Simulatie.Vergelijk(s, new Simulatieopties(MaximaleParallelliteit: 1, MetGevoeligheid: gevoeligheid)))));

    [Property(MaxTest = 200)]
    public Property A_scenario_comparison_of_any_shape_round_trips() =>
        Prop.ForAll(RoundTripGenerators.VrijeVergelijking.ToArbitrary(), v => Ok(Uitvoer(v)));

    // ---------- regressions found by these properties ----------

    [Fact]
    public void Text_with_an_unpaired_surrogate_is_refused_when_written_instead_of_changed()
    {
        // Was: written as "T\uFFFD" for both, so two different traject ids read back as one and the same id.
        var a = new TrajectInvoer("T\ud800", "C-1", 1, "re-integratie", ValueList<Gebeurtenis>.Empty);
        var b = a with { Id = "T\udc00" };
        var doc = new TrajectenDocument("ABG-2026", ValueList.Of(a, b));
        Assert.Contains("unpaired surrogate (U+D800)", Assert.Throws<System.Text.Json.JsonException>(() => JsonSchrijver.Naar(doc)).Message, StringComparison.Ordinal);
        Assert.Throws<System.Text.Json.JsonException>(() => JsonSchrijver.NaarInvoer(b, ingesprongen: false));
        Assert.Throws<System.Text.Json.JsonException>(() => JsonSchrijver.NaarRegel(new Uitval("X", new LocalDate(2026, 1, 1), "reden \udc00")));

        // A pair is one character and is written as such.
        var paar = a with { Id = "T-\ud83d\ude00" };
        Assert.Equal(paar, JsonLezer.TrajectenJsonLines(new StringReader(JsonSchrijver.NaarInvoer(paar, ingesprongen: false))).Single());
    }

    // ---------- the generators reach every kind ----------

    [Fact]
    public void The_generators_produce_every_event_kind_and_every_building_block_of_the_format()
    {
        var events = RoundTripGenerators.Gebeurtenis.Sample(400);
        var regels = RoundTripGenerators.Regel.Sample(400);
        var gezien = RoundTripGenerators.Soorten(events.Cast<object>().Concat(regels));
        Assert.Empty(RoundTripGenerators.FormaatSoorten.Except(gezien));
        var duurzaamheden = regels.OfType<BijResultaat>().Select(b => b.Definitie.Duurzaamheid.GetType()).Distinct().Count();
        Assert.Equal(4, duurzaamheden);
    }
}
