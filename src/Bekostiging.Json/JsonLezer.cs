using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Invoicing;
using Bekostiging.Scenarios;

namespace Bekostiging.Json;

/// <summary>Limits on input, so a malformed or hostile file fails fast with a clear message.</summary>
/// <param name="MaximaleBestandsgrootte">The largest file in bytes (default 512 MiB).</param>
/// <param name="MaximaalAantalTrajecten">The most trajecten in one document or stream (default 2,000,000).</param>
/// <param name="MaximaalAantalGebeurtenissen">The most events in one traject (default 100,000).</param>
public sealed record Invoerlimieten(long MaximaleBestandsgrootte = 512L * 1024 * 1024, int MaximaalAantalTrajecten = 2_000_000, int MaximaalAantalGebeurtenissen = 100_000)
{
    /// <summary>The defaults.</summary>
    public static Invoerlimieten Standaard { get; } = new();
}

/// <summary>
/// Reads the input documents strictly. Every failure is a <see cref="JsonInvoerException"/> naming the file, the JSON path
/// or line, the traject and event where known, and the rule; nothing is skipped silently.
/// </summary>
public static partial class JsonLezer
{
    private static readonly Regex LineInfo = new(@"\s*(Path:|LineNumber:|BytePositionInLine:).*$", RegexOptions.Compiled | RegexOptions.Singleline);

    /// <summary>Reads a contract document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <returns>The contract.</returns>
    public static Raamovereenkomst Contract(string json, string bestand = "contract.json")
        => MetSchema("contract", () => ContractLezen(json, bestand));

    private static Raamovereenkomst ContractLezen(string json, string bestand)
    {
        ContractRegels(json, bestand);
        var c = Document<Raamovereenkomst>(json, bestand);
        if (c.UitgeoefendeOpties < 0 || c.UitgeoefendeOpties > c.Verlengingsopties.Count)
        {
            throw new JsonInvoerException(bestand, "$.uitgeoefendeOpties", null, $"{c.UitgeoefendeOpties} exercised options, but the contract has {c.Verlengingsopties.Count}.");
        }

        try
        {
            _ = c.Einddatum;
            _ = c.Contractjaar(c.Einddatum);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or BekostigingException)
        {
            throw new JsonInvoerException(bestand, "$.ingangsdatum", null, "the contract's term runs beyond the calendar (year 9999).");
        }

        return c;
    }

