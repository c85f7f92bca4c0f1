using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Bekostiging.Json;
using Xunit;

namespace Bekostiging.Tests.Json;

public class ZzTmpProbe
{
    private static readonly System.Collections.Generic.List<string> Out = new();
    private static void T(string label, Func<object?> f)
    {
        try { var r = f(); Out.Add($"OK   {label}"); }
        catch (Exception e) { Out.Add($"{e.GetType().Name,-22} {label}: {e.Message.Replace("\n", " ")}"); }
    }

    private static string Mut(string json, Action<JsonNode> m) { var n = JsonNode.Parse(json)!; m(n); return n.ToJsonString(); }


    internal static string S(string json) { var n = JsonNode.Parse(json)!; St(n); return n.ToJsonString(); }
    private static void St(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            string[] rm = o.ContainsKey("opdrachtnemer") ? new[] { "opzegtermijn", "initieleEinddatum", "einddatum", "optiesOver", "deadlineVolgendeOptie", "context" }
                : o.ContainsKey("reclametermijn") ? new[] { "resultaat" }
                : o.ContainsKey("soort") && o.ContainsKey("code") ? new[] { "omschrijving" }
                : o.ContainsKey("soort") && o.ContainsKey("datum") ? new[] { "gemeldOp", "sleutel" }
                : o.ContainsKey("factuurdatum") ? new[] { "totaalDebet", "totaalCredit", "totaalExclusiefBtw", "totaalBtw", "totaalInclusiefBtw", "isLeeg" }
                : o.ContainsKey("iteraties") ? new[] { "aantalClienten", "horizon" } : System.Array.Empty<string>();
            foreach (var k in rm) o.Remove(k);
            foreach (var kv in o.ToList()) St(kv.Value);
        }
        else if (node is JsonArray a) foreach (var i in a) St(i);
    }

    [Fact]
    public void Probe()
    {
        var c = S(File.ReadAllText("/tmp/dump/contract.json"));
        var t = S(File.ReadAllText("/tmp/dump/trajecten.json"));
        var f = S(File.ReadAllText("/tmp/dump/facturen.json"));
        var s = S(File.ReadAllText("/tmp/dump/scenario.json"));
        T("contract stripped", () => JsonLezer.Contract(c));
        T("trajecten stripped", () => JsonLezer.Trajecten(t));
        T("facturen stripped", () => JsonLezer.Facturen(f));
        T("scenario stripped", () => JsonLezer.Scenario(s));
        JsonNode Reg(JsonNode n, int i) => n["producten"]![0]!["model"]!["regels"]![i]!;
        T("wachttijd absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 6)["definitie"]!.AsObject().Remove("wachttijd"))));
        T("minContract absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 6)["definitie"]!.AsObject().Remove("minimumContractMaanden"))));
        T("mijlpaal absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0).AsObject().Remove("mijlpaal"))));
        T("maximumUren absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 2).AsObject().Remove("maximumUren"))));
        T("proRata absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 5).AsObject().Remove("proRataBijUitval"))));
        T("soort absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 5).AsObject().Remove("soort"))));
        T("soort last", () => JsonLezer.Contract(Mut(c, n => { var o = Reg(n, 5).AsObject(); o.Remove("soort"); o["soort"] = "termijnen"; })));
        T("maximum absent", () => JsonLezer.Contract(Mut(c, n => n["producten"]![0]!["model"]!.AsObject().Remove("maximum"))));
        T("model maxDoorloop absent", () => JsonLezer.Contract(Mut(c, n => n["producten"]![0]!["model"]!.AsObject().Remove("maximaleDoorlooptijd"))));
        T("profiel absent", () => JsonLezer.Contract(Mut(c, n => n["producten"]![0]!.AsObject().Remove("profiel"))));
        T("opties absent etc", () => JsonLezer.Contract(Mut(c, n => { var o = n.AsObject(); foreach (var k in new[]{"verlengingsopties","uitgeoefendeOpties","indexatie","plafond","instroomgarantie","begrippen"}) o.Remove(k); })));
        T("plafond null", () => JsonLezer.Contract(Mut(c, n => n["plafond"] = null)));
        T("indexatie null", () => JsonLezer.Contract(Mut(c, n => n["indexatie"] = null)));
        T("begrippen null", () => JsonLezer.Contract(Mut(c, n => n["begrippen"] = null)));
        T("opdrachtnemer null", () => JsonLezer.Contract(Mut(c, n => n["opdrachtnemer"] = null)));
        T("opdrachtgever [null]", () => JsonLezer.Contract(Mut(c, n => n["opdrachtgever"] = new JsonArray((JsonNode?)null))));
        T("regels [null]", () => JsonLezer.Contract(Mut(c, n => n["producten"]![0]!["model"]!["regels"] = new JsonArray((JsonNode?)null))));
        T("producten [null]", () => JsonLezer.Contract(Mut(c, n => n["producten"] = new JsonArray((JsonNode?)null))));
        T("klassen [null]", () => JsonLezer.Contract(Mut(c, n => Reg(n, 6)["klassen"] = new JsonArray((JsonNode?)null))));
        T("stappen [null]", () => JsonLezer.Contract(Mut(c, n => Reg(n, 7)["stappen"] = new JsonArray((JsonNode?)null))));
        T("prijzen [null]", () => JsonLezer.Contract(Mut(c, n => Reg(n, 3)["prijzen"] = new JsonArray((JsonNode?)null))));
        T("percentages [null]", () => JsonLezer.Contract(Mut(c, n => n["indexatie"]!["percentages"] = new JsonArray((JsonNode?)null))));
        T("verlengingsopties [null]", () => JsonLezer.Contract(Mut(c, n => n["verlengingsopties"] = new JsonArray((JsonNode?)null))));
        T("uitstroomtypes [null]", () => JsonLezer.Contract(Mut(c, n => Reg(n, 6)["definitie"]!["uitstroomtypes"] = new JsonArray((JsonNode?)null))));
        T("enum Pascal", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["aanleiding"] = "Start")));
        T("enum int", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["aanleiding"] = 1)));
        T("enum '1'", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["aanleiding"] = "1")));
        T("enum flags", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["aanleiding"] = "start, afronding")));
        T("eenheid Pascal", () => JsonLezer.Contract(Mut(c, n => n["looptijd"]!["eenheid"] = "Jaren")));
        T("looptijd negative", () => JsonLezer.Contract(Mut(c, n => n["looptijd"]!["aantal"] = -1)));
        T("looptijd 0", () => JsonLezer.Contract(Mut(c, n => n["looptijd"]!["aantal"] = 0)));
        T("verlengingsoptie negative", () => JsonLezer.Contract(Mut(c, n => n["verlengingsopties"]![0]!["periode"]!["aantal"] = -1)));
        T("date bad", () => JsonLezer.Contract(Mut(c, n => n["ingangsdatum"] = "2026-13-01")));
        T("date datetime", () => JsonLezer.Contract(Mut(c, n => n["ingangsdatum"] = "2026-01-01T00:00:00")));
        T("bedrag string", () => JsonLezer.Contract(Mut(c, n => n["plafond"] = "5")));
        T("bedrag 1e3", () => JsonLezer.Contract(c.Replace("\"plafond\":200000.00", "\"plafond\":2e5")));
        T("int 2.0", () => JsonLezer.Contract(Mut(c, n => n["uitgeoefendeOpties"] = 2.0m)));
        T("uitgeoefend 5", () => JsonLezer.Contract(Mut(c, n => n["uitgeoefendeOpties"] = 5)));
        T("uitgeoefend -1", () => JsonLezer.Contract(Mut(c, n => n["uitgeoefendeOpties"] = -1)));
        T("dup property", () => JsonLezer.Contract(c.Replace("\"id\":\"ABG-2026\"", "\"id\":\"ABG-2026\",\"id\":\"X\"")));
        T("id empty", () => JsonLezer.Contract(Mut(c, n => n["id"] = "")));
        T("code bad", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["code"] = "a b")));
        T("computed opzegtermijn", () => JsonLezer.Contract(Mut(c, n => n["opzegtermijn"] = JsonNode.Parse("{\"aantal\":3,\"eenheid\":\"maanden\"}"))));
        T("computed omschrijving", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["omschrijving"] = "x")));
        T("begrippen resultaat", () => JsonLezer.Contract(Mut(c, n => n["begrippen"]!["resultaat"] = null)));
        T("contract [] root", () => JsonLezer.Contract("[]"));
        T("contract null", () => JsonLezer.Contract("null"));
        T("contract empty", () => JsonLezer.Contract(""));
        T("contract {}", () => JsonLezer.Contract("{}"));
        T("contract comment", () => JsonLezer.Contract("{} // x"));
        T("contract trailing", () => JsonLezer.Contract(c + " x"));
        T("contract BOM", () => JsonLezer.Contract("\uFEFF" + c));
        JsonNode Ev(JsonNode n, int i) => n["trajecten"]![0]!["gebeurtenissen"]![i]!;
        T("ev gemeldOp", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["gemeldOp"] = "2026-01-01")));
        T("ev sleutel", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 7)["sleutel"] = "P1")));
        T("ev volgnummer/gemeld absent", () => JsonLezer.Trajecten(Mut(t, n => { Ev(n, 0).AsObject().Remove("volgnummer"); Ev(n, 0).AsObject().Remove("gemeld"); })));
        T("plaatsing contractMaanden/plaatsingId absent", () => JsonLezer.Trajecten(Mut(t, n => { Ev(n, 7).AsObject().Remove("contractMaanden"); Ev(n, 7).AsObject().Remove("plaatsingId"); })));
        T("uitval reden absent", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 10).AsObject().Remove("reden"))));
        T("uitval reden null", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 10)["reden"] = null)));
        T("ev id null", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["id"] = null)));
        T("ev id empty", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["id"] = "")));
        T("ev null", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["gebeurtenissen"]![0] = null)));
        T("ev number", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["gebeurtenissen"]![0] = 1)));
        T("ev soort number", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["soort"] = 1)));
        T("ev soort Pascal", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["soort"] = "Aanmelding")));
        T("ev soort twice", () => JsonLezer.Trajecten(t.Replace("\"soort\":\"aanmelding\"", "\"soort\":\"aanmelding\",\"soort\":\"start\"")));
        T("ev $type", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["$type"] = "x")));
        T("ev $id", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["$id"] = "1")));
        T("ev $ref", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["$ref"] = "1")));
        T("traject null", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0] = null)));
        T("traject contactpersoon absent", () => JsonLezer.Trajecten(Mut(t, n => { n["trajecten"]![0]!.AsObject().Remove("contactpersoon"); n["trajecten"]![0]!.AsObject().Remove("startTrede"); })));
        T("traject client absent", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!.AsObject().Remove("client"))));
        T("traject id absent", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!.AsObject().Remove("id"))));
        T("traject id number", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["id"] = 5)));
        T("traject gebeurtenissen twice", () => JsonLezer.Trajecten(t.Replace("\"gebeurtenissen\":[", "\"gebeurtenissen\":[],\"gebeurtenissen\":[")));
        T("traject profiel 9", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["profiel"] = 9)));
        T("uren 30", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 4)["aantal"] = 30)));
        T("trede 9", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 6)["niveau"] = 9)));
        T("trajecten doc contract twice", () => JsonLezer.Trajecten(t.Replace("\"contract\":\"ABG-2026\"", "\"contract\":\"ABG-2026\",\"contract\":\"X\"")));
        T("trajecten doc null", () => JsonLezer.Trajecten("null"));
        T("trajecten doc []", () => JsonLezer.Trajecten("[]"));
        T("facturen totaal", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["totaalDebet"] = 1)));
        T("facturen isLeeg", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["isLeeg"] = false)));
        T("facturen regel corrigeert absent", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["regels"]![0]!.AsObject().Remove("corrigeert"))));
        T("facturen regel trajectId absent", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["regels"]![0]!.AsObject().Remove("trajectId"))));
        T("facturen btw omschrijving absent", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["btw"]!.AsObject().Remove("omschrijving"))));
        T("facturen periode extra", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["periode"]!["x"] = "2026-01-01")));
        T("facturen periode reversed", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["periode"]!["van"] = "2027-01-01")));
        T("facturen periode van number", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["periode"]!["van"] = 5)));
        T("facturen periode van obj", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["periode"]!["van"] = new JsonObject())));
        T("facturen periode van arr", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["periode"]!["van"] = new JsonArray())));
        T("facturen regels [null]", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["regels"] = new JsonArray((JsonNode?)null))));
        T("facturen [null]", () => JsonLezer.Facturen(Mut(f, n => n["facturen"] = new JsonArray((JsonNode?)null))));
        T("facturen null", () => JsonLezer.Facturen(Mut(f, n => n["facturen"] = null)));
        T("facturen {}", () => JsonLezer.Facturen("{}"));
        T("facturen null doc", () => JsonLezer.Facturen("null"));
        T("scenario aantalClienten", () => JsonLezer.Scenario(Mut(s, n => n["aantalClienten"] = 40)));
        T("scenario horizon", () => JsonLezer.Scenario(Mut(s, n => n["horizon"] = "2028-12-31")));
        T("scenario budget absent", () => JsonLezer.Scenario(Mut(s, n => n.AsObject().Remove("budgetPerJaar"))));
        T("scenario budget null", () => JsonLezer.Scenario(Mut(s, n => n["budgetPerJaar"] = null)));
        T("scenario gedragingen [null]", () => JsonLezer.Scenario(Mut(s, n => n["gedragingen"] = new JsonArray((JsonNode?)null))));
        T("scenario modellen [null]", () => JsonLezer.Scenario(Mut(s, n => n["modellen"] = new JsonArray((JsonNode?)null))));
        T("scenario uitstroom [null]", () => JsonLezer.Scenario(Mut(s, n => n["gedragingen"]![0]!["uitstroom"] = new JsonArray((JsonNode?)null))));
        T("scenario seed -1", () => JsonLezer.Scenario(Mut(s, n => n["seed"] = -1)));
        T("scenario aantal 3", () => JsonLezer.Scenario(Mut(s, n => n["aantalPerProfiel"] = new JsonArray(1, 2, 3))));
        T("scenario empty modellen", () => JsonLezer.Scenario(Mut(s, n => n["modellen"] = new JsonArray())));
        var line = JsonSchrijver.NaarRegel(JsonSchrijver.Van<TrajectenDocument>(File.ReadAllText("/tmp/dump/trajecten.json"))!.Trajecten[0]);
        T("jsonl line raw (computed)", () => JsonLezer.TrajectenJsonLines(new StringReader(line)).ToList());
        T("jsonl line stripped", () => JsonLezer.TrajectenJsonLines(new StringReader(S(line))).ToList());
        T("jsonl null line", () => JsonLezer.TrajectenJsonLines(new StringReader("null")).ToList());
        T("jsonl array line", () => JsonLezer.TrajectenJsonLines(new StringReader("[]")).ToList());
        T("Document<int>", () => JsonLezer.Document<int>("\"x\"", "x"));
        T("deep", () => JsonLezer.Contract(new string('[', 40) + new string(']', 40)));
        T("deep traj", () => JsonLezer.Trajecten(new string('[', 40) + new string(']', 40)));
        T("deep in event", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["x"] = JsonNode.Parse(new string('[', 29) + new string(']', 29)))));
        T("ev foo", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 0)["foo"] = 1)));
        T("ev start foo", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 2)["foo"] = 1)));
        T("ev plaatsing foo", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 7)["foo"] = 1)));
        T("regel foo", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["foo"] = 1)));
        T("duurz foo", () => JsonLezer.Contract(Mut(c, n => Reg(n, 6)["definitie"]!["duurzaamheid"]!["foo"] = 1)));
        T("duurz geen extra termijn", () => JsonLezer.Contract(Mut(c, n => Reg(n, 7)["definitie"]!["duurzaamheid"]!["termijn"] = 1)));
        T("cumulatief 0 of 5", () => JsonLezer.Contract(Mut(c, n => { Reg(n, 6)["definitie"]!["duurzaamheid"]!["weken"] = 10; Reg(n, 6)["definitie"]!["duurzaamheid"]!["vanWeken"] = 5; })));
        T("opdrachtgever []", () => JsonLezer.Contract(Mut(c, n => n["opdrachtgever"] = new JsonArray())));
        T("mijlpaal with start", () => JsonLezer.Contract(Mut(c, n => Reg(n, 0)["mijlpaal"] = "intake")));
        T("termijnen interval absent", () => JsonLezer.Contract(Mut(c, n => Reg(n, 5).AsObject().Remove("interval"))));
        T("traject foo", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["foo"] = 1)));
        T("jsonl foo", () => JsonLezer.TrajectenJsonLines(new StringReader("{\"id\":\"T\",\"client\":\"C\",\"profiel\":1,\"product\":\"p\",\"gebeurtenissen\":[],\"foo\":1}")).ToList());
        T("jsonl dup", () => JsonLezer.TrajectenJsonLines(new StringReader("{\"id\":\"T\",\"client\":\"C\",\"profiel\":1,\"product\":\"p\",\"gebeurtenissen\":[]}\n{\"id\":\"T\",\"client\":\"C\",\"profiel\":1,\"product\":\"p\",\"gebeurtenissen\":[]}")).ToList());
        T("traject profiel string", () => JsonLezer.Trajecten(Mut(t, n => n["trajecten"]![0]!["profiel"] = "2")));
        T("deep contract", () => JsonLezer.Contract(Mut(c, n => n["id"] = JsonNode.Parse(new string('[', 35) + new string(']', 35)))));
        T("facturen regels soort bad", () => JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["regels"]![0]!["soort"] = "x")));
        T("enum flags value", () => { var x = JsonLezer.Contract(Mut(c, n => Reg(n, 0)["aanleiding"] = "start, afronding")); return ((Bekostiging.Terms.Eenmalig)x.Producten[0].Model.Regels[0]).Aanleiding.ToString() is var a ? throw new InvalidOperationException("value=" + a) : null; });
        T("enum flags uitstroom", () => { var x = JsonLezer.Trajecten(Mut(t, n => Ev(n, 7)["type"] = "regulierWerk, gesubsidieerdWerk")); throw new InvalidOperationException("value=" + ((Bekostiging.Events.Plaatsing)x.Trajecten[0].Gebeurtenissen[7]).Type); });
        T("einddatum bogus", () => JsonLezer.Contract(Mut(c, n => { n["einddatum"] = new JsonArray(1, 2); n["context"] = "x"; })));
        T("uitgeoefend 5 write", () => JsonSchrijver.Naar(JsonLezer.Contract(Mut(c, n => n["uitgeoefendeOpties"] = 5))));
        T("facturen [null] write", () => JsonSchrijver.Naar(JsonLezer.Facturen(Mut(f, n => n["facturen"] = new JsonArray((JsonNode?)null)))));
        T("facturen regels [null] write", () => JsonSchrijver.Naar(JsonLezer.Facturen(Mut(f, n => n["facturen"]![0]!["regels"] = new JsonArray((JsonNode?)null)))));
        T("producten [null] VoorContract", () => JsonLezer.VoorContract(JsonLezer.Contract(Mut(c, n => n["producten"] = new JsonArray((JsonNode?)null))), JsonLezer.Trajecten(t).Trajecten).ToList());
        T("gebeurtenissen twice which", () => { var x = JsonLezer.Trajecten(t.Replace("\"gebeurtenissen\":[", "\"gebeurtenissen\":[],\"gebeurtenissen\":[")); throw new InvalidOperationException("count=" + x.Trajecten[0].Gebeurtenissen.Count); });
        T("deep einddatum", () => JsonLezer.Contract(Mut(c, n => n["einddatum"] = JsonNode.Parse(new string('[', 35) + new string(']', 35)))));
        T("deep Document", () => JsonLezer.Document<Bekostiging.Json.FacturenDocument>("{\"facturen\":" + new string('[', 40) + new string(']', 40) + "}", "d"));
        T("huge jsonl number", () => JsonLezer.TrajectenJsonLines(new StringReader("{\"id\":\"T\",\"client\":\"C\",\"profiel\":1e400,\"product\":\"p\",\"gebeurtenissen\":[]}")).ToList());
        T("uren 1e30", () => JsonLezer.Trajecten(Mut(t, n => Ev(n, 4)["aantal"] = JsonNode.Parse("1e30"))));
        T("bedrag 1e30", () => JsonLezer.Contract(Mut(c, n => n["plafond"] = JsonNode.Parse("1e30"))));
        T("bedrag 1e-30", () => JsonLezer.Contract(Mut(c, n => n["plafond"] = JsonNode.Parse("1e-30"))));
        T("bedrag -0", () => JsonLezer.Contract(Mut(c, n => n["plafond"] = JsonNode.Parse("-0.00"))));
        T("date year 0", () => JsonLezer.Contract(Mut(c, n => n["ingangsdatum"] = "0000-01-01")));
        T("date year 9999 looptijd", () => JsonSchrijver.Naar(JsonLezer.Contract(Mut(c, n => n["ingangsdatum"] = "9999-06-01"))));
        T("looptijd huge", () => JsonSchrijver.Naar(JsonLezer.Contract(Mut(c, n => n["looptijd"]!["aantal"] = int.MaxValue))));
        T("eenheid 99", () => JsonLezer.Contract(Mut(c, n => n["looptijd"]!["eenheid"] = "99")));
        const string multi = "{ \"contract\": \"ABG-2026\", \"trajecten\": [\n  { \"id\": \"T-1\", \"client\": \"C-1\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [] },\n  { \"id\": \"T-2\", \"client\": \"C-2\", \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [\n    { \"soort\": \"start\", \"id\": \"S\", \"datum\": \"2026-02-02\" },\n    { \"soort\": \"uren\", \"id\": \"U\", \"datum\": \"2026-02-03\", \"aantal\": \"twee\" } ] },\n  { \"id\": \"T-3\", \"client\": 5, \"profiel\": 1, \"product\": \"re-integratie\", \"gebeurtenissen\": [] } ] }";
        T("multi line event error", () => JsonLezer.Trajecten(multi, "t.json"));
        T("multi line traject error", () => JsonLezer.Trajecten(multi.Replace("\"twee\"", "2"), "t.json"));
        T("malformed line 3", () => JsonLezer.Trajecten(multi.Replace("\"T-2\", \"client\"", "\"T-2\" \"client\""), "t.json"));
        T("contract malformed", () => JsonLezer.Contract("{\n\"id\": \"X\",\n}", "c.json"));
        T("lone surrogate traject", () => JsonLezer.Trajecten("{\"contract\":\"\uD800\",\"trajecten\":[]}"));
        T("lone surrogate contract", () => JsonLezer.Contract("{\"id\":\"\uD800\"}"));
        T("lone surrogate jsonl", () => JsonLezer.TrajectenJsonLines(new StringReader("{\"id\":\"\uD800\"}")).ToList());
        T("escaped lone surrogate", () => JsonLezer.Trajecten("{\"contract\":\"\\uD800\",\"trajecten\":[]}"));
        T("size limit", () => JsonLezer.Trajecten(t, "t.json", new Invoerlimieten(MaximaleBestandsgrootte: 100)));
        T("count limit", () => JsonLezer.Trajecten(multi, "t.json", new Invoerlimieten(MaximaalAantalTrajecten: 2)));
        T("event limit", () => JsonLezer.Trajecten(t, "t.json", new Invoerlimieten(MaximaalAantalGebeurtenissen: 2)));
        T("jsonl size", () => JsonLezer.TrajectenJsonLines(new StringReader("{}\n{}\n{}\n"), "t.jsonl", new Invoerlimieten(MaximaleBestandsgrootte: 4)).ToList());
        T("jsonl count", () => JsonLezer.TrajectenJsonLines(new StringReader(string.Join("\n", Enumerable.Range(1, 3).Select(i => "{\"id\":\"T" + i + "\",\"client\":\"C\",\"profiel\":1,\"product\":\"p\",\"gebeurtenissen\":[]}"))), "t.jsonl", new Invoerlimieten(MaximaalAantalTrajecten: 2)).ToList());
        T("dup traject", () => JsonLezer.Trajecten(multi.Replace("\"T-3\"", "\"T-1\"").Replace("\"client\": 5", "\"client\": \"C\""), "t.json"));
        T("settle onbekende plaatsing", () => { var c0 = JsonFormaatTests.Abg(); var tr = JsonLezer.VoorContract(c0, JsonLezer.Trajecten("{\"contract\":\"ABG-2026\",\"trajecten\":[{\"id\":\"T-9\",\"client\":\"C\",\"profiel\":1,\"product\":\"re-integratie\",\"gebeurtenissen\":[{\"soort\":\"start\",\"id\":\"S\",\"datum\":\"2026-02-02\"},{\"soort\":\"plaatsingEinde\",\"id\":\"PE\",\"datum\":\"2026-03-02\",\"plaatsingId\":\"P-404\"}]}]}").Trajecten).ToList(); return Bekostiging.Contracts.ContractSettlement.Settle(c0, tr, new NodaTime.LocalDate(2026, 12, 31)); });
        T("settle uren 30", () => { var c0 = JsonFormaatTests.Abg(); var tr = JsonLezer.VoorContract(c0, JsonLezer.Trajecten("{\"contract\":\"ABG-2026\",\"trajecten\":[{\"id\":\"T-9\",\"client\":\"C\",\"profiel\":1,\"product\":\"re-integratie\",\"gebeurtenissen\":[{\"soort\":\"start\",\"id\":\"S\",\"datum\":\"2026-02-02\"},{\"soort\":\"uren\",\"id\":\"U\",\"datum\":\"2026-03-02\",\"aantal\":30}]}]}").Trajecten).ToList(); return c0.Settle(tr[0].Traject, tr[0].Gebeurtenissen, new NodaTime.LocalDate(2026, 12, 31)); });
        File.WriteAllLines("/tmp/dump/probe.txt", Out);
    }
}
