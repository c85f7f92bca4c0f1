using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;
using NodaTime.Text;

namespace Bekostiging.Tests.Settlement;

/// <summary>Reads the hand-worked case files of Cases/ (format in Cases/README.md) into terms and events.</summary>
public sealed record SettlementCase(
    string File,
    string Name,
    string Description,
    Traject Traject,
    IReadOnlyList<Gebeurtenis> Events,
    LocalDate Peildatum,
    Begrippen Begrippen,
    JsonElement Expected,
    string Raw)
{
    public override string ToString() => $"{File}:{Name}";
}

public static class CaseReader
{
    public static string CasesDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "Cases");

    public static IEnumerable<SettlementCase> ReadAll()
    {
        foreach (var file in System.IO.Directory.GetFiles(CasesDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                yield return Read(System.IO.Path.GetFileName(file), c.Clone());
            }
        }
    }

    public static SettlementCase Read(string file, JsonElement c)
    {
        var t = c.GetProperty("traject");
        var m = c.GetProperty("model");
        var rules = m.GetProperty("rules").EnumerateArray().Select(Rule).ToValueList();
        var model = new Bekostigingsmodel(
            c.GetProperty("name").GetString()!,
            rules,
            OptDecimal(m, "maximum") is { } max ? Bedrag.Van(max) : null,
            OptInt(m, "maxDoorlooptijdMonths") is { } cap ? Duur.Maanden(cap) : null);
        if (m.TryGetProperty("maxima", out var maxima))
        {
            foreach (var dm in maxima.EnumerateArray())
            {
                model = model.MetMaximum(Money(dm, "amount"), dm.GetProperty("rules").EnumerateArray().Select(x => x.GetString()!).ToArray());
            }
        }

        var traject = new Traject(
            t.GetProperty("id").GetString()!,
            t.GetProperty("client").GetString()!,
            t.TryGetProperty("profiel", out var p) ? p.GetInt32() : 1,
            "re-integratie",
            model,
            Duur.Maanden(t.GetProperty("doorlooptijdMonths").GetInt32()));
        if (OptInt(t, "startTrede") is { } st)
        {
            traject = traject.MetStartTrede(st);
        }

        var begrippen = Begrippen.Standaard;
        if (OptInt(c, "reclametermijnWeeks") is { } w)
        {
            begrippen = begrippen with { Reclametermijn = Duur.Weken(w) };
        }

        if (c.TryGetProperty("begrippen", out var bg))
        {
            if (OptInt(bg, "duurzaamheidstermijnMonths") is { } dm)
            {
                begrippen = begrippen with { Duurzaamheidstermijn = Duur.Maanden(dm) };
            }

            if (OptDecimal(bg, "minHoursPerWeek") is { } mh)
            {
                begrippen = begrippen with { MinimumUrenPerWeek = mh };
            }
        }

        var events = c.GetProperty("events").EnumerateArray().Select(Event).ToList();
        return new SettlementCase(
            file,
            c.GetProperty("name").GetString()!,
            c.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty,
            traject,
            events,
            Date(c.GetProperty("peildatum")),
            begrippen,
            c.GetProperty("expected"),
            c.GetRawText());
    }

    public static LocalDate Date(JsonElement e) => LocalDatePattern.Iso.Parse(e.GetString()!).Value;

    private static decimal? OptDecimal(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static int? OptInt(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static string? OptString(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Bedrag Money(JsonElement e, string name) => Bedrag.Van(e.GetProperty(name).GetDecimal());

    private static Uitstroomtype Type(string s) => Enum.Parse<Uitstroomtype>(s, ignoreCase: true);

    private static Duur DuurOf(JsonElement e, string monthsName = "months")
    {
        if (OptInt(e, monthsName) is { } mo)
        {
            return Duur.Maanden(mo);
        }

        if (OptInt(e, "days") is { } d)
        {
            return Duur.Dagen(d);
        }

        if (OptInt(e, "weeks") is { } w)
        {
            return Duur.Weken(w);
        }

        throw new FormatException("no duration in " + e.GetRawText());
    }

    private static Resultaatdefinitie Definition(JsonElement d)
    {
        var dur = d.TryGetProperty("durability", out var du) ? du : default;
        Duurzaamheid durability = dur.ValueKind != JsonValueKind.Object
            ? Duurzaamheid.Aaneengesloten(Duur.Maanden(6))
            : dur.GetProperty("kind").GetString() switch
            {
                "aaneengesloten" => Duurzaamheid.Aaneengesloten(DuurOf(dur)),
                "cumulatief" => Duurzaamheid.Cumulatief(dur.GetProperty("weeks").GetInt32(), dur.GetProperty("ofWeeks").GetInt32()),
                "geen" => Duurzaamheid.Geen,
                "volgensBegrippen" => Duurzaamheid.VolgensBegrippen,
                var k => throw new FormatException("durability " + k),
            };
        return new Resultaatdefinitie(
            d.GetProperty("types").EnumerateArray().Select(x => Type(x.GetString()!)).ToValueList(),
            d.TryGetProperty("minHoursPerWeek", out var mhw) && mhw.ValueKind == JsonValueKind.Null ? null : OptDecimal(d, "minHoursPerWeek") ?? 0m,
            OptInt(d, "minContractMonths"),
            OptInt(d, "waitingMonths") is { } wm ? Duur.Maanden(wm) : null,
            durability,
            OptInt(d, "maxGap") ?? 0);
    }

    private static Betaalregel Rule(JsonElement r)
    {
        var code = r.GetProperty("code").GetString()!;
        switch (r.GetProperty("kind").GetString())
        {
            case "eenmalig":
                var trigger = Enum.Parse<Aanleiding>(r.GetProperty("trigger").GetString()!, ignoreCase: true);
                return new Eenmalig(code, trigger, Money(r, "amount"), trigger == Aanleiding.Mijlpaal ? r.GetProperty("mijlpaal").GetString() : null)
                {
                    ProRataBijUitval = r.TryGetProperty("proRataOnUitval", out var pro) && pro.ValueKind == JsonValueKind.True,
                };
            case "prijsdelen":
                return new Prijsdelen(code, Money(r, "price"), r.GetProperty("parts").EnumerateArray().Select(d =>
                {
                    var a = Enum.Parse<Aanleiding>(d.GetProperty("trigger").GetString()!, ignoreCase: true);
                    return new Prijsdeel(d.GetProperty("percentage").GetDecimal(), a, a == Aanleiding.Mijlpaal ? d.GetProperty("mijlpaal").GetString() : null);
                }).ToValueList());
            case "perUur":
                return new PerEenheid(code, Money(r, "tariff"), OptDecimal(r, "maxHours"));
            case "perModule":
                return new PerModule(
                    code,
                    r.GetProperty("prices").EnumerateObject().Select(p => new ModulePrijs(p.Name, Bedrag.Van(p.Value.GetDecimal()))).ToValueList(),
                    OptInt(r, "maxUnits"));
            case "perMaand":
                return new PerPeriode(code, Money(r, "tariff"));
            case "termijnen":
                var interval = OptInt(r, "intervalMonths") is { } im ? Duur.Maanden(im) : Duur.Dagen(r.GetProperty("intervalDays").GetInt32());
                return new Termijnen(code, Money(r, "price"), r.GetProperty("count").GetInt32(), interval, r.TryGetProperty("proRataOnUitval", out var pr) && pr.ValueKind == JsonValueKind.True);
            case "bijResultaat":
                return new BijResultaat(
                    code,
                    Definition(r.GetProperty("definition")),
                    r.GetProperty("tiers").EnumerateArray().Select(k => new Bonusklasse(
                        Type(k.GetProperty("type").GetString()!),
                        OptDecimal(k, "minHours") ?? 0m,
                        OptDecimal(k, "maxHours"),
                        Money(k, "amount"))).ToValueList());
            case "trap":
                return new Trap(
                    code,
                    Definition(r.GetProperty("definition")),
                    r.GetProperty("steps").EnumerateArray().Select(s => new Trapstap(DuurOf(s), Money(s, "amount"))).ToValueList());
            case "perTrede":
                return new PerTrede(code, Money(r, "amount"));
            case "verlengingstarief":
                return new Verlengingstarief(code, Money(r, "amount"));
            default:
                throw new FormatException("rule kind " + r.GetProperty("kind").GetString());
        }
    }

    private static Gebeurtenis Event(JsonElement e)
    {
        var id = e.GetProperty("id").GetString()!;
        var date = Date(e.GetProperty("date"));
        Gebeurtenis g = e.GetProperty("kind").GetString() switch
        {
            "aanmelding" => new Aanmelding(id, date),
            "reclame" => new Reclame(id, date),
            "start" => new Start(id, date),
            "mijlpaal" => new Mijlpaal(id, date, e.GetProperty("mijlpaal").GetString()!),
            "uren" => new Uren(id, date, e.GetProperty("hours").GetDecimal()),
            "module" => new Module(id, date, e.GetProperty("module").GetString()!),
            "trede" => new Trede(id, date, e.GetProperty("rung").GetInt32()),
            "plaatsing" => new Plaatsing(id, date, Type(e.GetProperty("type").GetString()!), e.GetProperty("hoursPerWeek").GetDecimal(), OptInt(e, "contractMonths"), OptString(e, "plaatsingId")),
            "plaatsingEinde" => new PlaatsingEinde(id, date, e.GetProperty("plaatsingId").GetString()!),
            "verlenging" => new Verlenging(id, date, DuurOf(e)),
            "uitval" => new Uitval(id, date, OptString(e, "reason") ?? string.Empty),
            "afronding" => new Afronding(id, date),
            "intrekking" => new Intrekking(id, date, e.GetProperty("target").GetString()!),
            var k => throw new FormatException("event kind " + k),
        };
        if (e.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number)
        {
            g = g with { Volgnummer = seq.GetInt64() };
        }

        if (e.TryGetProperty("gemeld", out var gm) && gm.ValueKind == JsonValueKind.String)
        {
            g = g with { Gemeld = Date(gm) };
        }

        return g;
    }

    public static string Describe(Afrekening a)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"status {a.Status}; due {a.TotaalVerschuldigd.ToInvariantString()}, pending {a.TotaalVerwacht.ToInvariantString()}");
        foreach (var l in a.Verschuldigd)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  due     {l.Sleutel,-24} {l.Vervaldatum:yyyy-MM-dd} {l.Bedrag.ToInvariantString(),10}  [{string.Join(",", l.Bronnen)}] {l.Omschrijving}");
        }

        foreach (var l in a.Verwacht)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  pending {l.Sleutel,-24} {l.Vervaldatum:yyyy-MM-dd} {l.Bedrag.ToInvariantString(),10}  {l.Voorwaarde}");
        }

        foreach (var n in a.NietBetaalbaarItems)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  not payable {n.GebeurtenisId} {n.Reden} {n.Toelichting}");
        }

        return sb.ToString();
    }
}
