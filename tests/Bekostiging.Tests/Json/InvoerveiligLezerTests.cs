using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Terms;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// The contract and trajecten readers refuse what the library's constructors refuse, naming the JSON path (issue 13
/// points 4, 9, 12, 14, 15): the id alphabet, the indexation range, durations of at most 100 years, a plafond and an
/// instroomgarantie that are not negative, one agreement per product and profiel, the hours of a bonus tier, control
/// characters in text, and traject ids that only look alike.
/// </summary>
public class InvoerveiligLezerTests
{
    private static string Contract(Action<JsonNode> change) => BadInputTests.Mutate(BadInputTests.Contract(), change);

    private static JsonInvoerException Weigert(string contract) => Assert.Throws<JsonInvoerException>(() => JsonLezer.Contract(contract, "abg.json"));

    [Theory]
    [InlineData("/../../../tmp/x", "character U+002F at position 1 is not allowed; an id uses only ASCII letters, digits, '-', '_' and '.'.")]
    [InlineData(".verborgen", "an id does not start with a dot (it would name a hidden file or a parent folder).")]
    [InlineData("ABG 2026", "character U+0020 at position 4 is not allowed; an id uses only ASCII letters, digits, '-', '_' and '.'.")]
    [InlineData("ABG-2026-ü", "character U+00FC at position 10 is not allowed; an id uses only ASCII letters, digits, '-', '_' and '.'.")]
    public void A_contract_id_outside_the_file_safe_alphabet_is_refused_at_its_path(string id, string regel)
    {
        var ex = Weigert(Contract(n => n["id"] = id));
        Assert.Equal("$.id", ex.Pad);
        Assert.Equal($"contract id '{Kenmerk.Zichtbaar(id)}': {regel}", ex.Regel);

        // The library refuses the same id, with or without the reader.
        var lib = Assert.Throws<BekostigingException>(() => JsonFormaatTests.Abg() with { Id = id });
        Assert.Equal(FoutCode.OngeldigeParameter, lib.Code);
        Assert.Contains(regel, lib.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_safe_alphabet_accepts_letters_digits_dash_underscore_and_inner_dots_up_to_64_characters()
    {
        Assert.Null(Kenmerk.FoutInBestandsnaam("ABG-2026_v1.2"));
        Assert.Null(Kenmerk.FoutInBestandsnaam(new string('a', 64)));
        Assert.Equal("an id has at most 64 characters, not 65.", Kenmerk.FoutInBestandsnaam(new string('a', 65)));
        Assert.Equal("an id is not empty.", Kenmerk.FoutInBestandsnaam(string.Empty));
        Assert.Throws<ArgumentNullException>(() => Factuurinstellingen.Reeks(null!));
        Assert.Equal("F-2026-0007", Factuurinstellingen.Reeks("F-2026-")(7));
        Assert.Equal("0007", Factuurinstellingen.Reeks(string.Empty)(7));
        var ex = Assert.Throws<BekostigingException>(() => Factuurinstellingen.Reeks("../"));
        Assert.Equal("[OngeldigeParameter] prefix '../': an id does not start with a dot (it would name a hidden file or a parent folder).", ex.Message);
    }

    [Theory]
    [InlineData(-150, "an indexation percentage lies between -50 % and +100 % per year, not -150 %.")]
    [InlineData(-50.01, "an indexation percentage lies between -50 % and +100 % per year, not -50.01 %.")]
    [InlineData(100.01, "an indexation percentage lies between -50 % and +100 % per year, not 100.01 %.")]
    public void An_indexation_percentage_outside_minus_50_to_plus_100_is_refused_by_reader_and_constructor(double waarde, string regel)
    {
        var percentage = (decimal)waarde;
        var ex = Weigert(Contract(n => n["indexatie"]!["percentages"]![1]!["percentage"] = percentage));
        Assert.Equal("$.indexatie.percentages[1].percentage", ex.Pad);
        Assert.Equal(1, ex.Regelnummer);
        Assert.Equal(regel, ex.Regel);

        var lib = Assert.Throws<BekostigingException>(() => new Indexatiepercentage(3, percentage));
        Assert.Equal($"[OngeldigeParameter] indexatie, year 3: {regel}", lib.Message);
    }

    [Fact]
    public void The_edges_of_the_indexation_range_are_accepted_and_compound_as_the_domain_says()
    {
        var c = JsonLezer.Contract(Contract(n =>
        {
            n["indexatie"]!["percentages"]![0]!["percentage"] = -50m;
            n["indexatie"]!["percentages"]![1]!["percentage"] = 100m;
        }), "abg.json");

        // €86.00 in year 1; year 2 at −50 %: 86.00 × 0.5 = 43.00; year 3 at +100 %: 43.00 × 2 = 86.00.
        c = c.OefenOptieUit(new NodaTime.LocalDate(2027, 1, 1));
        Assert.Equal(Bedrag.Van(43.00m), c.Tarief(Bedrag.Van(86m), new NodaTime.LocalDate(2027, 1, 1)));
        Assert.Equal(Bedrag.Van(86.00m), c.Tarief(Bedrag.Van(86m), new NodaTime.LocalDate(2028, 1, 1)));
    }

    [Fact]
    public void A_negative_or_exponent_plafond_is_refused()
    {
        var negatief = Weigert(Contract(n => n["plafond"] = -5));
        Assert.Equal("abg.json:1 $.plafond: a plafond is not negative (-5); leave it out for no plafond.", negatief.Message);

        // 1e-400 reads as 0: a plafond of nothing, by accident.
        var klein = Weigert(BadInputTests.Contract().Replace("\"plafond\":200000.00", "\"plafond\":1e-400", StringComparison.Ordinal));
        Assert.Equal("abg.json:1 $.plafond: an amount is written in plain digits with at most two decimals (e.g. 750.00), without an exponent.", klein.Message);

        var lib = Assert.Throws<BekostigingException>(() => JsonFormaatTests.Abg() with { Plafond = Bedrag.Van(-5m) });
        Assert.Equal("[OngeldigeParameter] Plafond = € -5,00: a plafond is not negative; leave it out for no plafond.", lib.Message);
    }

    [Fact]
    public void A_negative_instroomgarantie_is_refused()
    {
        var aantal = Weigert(Contract(n => n["instroomgarantie"]!["aanmeldingenPerContractjaar"] = -40));
        Assert.Equal("abg.json:1 $.instroomgarantie.aanmeldingenPerContractjaar: the guaranteed number of aanmeldingen is not negative (-40).", aantal.Message);

        var vergoeding = Weigert(Contract(n => n["instroomgarantie"]!["vergoedingPerOntbrekende"] = -250));
        Assert.Equal("$.instroomgarantie.vergoedingPerOntbrekende", vergoeding.Pad);

        Assert.Throws<BekostigingException>(() => new Instroomgarantie(-40, Bedrag.Van(250m)));
        Assert.Throws<BekostigingException>(() => new Instroomgarantie(40, Bedrag.Van(-250m)));
    }

    [Fact]
    public void Two_agreements_for_the_same_product_and_profiel_are_refused_instead_of_the_first_silently_winning()
    {
        var ex = Weigert(Contract(n => n["producten"]![1]!["profiel"] = null));
        Assert.Equal("abg.json:1 $.producten[1]: product 're-integratie' with every profiel is agreed twice (also at $.producten[0]); one agreement per product and profiel, or the first would silently win.", ex.Message);

        var abg = JsonFormaatTests.Abg();
        var lib = Assert.Throws<BekostigingException>(() => abg with { Producten = Bekostiging.ValueList.Of(abg.Producten[1], abg.Producten[1]) });
        Assert.Equal("[OngeldigeParameter] producten: agreements 1 and 2 are both for product 're-integratie' and profiel 4; one agreement per product and profiel, or the first would silently win.", lib.Message);

        // The same product for profiel 4 and for every profiel is two agreements, as before.
        Assert.Equal(2, JsonLezer.Contract(BadInputTests.Contract(), "abg.json").Producten.Count);
    }

    [Theory]
    [InlineData("minimumUren", -5, "hours per week of a bonus tier lie between 0 and 168, not -5.")]
    [InlineData("minimumUren", 169, "hours per week of a bonus tier lie between 0 and 168, not 169.")]
    [InlineData("maximumUren", 12, "the maximum hours of a bonus tier (12) lie above its minimum (12).")]
    public void Bonus_tier_hours_outside_0_to_168_or_a_maximum_not_above_the_minimum_are_refused(string veld, int waarde, string regel)
    {
        // Tier 2 of the bonus: regulier werk from 12 to 32 hours.
        var ex = Weigert(Contract(n => n["producten"]![0]!["model"]!["regels"]![1]!["klassen"]![1]![veld] = waarde));
        Assert.Equal($"$.producten[0].model.regels[1].klassen[1].{veld}", ex.Pad);
        Assert.Equal(regel, ex.Regel);

        Assert.Throws<BekostigingException>(() => new Bonusklasse(Uitstroomtype.RegulierWerk, -5m, null, Bedrag.Van(100m)));
        Assert.Throws<BekostigingException>(() => new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 12m, Bedrag.Van(100m)));
        Assert.Throws<BekostigingException>(() => new Bonusklasse((Uitstroomtype)99, 12m, null, Bedrag.Van(100m)));
    }

    [Fact]
    public void A_nul_or_other_control_character_in_text_is_refused_but_tab_and_new_line_are_text()
    {
        var ex = Weigert(Contract(n => n["opdrachtnemer"] = "Aanbieder\u0000X"));
        Assert.Equal("$.opdrachtnemer", ex.Pad);
        Assert.Equal("text has control character U+0000 at position 10; it is not allowed in text.", ex.Regel);

        var esc = Weigert(Contract(n => n["opdrachtgever"]![1] = "Gemeente\u001bB"));
        Assert.Equal("$.opdrachtgever[1]", esc.Pad);

        Assert.Equal("Aanbieder\tX\nregel 2", JsonLezer.Contract(Contract(n => n["opdrachtnemer"] = "Aanbieder\tX\nregel 2"), "abg.json").Opdrachtnemer);

        // The writer refuses it too: what it writes, it can read back.
        var fout = Assert.Throws<System.Text.Json.JsonException>(() => JsonSchrijver.Naar(JsonFormaatTests.Abg() with { Opdrachtnemer = "A\u0000" }));
        Assert.Contains("control character U+0000", fout.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dagen", 36_526, 36_525)]
    [InlineData("weken", 5_218, 5_217)]
    [InlineData("maanden", 1_201, 1_200)]
    [InlineData("jaren", 101, 100)]
    [InlineData("jaren", 100_000, 100)]
    public void A_duration_over_100_years_is_refused_when_read_naming_the_event(string eenheid, int aantal, int max)
    {
        var regel = $"{{\"id\":\"T-1\",\"client\":\"C-1\",\"profiel\":1,\"product\":\"re-integratie\",\"gebeurtenissen\":[{{\"soort\":\"start\",\"id\":\"S\",\"datum\":\"2026-02-02\"}},{{\"soort\":\"verlenging\",\"id\":\"V1\",\"datum\":\"2026-05-01\",\"periode\":{{\"aantal\":{aantal},\"eenheid\":\"{eenheid}\"}}}}]}}";
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.TrajectenJsonLines(new StringReader("\n" + regel + "\n"), "t.jsonl").ToList());
        Assert.Equal($"t.jsonl:2 $.gebeurtenissen[1].periode (traject T-1, event V1): a duration is at most 100 years: {aantal} {eenheid} is more than {max}.", ex.Message);

        // The largest duration is read.
        var goed = JsonLezer.TrajectenJsonLines(new StringReader(regel.Replace($"\"aantal\":{aantal}", $"\"aantal\":{max}", StringComparison.Ordinal)), "t.jsonl").Single();
        Assert.Equal(max, ((Verlenging)goed.Gebeurtenissen[1]).Periode.Aantal);

        // And in a contract: the looptijd.
        var looptijd = Weigert(Contract(n => n["looptijd"] = new JsonObject { ["aantal"] = aantal, ["eenheid"] = eenheid }));
        Assert.Equal("$.looptijd", looptijd.Pad);
    }

    [Theory]
    [InlineData("T-00005 ", "id", "traject id 'T-00005 ': an id has no white space at its start or end.")]
    [InlineData(" T-00005", "id", "traject id ' T-00005': an id has no white space at its start or end.")]
    [InlineData("T-000\u200B05", "id", "traject id 'T-000\\u200B05': character U+200B at position 6 is an invisible format character; ids that look alike must be the same id.")]
    [InlineData("T-\uFEFF00005", "id", "traject id 'T-\\uFEFF00005': character U+FEFF at position 3 is an invisible format character; ids that look alike must be the same id.")]
    [InlineData("T-0000\u0665", "id", "traject id 'T-0000\\u0665': character U+0665 at position 7 is a digit other than 0–9; ids that look alike must be the same id.")]
    [InlineData("C-1\t", "client", "client id 'C-1\\u0009': an id has no white space at its start or end.")]
    public void A_look_alike_id_is_refused_at_its_path(string id, string veld, string regel)
    {
        var t = new JsonObject { ["id"] = "T-1", ["client"] = "C-1", ["profiel"] = 1, ["product"] = "re-integratie", ["gebeurtenissen"] = new JsonArray() };
        t[veld] = id;
        var doc = new JsonObject { ["contract"] = "ABG-2026", ["trajecten"] = new JsonArray(new JsonObject { ["id"] = "T-0", ["client"] = "C-0", ["profiel"] = 1, ["product"] = "re-integratie", ["gebeurtenissen"] = new JsonArray() }, t) };
        var ex = Assert.Throws<JsonInvoerException>(() => JsonLezer.Trajecten(doc.ToJsonString(), "t.json"));
        Assert.Equal($"$.trajecten[1].{veld}", ex.Pad);
        Assert.Equal(regel, ex.Regel);
        Assert.Equal(FoutCode.OngeldigeParameter, ex.Code);

        // The library's traject refuses the same id.
        var abg = JsonFormaatTests.Abg();
        Assert.Throws<BekostigingException>(() => veld == "id" ? abg.NieuwTraject(id, "C-1", 1, "re-integratie") : abg.NieuwTraject("T-1", id, 1, "re-integratie"));
    }

    [Fact]
    public void Clean_ids_may_use_letters_of_any_script_and_inner_spaces()
    {
        Assert.Null(Kenmerk.FoutInId("T-00005"));
        Assert.Null(Kenmerk.FoutInId("traject 5 Zoë"));
        Assert.Null(Kenmerk.FoutInId("T-😀"));
        Assert.Equal("an id is not empty.", Kenmerk.FoutInId(string.Empty));
    }
}