    /// <summary>
    /// The contract's own rules that the library's constructors also enforce, checked first on the document so that an
    /// error names the JSON path and line of the value (a constructor knows neither): the id alphabet, the indexation
    /// range, a plafond and an instroomgarantie that are not negative, one agreement per product and profiel, and the
    /// hours of a bonus tier. A document that is not JSON, or not an object, is left to the strict reader.
    /// </summary>
    private static void ContractRegels(string json, string bestand)
    {
        CheckSize(json, bestand, Invoerlimieten.Standaard);
        JsonDocument doc;
        try
        {
#if NET8_0
            JsonFormaatNet8.WeigerDubbeleVelden(json);
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
#else
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
#endif
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            void Fout(string pad, string regel) => throw new JsonInvoerException(bestand, pad, RegelVanPad(json, pad), regel);

            if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Kenmerk.FoutInBestandsnaam(id.GetString()) is { } idFout)
            {
                Fout("$.id", $"contract id '{Kenmerk.Zichtbaar(id.GetString())}': {idFout}");
            }

            if (root.TryGetProperty("indexatie", out var ix) && ix.ValueKind == JsonValueKind.Object
                && ix.TryGetProperty("percentages", out var ps) && ps.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var p in ps.EnumerateArray())
                {
                    if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("percentage", out var pct) && pct.ValueKind == JsonValueKind.Number
                        && pct.TryGetDecimal(out var d) && Indexatiepercentage.Fout(d) is { } f)
                    {
                        Fout($"$.indexatie.percentages[{i}].percentage", f);
                    }

                    i++;
                }
            }

            if (root.TryGetProperty("plafond", out var plafond) && plafond.ValueKind == JsonValueKind.Number && plafond.TryGetDecimal(out var pl) && pl < 0m)
            {
                Fout("$.plafond", FormattableString.Invariant($"a plafond is not negative ({pl}); leave it out for no plafond."));
            }

            if (root.TryGetProperty("instroomgarantie", out var ig) && ig.ValueKind == JsonValueKind.Object)
            {
                if (ig.TryGetProperty("aanmeldingenPerContractjaar", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var ad) && ad < 0m)
                {
                    Fout("$.instroomgarantie.aanmeldingenPerContractjaar", FormattableString.Invariant($"the guaranteed number of aanmeldingen is not negative ({ad})."));
                }

                if (ig.TryGetProperty("vergoedingPerOntbrekende", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var vd) && vd < 0m)
                {
                    Fout("$.instroomgarantie.vergoedingPerOntbrekende", FormattableString.Invariant($"the compensation per missing aanmelding is not negative ({vd})."));
                }
            }

            if (root.TryGetProperty("producten", out var producten) && producten.ValueKind == JsonValueKind.Array)
            {
                var gezien = new Dictionary<(string, string), int>();
                var i = 0;
                foreach (var p in producten.EnumerateArray())
                {
                    if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("product", out var prod) && prod.ValueKind == JsonValueKind.String)
                    {
                        var profiel = p.TryGetProperty("profiel", out var pr) && pr.ValueKind != JsonValueKind.Null ? pr.GetRawText() : "null";
                        var key = (prod.GetString()!, profiel);
                        if (gezien.TryGetValue(key, out var eerder))
                        {
                            Fout($"$.producten[{i}]", $"product '{key.Item1}' with {(profiel == "null" ? "every profiel" : "profiel " + profiel)} is agreed twice (also at $.producten[{eerder}]); one agreement per product and profiel, or the first would silently win.");
                        }

                        gezien[key] = i;
                    }

                    i++;
                }
            }

            UrenVanKlassen(root, "$", Fout);
        }
    }

    /// <summary>Every bonus tier (an object with minimumUren) in the document: hours per week 0–168, the maximum above the minimum.</summary>
    private static void UrenVanKlassen(JsonElement e, string pad, Action<string, string> fout)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var x in e.EnumerateArray())
            {
                UrenVanKlassen(x, $"{pad}[{i++}]", fout);
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            decimal? min = null;
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "minimumUren" or "maximumUren" && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDecimal(out var u))
                {
                    if (u is < 0m or > 168m)
                    {
                        fout($"{pad}.{p.Name}", FormattableString.Invariant($"hours per week of a bonus tier lie between 0 and 168, not {u}."));
                    }

                    if (p.Name == "minimumUren")
                    {
                        min = u;
                    }
                }
                else
                {
                    UrenVanKlassen(p.Value, $"{pad}.{p.Name}", fout);
                }
            }

            if (min is { } mn && e.TryGetProperty("maximumUren", out var mx) && mx.ValueKind == JsonValueKind.Number && mx.TryGetDecimal(out var m) && m <= mn)
            {
                fout($"{pad}.maximumUren", FormattableString.Invariant($"the maximum hours of a bonus tier ({m}) lie above its minimum ({mn})."));
            }
        }
    }

    /// <summary>The 1-based line of the value at <paramref name="pad"/> (a path as the reader writes it, e.g. <c>$.a.b[2].c</c>), or null.</summary>
    private static long? RegelVanPad(string json, string pad)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        var stack = new List<(bool Array, int Index, string? Naam)>();
        string Huidig()
        {
            var sb = new StringBuilder("$");
            foreach (var s in stack)
            {
                if (s.Array)
                {
                    sb.Append('[').Append(s.Index).Append(']');
                }
                else if (s.Naam is not null)
                {
                    sb.Append('.').Append(s.Naam);
                }
            }

            return sb.ToString();
        }

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (stack.Count > 0)
                        {
                            stack[stack.Count - 1] = (false, 0, reader.GetString());
                        }

                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        Volgende();
                        continue;
                }

                if (Huidig() == pad)
                {
                    return RegelVan(bytes, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Add((reader.TokenType == JsonTokenType.StartArray, 0, null));
                }
                else
                {
                    Volgende();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;

        void Volgende()
        {
            if (stack.Count > 0 && stack[stack.Count - 1].Array)
            {
                var top = stack[stack.Count - 1];
                stack[stack.Count - 1] = (true, top.Index + 1, null);
            }
        }
    }

    /// <summary>Reads an earlier-invoices document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <returns>The invoices.</returns>
    public static IReadOnlyList<Factuur> Facturen(string json, string bestand = "facturen.json")
        => MetSchema("facturen", () => Document<FacturenDocument>(json, bestand).Facturen);

    /// <summary>Reads a scenario document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <returns>The scenario.</returns>
    public static Scenario Scenario(string json, string bestand = "scenario.json")
        => MetSchema("scenario", () => ScenarioLezen(json, bestand));

    private static Scenario ScenarioLezen(string json, string bestand)
    {
        var s = Document<Scenario>(json, bestand);
        try
        {
            s.Valideer();
        }
        catch (BekostigingException e)
        {
            throw new JsonInvoerException(bestand, "$", null, e.Regel, code: e.Code, inner: e);
        }

        return s;
    }

    /// <summary>Reads a trajecten document (<c>{ "contract": …, "trajecten": [ … ] }</c>), traject by traject so errors carry their path.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <param name="limieten">Input limits.</param>
    /// <returns>The document.</returns>
    public static TrajectenDocument Trajecten(string json, string bestand = "trajecten.json", Invoerlimieten? limieten = null)
        => MetSchema("trajecten", () => TrajectenLezen(json, bestand, limieten));

    private static TrajectenDocument TrajectenLezen(string json, string bestand, Invoerlimieten? limieten)
    {
        try
        {
            return TrajectenDocumentLezen(json, bestand, limieten);
        }
        catch (InvalidOperationException e)
        {
            throw new JsonInvoerException(bestand, null, null, "the text is not valid JSON: " + Clean(e.Message), inner: e);
        }
    }

    private static TrajectenDocument TrajectenDocumentLezen(string json, string bestand, Invoerlimieten? limieten)
    {
        var l = limieten ?? Invoerlimieten.Standaard;
        CheckSize(json, bestand, l);
        using var doc = Parse(json, bestand);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonInvoerException(bestand, "$", null, "a trajecten document is an object { \"contract\": id, \"trajecten\": [ … ] }.");
        }

        string? contract = null;
        JsonElement? trajecten = null;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "contract" when p.Value.ValueKind == JsonValueKind.String:
                    contract = p.Value.GetString();
                    break;
                case "trajecten" when p.Value.ValueKind == JsonValueKind.Array:
                    trajecten = p.Value;
                    break;
                case "contract" or "trajecten":
                    throw new JsonInvoerException(bestand, "$." + p.Name, null, p.Name == "contract" ? "the contract id is a string." : "trajecten is an array.");
                default:
                    throw new JsonInvoerException(bestand, "$." + p.Name, null, $"unknown field '{p.Name}'; a trajecten document has 'contract' and 'trajecten'.");
            }
        }

        if (contract is null || trajecten is null)
        {
            throw new JsonInvoerException(bestand, "$", null, "a trajecten document needs 'contract' (the contract id) and 'trajecten'.");
        }

        var count = trajecten.Value.GetArrayLength();
        if (count > l.MaximaalAantalTrajecten)
        {
            throw new JsonInvoerException(bestand, "$.trajecten", null, $"{count} trajecten exceed the limit of {l.MaximaalAantalTrajecten}.");
        }

        var list = new List<TrajectInvoer>(count);
        var snel = new SnelleTrajectLezer();
        var i = 0;
        foreach (var t in trajecten.Value.EnumerateArray())
        {
            try
            {
                list.Add(Traject(t.GetRawText(), bestand, $"$.trajecten[{i}]", null, l, snel));
            }
            catch (JsonInvoerException e) when (e.Regelnummer is { } r)
            {
                // The traject was read on its own, so its lines count from its first line; place them in the file.
                throw e.MetRegelnummer(EersteRegel(json, "trajecten", i) + r - 1);
            }

            i++;
        }

        CheckUniqueIds(list, bestand, i => $"$.trajecten[{i}]", _ => null);
        return new TrajectenDocument(contract, list.ToValueList());
    }

    /// <summary>Reads a JSON Lines stream: one traject per line (blank lines are skipped).</summary>
    /// <param name="reader">The stream.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <param name="limieten">Input limits.</param>
    /// <returns>The trajecten, lazily, in file order.</returns>
    public static IEnumerable<TrajectInvoer> TrajectenJsonLines(TextReader reader, string bestand = "trajecten.jsonl", Invoerlimieten? limieten = null)
        => MetSchema("traject", TrajectenJsonLinesLezen(reader, bestand, limieten));

    private static IEnumerable<TrajectInvoer> TrajectenJsonLinesLezen(TextReader reader, string bestand, Invoerlimieten? limieten)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var l = limieten ?? Invoerlimieten.Standaard;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var snel = new SnelleTrajectLezer();
        long line = 0;
        var count = 0;
        long bytes = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            bytes += text.Length + 1;
            if (bytes > l.MaximaleBestandsgrootte)
            {
                throw new JsonInvoerException(bestand, null, line, $"the stream exceeds the limit of {l.MaximaleBestandsgrootte} bytes.");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (++count > l.MaximaalAantalTrajecten)
            {
                throw new JsonInvoerException(bestand, null, line, $"more than {l.MaximaalAantalTrajecten} trajecten.");
            }

            var t = Traject(text, bestand, "$", line, l, snel);
            if (seen.TryGetValue(t.Id, out var eerder))
            {
                throw new JsonInvoerException(bestand, "$.id", line, Dubbel(t.Id, eerder) + ".", t.Id);
            }

            seen[t.Id] = t.Id;

            yield return t;
        }
    }

    /// <summary>Turns input trajecten into trajecten of the contract (model and doorlooptijd from its product and profiel).</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="trajecten">The input trajecten.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <returns>The trajecten with their events.</returns>
    public static IEnumerable<TrajectMetGebeurtenissen> VoorContract(Raamovereenkomst contract, IEnumerable<TrajectInvoer> trajecten, string bestand = "trajecten.json")
    {
        if (contract is null || trajecten is null)
        {
            throw new ArgumentNullException(contract is null ? nameof(contract) : nameof(trajecten));
        }

        var i = 0;
        foreach (var t in trajecten)
        {
            Terms.Traject traject;
            try
            {
                // As contract.NieuwTraject, with the contact person set at once.
                var afspraak = contract.AfspraakVoor(t.Product, t.Profiel);
                traject = new Terms.Traject(t.Id, t.Client, t.Profiel, t.Product, afspraak.Model, afspraak.MaximaleDoorlooptijd) { ContactpersoonGemeente = t.Contactpersoon };
                if (t.StartTrede is { } st)
                {
                    traject = traject.MetStartTrede(st);
                }
            }
            catch (BekostigingException e)
            {
                throw new JsonInvoerException(bestand, $"$.trajecten[{i}]", null, e.Regel, t.Id, code: e.Code, inner: e);
            }

            yield return new TrajectMetGebeurtenissen(traject, t.Gebeurtenissen);
            i++;
        }
    }

    /// <summary>Reads one document of type <typeparamref name="T"/> with the strict input options.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="json">The text.</param>
    /// <param name="bestand">The file name for messages.</param>
    /// <returns>The document.</returns>
    public static T Document<T>(string json, string bestand)
    {
        var schema = SchemaVoor(typeof(T));
        return schema is null ? DocumentLezen<T>(json, bestand) : MetSchema(schema, () => DocumentLezen<T>(json, bestand));
    }

    private static T DocumentLezen<T>(string json, string bestand)
    {
        CheckSize(json, bestand, Invoerlimieten.Standaard);
        return Deserialize<T>(json, bestand, "$", null, null);
    }

    /// <summary>The schema that describes a document of this type as a whole, if there is one.</summary>
    private static string? SchemaVoor(Type type)
        => type == typeof(Raamovereenkomst) ? "contract"
            : type == typeof(FacturenDocument) ? "facturen"
            : type == typeof(Scenario) ? "scenario"
            : type == typeof(TrajectInvoer) ? "traject"
            : null;

    /// <summary>Runs a reader; a <see cref="JsonInvoerException"/> it throws is labelled with the document's schema.</summary>
    private static T MetSchema<T>(string schema, Func<T> lees)
    {
        try
        {
            return lees();
        }
        catch (JsonInvoerException e) when (e.Schema is null && !e.Syntaxfout)
        {
            e.Schema = schema;
            throw;
        }
    }

    /// <summary>The lazy variant for a stream: errors raised while moving to the next item are labelled too.</summary>
    private static IEnumerable<T> MetSchema<T>(string schema, IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            var more = MetSchema(schema, e.MoveNext);
            if (!more)
            {
                yield break;
            }

            yield return e.Current;
        }
    }

    private static TrajectInvoer Traject(string json, string bestand, string pad, long? line, Invoerlimieten l, SnelleTrajectLezer snel)
    {
        try
        {
            var t = TrajectLezen(json, bestand, pad, line, l, snel);
            CheckIds(t, json, bestand, pad, line);
            return t;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonInvoerException(bestand, pad, line, "the text is not valid JSON: " + Clean(e.Message), inner: e) { Syntaxfout = true };
        }
    }

    private static TrajectInvoer TrajectLezen(string json, string bestand, string pad, long? line, Invoerlimieten l, SnelleTrajectLezer snel)
    {
        // The usual case, a valid traject, is read in one pass with the same strict options. Only when that fails is it
        // read again piece by piece: the traject's own fields, then each event on its own, so that the error carries its
        // path, traject and event.
        if (InEen(json, l, snel) is { } gelezen)
        {
            return gelezen;
        }

        using var doc = Parse(json, bestand, line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonInvoerException(bestand, pad, line, "a traject is an object.");
        }

        var id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
        if (!root.TryGetProperty("gebeurtenissen", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new JsonInvoerException(bestand, pad + ".gebeurtenissen", line, "a traject has an array 'gebeurtenissen'.", id);
        }

        if (events.GetArrayLength() > l.MaximaalAantalGebeurtenissen)
        {
            throw new JsonInvoerException(bestand, pad + ".gebeurtenissen", line, $"{events.GetArrayLength()} events exceed the limit of {l.MaximaalAantalGebeurtenissen} per traject.", id);
        }

        var list = new List<Gebeurtenis>(events.GetArrayLength());
        var j = 0;
        foreach (var e in events.EnumerateArray())
        {
            var eventId = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var eid) && eid.ValueKind == JsonValueKind.String ? eid.GetString() : null;
            try
            {
                list.Add(Deserialize<Gebeurtenis>(e.GetRawText(), bestand, $"{pad}.gebeurtenissen[{j}]", line, id, eventId));
            }
            catch (JsonInvoerException x) when (line is null && x.Regelnummer is { } r)
            {
                throw x.MetRegelnummer(EersteRegel(json, "gebeurtenissen", j) + r - 1);
            }

            j++;
        }

        TrajectInvoer t;
        try
        {
            t = Deserialize<TrajectInvoer>(Shell(root, null), bestand, pad, line, id);
        }
        catch (JsonInvoerException) when (line is null)
        {
            // Only on an error: build the shell again with every field on the line it has in the traject's text,
            // so that the error (the same one) carries a line that can be placed in the file.
            t = Deserialize<TrajectInvoer>(Shell(root, VeldRegels(json)), bestand, pad, line, id);
        }

        return t with { Gebeurtenissen = list.ToValueList() };
    }

    /// <summary>A traject and client id must be clean (<see cref="Kenmerk.FoutInId"/>): ids that look alike are the same id.</summary>
    private static void CheckIds(TrajectInvoer t, string json, string bestand, string pad, long? line)
    {
        foreach (var (veld, waarde) in new[] { ("id", t.Id), ("client", t.Client) })
        {
            if (Kenmerk.FoutInId(waarde) is { } fout)
            {
                var regel = line ?? (VeldRegels(json).TryGetValue(veld, out var r) ? r.Waarde : null);
                throw new JsonInvoerException(bestand, pad + "." + veld, regel, $"{(veld == "id" ? "traject id" : "client id")} '{Kenmerk.Zichtbaar(waarde)}': {fout}", veld == "id" ? null : t.Id, code: FoutCode.OngeldigeParameter);
            }
        }
    }

    /// <summary>The traject read in one pass, or null when anything is wrong with it (the careful reading then says what).</summary>
    private static TrajectInvoer? InEen(string json, Invoerlimieten l, SnelleTrajectLezer snel)
    {
        try
        {
#if NET8_0
            JsonFormaatNet8.WeigerDubbeleVelden(json);
#endif
            var t = snel.Lees(json) ?? JsonSerializer.Deserialize<TrajectInvoer>(json, JsonFormaat.Invoer);
            return t is not null && t.Gebeurtenissen.Count <= l.MaximaalAantalGebeurtenissen ? t : null;
        }
        catch (Exception e) when (e is JsonException or BekostigingException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The traject's own fields with an empty event list; with <paramref name="regels"/>, each name and value on its own line.</summary>
    private static string Shell(JsonElement root, Dictionary<string, (long Naam, long Waarde)>? regels)
    {
        var shell = new StringBuilder("{");
        long regel = 1;
        void NaarRegel(long doel)
        {
            for (; regel < doel; regel++)
            {
                shell.Append('\n');
            }
        }

        var first = true;
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name == "gebeurtenissen")
            {
                continue;
            }

            shell.Append(first ? string.Empty : ",");
            first = false;
            if (regels is not null && regels.TryGetValue(p.Name, out var r))
            {
                NaarRegel(r.Naam);
                shell.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                NaarRegel(r.Waarde);
                var raw = p.Value.GetRawText();
                shell.Append(raw);
                regel += raw.Count(ch => ch == '\n');
            }
            else
            {
                shell.Append(JsonSerializer.Serialize(p.Name)).Append(':').Append(p.Value.GetRawText());
            }
        }

        shell.Append(first ? string.Empty : ",").Append("\"gebeurtenissen\":[]}");
        return shell.ToString();
    }

    /// <summary>The 1-based line in <paramref name="json"/> (an object) where element <paramref name="index"/> of its array <paramref name="array"/> starts.</summary>
    private static long EersteRegel(string json, string array, int index)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var naam = reader.GetString();
                reader.Read();
                if (naam == array && reader.TokenType == JsonTokenType.StartArray)
                {
                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (i == index)
                        {
                            return RegelVan(bytes, reader.TokenStartIndex);
                        }

                        reader.Skip();
                    }
                }

                reader.Skip();
            }
        }

        return 1;
    }

    /// <summary>For each field of the object <paramref name="json"/>: the 1-based lines of its name and of its value.</summary>
    private static Dictionary<string, (long Naam, long Waarde)> VeldRegels(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var regels = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var naam = reader.GetString()!;
                var naamRegel = RegelVan(bytes, reader.TokenStartIndex);
                reader.Read();
                regels[naam] = (naamRegel, RegelVan(bytes, reader.TokenStartIndex));
                reader.Skip();
            }
        }

        return regels;
    }

    private static long RegelVan(byte[] utf8, long index)
    {
        long regel = 1;
        for (long i = 0; i < index && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                regel++;
            }
        }

        return regel;
    }

    private static T Deserialize<T>(string json, string bestand, string pad, long? line, string? trajectId, string? eventId = null)
    {
        try
        {
#if NET8_0
            JsonFormaatNet8.WeigerDubbeleVelden(json);
#endif
            var value = JsonSerializer.Deserialize<T>(json, JsonFormaat.Invoer);
            return value ?? throw new JsonInvoerException(bestand, pad, line, "the document is null.", trajectId, eventId);
        }
        catch (JsonException e)
        {
            var (rel, message) = JsonPaden.Split(e.Message);
            var inner = (e.Path is null or "$" ? pad : pad + e.Path.Substring(1)) + rel;
            throw new JsonInvoerException(bestand, inner, line ?? (e.LineNumber + 1), Clean(message), trajectId, eventId, inner: e) { Syntaxfout = IsSyntaxfout(e) };
        }
        catch (BekostigingException e)
        {
            throw new JsonInvoerException(bestand, pad, line, e.Regel, trajectId ?? e.TrajectId, eventId ?? e.GebeurtenisId, e.Code, e);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new JsonInvoerException(bestand, pad, line, Clean(e.Message), trajectId, eventId, inner: e);
        }
    }

    /// <summary>Whether the reader (not a converter or a rule) refused the text: the tokenizer's own exception is inside.</summary>
    private static bool IsSyntaxfout(Exception e)
    {
        for (var x = e.InnerException; x is not null; x = x.InnerException)
        {
            if (x.GetType().Name == "JsonReaderException")
            {
                return true;
            }
        }

        return false;
    }

    private static JsonDocument Parse(string json, string bestand, long? line = null)
    {
        try
        {
#if NET8_0
            JsonFormaatNet8.WeigerDubbeleVelden(json);
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
#else
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
#endif
        }
        catch (JsonException e)
        {
            throw new JsonInvoerException(bestand, e.Path, line ?? (e.LineNumber + 1), Clean(e.Message), inner: e) { Syntaxfout = true };
        }
        catch (ArgumentException e)
        {
            throw new JsonInvoerException(bestand, null, line, "the text is not valid UTF-16/JSON: " + Clean(e.Message), inner: e);
        }
    }

    private static void CheckSize(string json, string bestand, Invoerlimieten l)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (json.Length > l.MaximaleBestandsgrootte)
        {
            throw new JsonInvoerException(bestand, null, null, $"the file is larger than the limit of {l.MaximaleBestandsgrootte} bytes.");
        }
    }

    private static void CheckUniqueIds(List<TrajectInvoer> list, string bestand, Func<int, string> path, Func<int, long?> line)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            if (seen.TryGetValue(list[i].Id, out var earlier))
            {
                throw new JsonInvoerException(bestand, path(i) + ".id", line(i), $"{Dubbel(list[i].Id, list[earlier].Id)} (also at {path(earlier)}).", list[i].Id);
            }

            seen[list[i].Id] = i;
        }
    }

    /// <summary>Two traject ids that are equal, or differ only in case (an export quirk must not bill one client twice).</summary>
    private static string Dubbel(string id, string eerder) => id == eerder
        ? $"traject id {id} occurs twice"
        : $"traject ids {eerder} and {id} differ only in case: one traject given twice";

    private static string Clean(string message)
    {
        var m = LineInfo.Replace(message, string.Empty).Trim();
        return m.Length == 0 ? "malformed JSON." : m;
    }
}
