using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bekostiging.Json;

/// <summary>
/// What the JSON Schema of an input document says about one place in it, found by
/// <see cref="JsonSchemaUitleg.Zoek(string, string, JsonElement?)"/>: the description, what value is expected and, for a
/// field the schema does not have, the fields it does have.
/// </summary>
/// <param name="Schema">The schema name (<c>contract</c>, <c>trajecten</c>, <c>traject</c>, <c>facturen</c>, <c>scenario</c>).</param>
/// <param name="Pad">The JSON path in the document that was looked up, e.g. <c>$.producten[0].model.regels[1].bedrag</c>.</param>
/// <param name="Schemapad">
/// Where the answer is in the schemas: a JSON Pointer fragment in the document's own schema file, e.g.
/// <c>#/properties/plafond</c>, or, when the answer lies in a file the schema refers to, that file's name before the
/// fragment, e.g. <c>common.schema.json#/$defs/duur/properties/eenheid</c>.
/// </param>
/// <param name="Titel">The title of the schema node (or of the definition it refers to), if it has one.</param>
/// <param name="Omschrijving">The description: of the node, followed by that of the definition it refers to; null if the schema gives none.</param>
/// <param name="Verwacht">What a value there must be, in short phrases: the type, the allowed values, the pattern, the bounds, the required fields.</param>
/// <param name="OnbekendVeld">For a field the schema does not allow at that place, its name; null otherwise.</param>
/// <param name="ToegestaneVelden">With <paramref name="OnbekendVeld"/>: the fields the object may have; empty otherwise.</param>
/// <param name="Suggestie">With <paramref name="OnbekendVeld"/>: the allowed field whose name is closest (a typing error), if one is close.</param>
public sealed record SchemaUitleg(
    string Schema,
    string Pad,
    string Schemapad,
    string? Titel,
    string? Omschrijving,
    ValueList<string> Verwacht,
    string? OnbekendVeld,
    ValueList<string> ToegestaneVelden,
    string? Suggestie)
{
    /// <summary>
    /// The explanation as a person reads it, on a few lines: <c>Schema: …</c> with the description (or the unknown field),
    /// then indented <c>expected: …</c>, <c>allowed fields: …</c> and the place in the schema file.
    /// </summary>
    /// <returns>The text, lines separated by <c>\n</c>, without a line break at the end.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder("Schema: ");
        if (OnbekendVeld is not null)
        {
            sb.Append('\'').Append(OnbekendVeld).Append("' is not a field of ").Append(Titel ?? "this object");
            if (Suggestie is not null)
            {
                sb.Append("; did you mean '").Append(Suggestie).Append("'?");
            }
            else
            {
                sb.Append('.');
            }
        }
        else
        {
            sb.Append(Omschrijving ?? Titel ?? "(no description)");
        }

        if (Verwacht.Count > 0)
        {
            sb.Append("\n  expected: ").Append(string.Join("; ", Verwacht));
        }

        if (ToegestaneVelden.Count > 0)
        {
            sb.Append("\n  allowed fields: ").Append(string.Join(", ", ToegestaneVelden));
        }

        sb.Append("\n  (").Append(Schemapad.StartsWith("#", StringComparison.Ordinal) ? Schema + ".schema.json" + Schemapad : Schemapad).Append(')');
        return sb.ToString();
    }
}

/// <summary>
/// Explains an error in an input document from its JSON Schema (the schemas shipped in this package, see
/// <see cref="JsonSchrijver.Schema"/>): walks the schema along the error's JSON path — through <c>properties</c>,
/// <c>items</c>, <c>$ref</c> to <c>$defs</c> (in the same file or, by a relative reference such as
/// <c>common.schema.json#/$defs/datum</c>, in another shipped schema), <c>anyOf</c> and <c>oneOf</c> (choosing the branch by the <c>soort</c> in the
/// document, when the document is given) — and reports what the schema says at the end of the path. Reads the schema
/// with System.Text.Json.Nodes only; a path the schema does not describe gives null, never an exception.
/// </summary>
public static class JsonSchemaUitleg
{
    private const int MaximaleDiepte = 64;

    /// <summary>The names of the schemas that can be searched: those of the input documents.</summary>
    public static ValueList<string> Schemas { get; } = ValueList.Of("contract", "trajecten", "traject", "facturen", "scenario");

    /// <summary>Looks up what the schema says about the place of an error.</summary>
    /// <param name="fout">The error; its <see cref="JsonInvoerException.Schema"/> and <see cref="JsonInvoerException.Pad"/> say where to look.</param>
    /// <param name="tekst">
    /// The text of the file the error is in, optional. When given, the kind (<c>soort</c>) of each rule and event on the
    /// path is read from it, so the answer is that of the right kind. For JSON Lines (schema <c>traject</c>) give the
    /// whole file, of which line <see cref="JsonInvoerException.Regelnummer"/> is taken, or just that line. Text that is
    /// not valid JSON is ignored.
    /// </param>
    /// <returns>The explanation, or null when the error has no schema or path, or the schema does not describe the path.</returns>
    public static SchemaUitleg? Voor(JsonInvoerException fout, string? tekst = null)
    {
        if (fout is null)
        {
            throw new ArgumentNullException(nameof(fout));
        }

        if (fout.Schema is not { } schema || fout.Pad is not { } pad || !Schemas.Contains(schema))
        {
            return null;
        }

        if (tekst is not null && schema == "traject" && fout.Regelnummer is { } regel && tekst.IndexOf('\n') >= 0)
        {
            tekst = Regel(tekst, regel);
        }

        if (tekst is null)
        {
            return Zoek(schema, pad);
        }

        using var document = Lees(tekst);
        return Zoek(schema, pad, document?.RootElement);
    }

    /// <summary>Looks up what a schema says about one place in a document.</summary>
    /// <param name="schema">The schema name: one of <see cref="Schemas"/>.</param>
    /// <param name="pad">
    /// The JSON path as the reader writes it: <c>$</c>, then <c>.name</c>, <c>['name']</c> or <c>[index]</c> per step,
    /// e.g. <c>$.trajecten[4].gebeurtenissen[1].datum</c>.
    /// </param>
    /// <param name="document">
    /// The document, optional: used to choose the branch of a rule, event or durability by its <c>soort</c>. Without it,
    /// a field that only some kinds have is explained from the first kind that has it, and the answer names those kinds.
    /// </param>
    /// <returns>
    /// The explanation; for a field the schema does not allow there, the list of fields it allows. Null when the path
    /// cannot be read or leads where the schema says nothing (e.g. into a number).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not one of <see cref="Schemas"/>.</exception>
    public static SchemaUitleg? Zoek(string schema, string pad, JsonElement? document = null)
    {
        if (schema is null || !Schemas.Contains(schema))
        {
            throw new ArgumentException($"no schema named '{schema}'; the schemas are {string.Join(", ", Schemas)}.", nameof(schema));
        }

        if (pad is null || Stappen(pad) is not { } stappen)
        {
            return null;
        }

        var walker = new Wandeling(schema);
        var root = walker.Root(schema + ".schema.json");
        if (root is null)
        {
            return null;
        }

        var huidige = new List<Plek> { new(root, "#", null, false) };
        var waarde = document;
        foreach (var stap in stappen)
        {
            // The branch a field was found in matters for that step only.
            huidige = huidige.Select(p => p with { Soort = null, Gekozen = false }).ToList();
            var facetten = walker.Uitvouwen(huidige, waarde);
            if (stap.Naam is { } naam)
            {
                var gevonden = facetten
                    .Where(f => Object(f.Node, "properties")?.ContainsKey(naam) == true)
                    .Select(f => new Plek((JsonObject)Object(f.Node, "properties")![naam]!, f.Pointer + "/properties/" + Escape(naam), f.Soort, f.Gekozen))
                    .OrderBy(p => p.Gekozen ? 0 : 1)
                    .ToList();
                if (gevonden.Count == 0)
                {
                    return IsObject(facetten) ? Onbekend(schema, pad, naam, huidige[0], facetten, walker) : null;
                }

                // A field that every kind has is not worth naming the kinds for.
                var soorten = facetten.Where(f => f.Soort is not null).Select(f => f.Soort).Distinct(StringComparer.Ordinal).Count();
                if (gevonden.Select(g => g.Soort).Where(k => k is not null).Distinct(StringComparer.Ordinal).Count() == soorten)
                {
                    gevonden = gevonden.Select(g => g with { Soort = null }).ToList();
                }

                huidige = gevonden;
                waarde = waarde is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(naam, out var v) ? v : null;
            }
            else
            {
                var index = stap.Index;
                var gevonden = facetten
                    .Where(f => f.Node["items"] is JsonObject)
                    .Select(f => new Plek((JsonObject)f.Node["items"]!, f.Pointer + "/items", f.Soort, f.Gekozen))
                    .ToList();
                if (gevonden.Count == 0)
                {
                    return null;
                }

                huidige = gevonden;
                waarde = waarde is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;
            }
        }

        return Uitleg(schema, pad, huidige, waarde, walker);
    }

    private static SchemaUitleg Uitleg(string schema, string pad, List<Plek> plekken, JsonElement? waarde, Wandeling walker)
    {
        var eerste = plekken[0];
        var keten = walker.Keten(eerste.Node);
        var omschrijvingen = keten.Select(n => Tekst(n, "description")).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToList();
        if (omschrijvingen.Count == 0)
        {
            // The node itself says nothing: take what the first of its other facets says.
            omschrijvingen.AddRange(walker.Uitvouwen(plekken, waarde).Select(f => Tekst(f.Node, "description")).Where(d => !string.IsNullOrWhiteSpace(d)).Take(1));
        }

        var verwacht = walker.Feiten(eerste.Node, waarde, 0);
        var soorten = plekken.Where(p => p.Soort is not null && !p.Gekozen).Select(p => p.Soort!).Distinct(StringComparer.Ordinal).ToList();
        if (soorten.Count > 0 && !plekken.Any(p => p.Soort is null || p.Gekozen))
        {
            verwacht.Add("a field of soort " + string.Join(", ", soorten));
        }

        return new SchemaUitleg(
            schema,
            pad,
            eerste.Pointer,
            keten.Select(n => Tekst(n, "title")).FirstOrDefault(t => t is not null),
            omschrijvingen.Count == 0 ? null : string.Join(" ", omschrijvingen),
            verwacht.Distinct(StringComparer.Ordinal).ToValueList(),
            null,
            ValueList<string>.Empty,
            null);
    }

    private static SchemaUitleg Onbekend(string schema, string pad, string naam, Plek houder, List<Plek> facetten, Wandeling walker)
    {
        var velden = facetten
            .SelectMany(f => Object(f.Node, "properties")?.Select(kv => kv.Key) ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var keten = walker.Keten(houder.Node);
        var titel = facetten.Where(f => f.Gekozen).Select(f => Tekst(f.Node, "title")).FirstOrDefault(t => t is not null)
            ?? keten.Select(n => Tekst(n, "title")).FirstOrDefault(t => t is not null);
        var omschrijving = keten.Select(n => Tekst(n, "description")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        var pointer = facetten.FirstOrDefault(f => f.Gekozen)?.Pointer ?? houder.Pointer;
        return new SchemaUitleg(schema, pad, pointer, titel, omschrijving, ValueList<string>.Empty, naam, velden.ToValueList(), Dichtstbij(naam, velden));
    }

    /// <summary>The allowed name a typing error away from <paramref name="naam"/>: the same but for case, or at most two edits.</summary>
    private static string? Dichtstbij(string naam, List<string> velden)
    {
        var best = velden
            .Select(v => (Veld: v, Afstand: string.Equals(v, naam, StringComparison.OrdinalIgnoreCase) ? 0 : Afstand(naam.ToUpperInvariant(), v.ToUpperInvariant())))
            .OrderBy(x => x.Afstand)
            .FirstOrDefault();
        return best.Veld is not null && best.Afstand <= Math.Min(2, Math.Max(1, naam.Length / 3)) ? best.Veld : null;
    }

    private static int Afstand(string a, string b)
    {
        var vorige = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var rij = new int[b.Length + 1];
            rij[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                rij[j] = Math.Min(Math.Min(rij[j - 1] + 1, vorige[j] + 1), vorige[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            vorige = rij;
        }

        return vorige[b.Length];
    }

    private static bool IsObject(List<Plek> facetten)
        => facetten.Any(f => f.Node["properties"] is JsonObject || (f.Node["additionalProperties"] is JsonValue v && v.TryGetValue<bool>(out var b) && !b));

    /// <summary>The steps of a JSON path; null when it is not one.</summary>
    private static List<Stap>? Stappen(string pad)
    {
        if (pad.Length == 0 || pad[0] != '$')
        {
            return null;
        }

        var stappen = new List<Stap>();
        var i = 1;
        while (i < pad.Length)
        {
            if (pad[i] == '.')
            {
                var eind = i + 1;
                while (eind < pad.Length && pad[eind] != '.' && pad[eind] != '[')
                {
                    eind++;
                }

                if (eind == i + 1)
                {
                    return null;
                }

                stappen.Add(new Stap(pad.Substring(i + 1, eind - i - 1), 0));
                i = eind;
            }
            else if (pad[i] == '[' && i + 1 < pad.Length && pad[i + 1] is '\'' or '"')
            {
                var quote = pad[i + 1];
                var eind = pad.IndexOf(quote, i + 2);
                if (eind < 0 || eind + 1 >= pad.Length || pad[eind + 1] != ']')
                {
                    return null;
                }

                stappen.Add(new Stap(pad.Substring(i + 2, eind - i - 2), 0));
                i = eind + 2;
            }
            else if (pad[i] == '[')
            {
                var eind = pad.IndexOf(']', i);
                if (eind < 0 || Index(pad, i + 1, eind) is not { } index)
                {
                    return null;
                }

                stappen.Add(new Stap(null, index));
                i = eind + 1;
            }
            else
            {
                return null;
            }
        }

        return stappen;
    }

    /// <summary>The array index written in <paramref name="pad"/> from <paramref name="start"/> up to <paramref name="eind"/>; null if it is not one.</summary>
    private static int? Index(string pad, int start, int eind)
    {
        if (eind == start || eind - start > 9)
        {
            return null;
        }

        var index = 0;
        for (var i = start; i < eind; i++)
        {
            if (pad[i] is < '0' or > '9')
            {
                return null;
            }

            index = (index * 10) + (pad[i] - '0');
        }

        return index;
    }

    private static string Regel(string tekst, long regel)
    {
        var n = 1L;
        var start = 0;
        while (n < regel)
        {
            var nl = tekst.IndexOf('\n', start);
            if (nl < 0)
            {
                return string.Empty;
            }

            start = nl + 1;
            n++;
        }

        var end = tekst.IndexOf('\n', start);
        return end < 0 ? tekst.Substring(start) : tekst.Substring(start, end - start);
    }

    private static JsonDocument? Lees(string tekst)
    {
        try
        {
            return JsonDocument.Parse(tekst, new JsonDocumentOptions { MaxDepth = MaximaleDiepte });
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static JsonObject? Object(JsonObject node, string naam) => node[naam] as JsonObject;

    private static string? Tekst(JsonObject node, string naam)
        => node[naam] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Escape(string naam) => naam.Replace("~", "~0").Replace("/", "~1");

    /// <summary>One step of a path: a field name, or (when <see cref="Naam"/> is null) an array index.</summary>
    private readonly record struct Stap(string? Naam, int Index);

    /// <summary>
    /// A schema node that applies at the current place, where it is in the file, the <c>soort</c> of the oneOf branch
    /// it lies in (if any), and whether that branch was chosen by the document's own <c>soort</c>.
    /// </summary>
    private sealed record Plek(JsonObject Node, string Pointer, string? Soort, bool Gekozen);

    /// <summary>The walk through one schema: resolving references and branches, and describing a node.</summary>
    private sealed class Wandeling
    {
        private readonly string _bestand;
        private readonly Dictionary<string, JsonObject?> _bestanden = new(StringComparer.Ordinal);

        /// <summary>A walk that starts in the schema named <paramref name="schema"/>; the files it refers to are read when needed.</summary>
        public Wandeling(string schema) => _bestand = schema + ".schema.json";

        /// <summary>The root of a shipped schema file (e.g. <c>common.schema.json</c>), or null when there is none by that name.</summary>
        public JsonObject? Root(string bestand)
        {
            if (!_bestanden.TryGetValue(bestand, out var root))
            {
                const string Achtervoegsel = ".schema.json";
                var naam = bestand.EndsWith(Achtervoegsel, StringComparison.Ordinal) ? bestand.Substring(0, bestand.Length - Achtervoegsel.Length) : null;
                try
                {
                    root = naam is null || naam.IndexOfAny(new[] { '/', '\\', '#' }) >= 0 ? null : JsonNode.Parse(JsonSchrijver.Schema(naam)) as JsonObject;
                }
                catch (System.IO.FileNotFoundException)
                {
                    root = null;
                }

                _bestanden[bestand] = root;
            }

            return root;
        }

        /// <summary>The file a node of a schema belongs to.</summary>
        private string Bestand(JsonNode node)
        {
            var root = node.Root;
            foreach (var kv in _bestanden)
            {
                if (ReferenceEquals(kv.Value, root))
                {
                    return kv.Key;
                }
            }

            return _bestand;
        }

        /// <summary>
        /// Every schema node that applies at a place: the nodes themselves and, recursively, what they refer to and
        /// their allOf, anyOf and oneOf branches. A oneOf whose branches each fix <c>soort</c> contributes only the
        /// branch of the document's soort when that is known.
        /// </summary>
        public List<Plek> Uitvouwen(List<Plek> plekken, JsonElement? waarde)
        {
            var uit = new List<Plek>();
            foreach (var p in plekken)
            {
                Uitvouwen(p, waarde, uit, 0);
            }

            return uit;
        }

        private void Uitvouwen(Plek p, JsonElement? waarde, List<Plek> uit, int diepte)
        {
            if (diepte > MaximaleDiepte || uit.Any(u => ReferenceEquals(u.Node, p.Node)))
            {
                return;
            }

            uit.Add(p);
            if (Tekst(p.Node, "$ref") is { } reference && Resolve(p.Node, reference) is { } target)
            {
                Uitvouwen(new Plek(target.Node, target.Pointer, p.Soort, p.Gekozen), waarde, uit, diepte + 1);
            }

            foreach (var keyword in new[] { "allOf", "anyOf" })
            {
                if (p.Node[keyword] is JsonArray takken)
                {
                    for (var i = 0; i < takken.Count; i++)
                    {
                        if (takken[i] is JsonObject tak)
                        {
                            Uitvouwen(new Plek(tak, $"{p.Pointer}/{keyword}/{i}", p.Soort, p.Gekozen), waarde, uit, diepte + 1);
                        }
                    }
                }
            }

            if (p.Node["oneOf"] is JsonArray oneOf)
            {
                var soorten = Soorten(oneOf);
                var gekozen = soorten is not null && waarde is { ValueKind: JsonValueKind.Object } w && w.TryGetProperty("soort", out var s) && s.ValueKind == JsonValueKind.String
                    ? soorten.IndexOf(s.GetString()!)
                    : -1;
                for (var i = 0; i < oneOf.Count; i++)
                {
                    if (oneOf[i] is JsonObject tak && (gekozen < 0 || gekozen == i))
                    {
                        Uitvouwen(new Plek(tak, $"{p.Pointer}/oneOf/{i}", soorten?[i] ?? p.Soort, gekozen == i || p.Gekozen), waarde, uit, diepte + 1);
                    }
                }
            }
        }

        /// <summary>A node followed by the nodes its <c>$ref</c> leads to, in order.</summary>
        public List<JsonObject> Keten(JsonObject node)
        {
            var keten = new List<JsonObject> { node };
            while (keten.Count < MaximaleDiepte && Tekst(keten[keten.Count - 1], "$ref") is { } reference && Resolve(keten[keten.Count - 1], reference) is { } target && !keten.Contains(target.Node))
            {
                keten.Add(target.Node);
            }

            return keten;
        }

        /// <summary>What a value described by <paramref name="node"/> must be, in short phrases.</summary>
        public List<string> Feiten(JsonObject node, JsonElement? waarde, int diepte)
        {
            var feiten = new List<string>();
            if (diepte > 8)
            {
                return feiten;
            }

            if (Tekst(node, "$ref") is { } reference && Resolve(node, reference) is { } target)
            {
                feiten.AddRange(Feiten(target.Node, waarde, diepte + 1));
            }

            if (node["type"] is { } type)
            {
                var types = type is JsonArray a ? a.Select(t => t?.ToString()).Where(t => t is not null).ToList() : new List<string?> { type.ToString() };
                feiten.Insert(0, string.Join(" or ", types));
            }

            if (node["const"] is { } constant)
            {
                feiten.Add("exactly " + constant.ToJsonString());
            }

            if (node["enum"] is JsonArray values)
            {
                feiten.Add("one of " + string.Join(", ", values.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : v?.ToJsonString() ?? "null")));
            }

            Getal(node, "minimum", "minimum ", feiten);
            Getal(node, "exclusiveMinimum", "more than ", feiten);
            Getal(node, "maximum", "maximum ", feiten);
            Getal(node, "exclusiveMaximum", "less than ", feiten);
            Getal(node, "multipleOf", "a multiple of ", feiten);
            Getal(node, "minLength", "at least {0} character(s)", feiten);
            Getal(node, "maxLength", "at most {0} characters", feiten);
            Getal(node, "minItems", "at least {0} item(s)", feiten);
            Getal(node, "maxItems", "at most {0} items", feiten);
            if (Tekst(node, "format") is { } format)
            {
                feiten.Add("format " + format);
            }

            if (Tekst(node, "pattern") is { } pattern)
            {
                feiten.Add("pattern " + pattern);
            }

            if (node["required"] is JsonArray required && required.Count > 0)
            {
                feiten.Add("required fields: " + string.Join(", ", required.Select(r => r?.ToString())));
            }

            if (node["anyOf"] is JsonArray anyOf)
            {
                feiten.Add(Alternatieven(anyOf, waarde, diepte));
            }

            if (node["oneOf"] is JsonArray oneOf)
            {
                var soorten = Soorten(oneOf);
                var soort = waarde is { ValueKind: JsonValueKind.Object } w && w.TryGetProperty("soort", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (soorten is null)
                {
                    feiten.Add(Alternatieven(oneOf, waarde, diepte));
                }
                else if (soort is not null && soorten.IndexOf(soort) is var i and >= 0 && oneOf[i] is JsonObject tak)
                {
                    var titel = Tekst(tak, "title");
                    feiten.RemoveAll(f => f.StartsWith("required fields: ", StringComparison.Ordinal));
                    feiten.Add($"soort {soort}{(titel is null ? string.Empty : " (" + titel + ")")}");
                    feiten.AddRange(Feiten(tak, waarde, diepte + 1).Where(f => f != "object"));
                }
                else
                {
                    feiten.Add("soort one of " + string.Join(", ", soorten));
                }
            }

            return feiten;
        }

        private string Alternatieven(JsonArray takken, JsonElement? waarde, int diepte)
            => string.Join(" or ", takken.OfType<JsonObject>().Select(t =>
            {
                var f = Feiten(t, waarde, diepte + 1);
                return f.Count == 0 ? "anything" : f.Count == 1 ? f[0] : f[0] + " (" + string.Join("; ", f.Skip(1)) + ")";
            }));

        private static void Getal(JsonObject node, string keyword, string tekst, List<string> feiten)
        {
            if (node[keyword] is JsonValue v)
            {
                var n = v.ToJsonString();
                feiten.Add(tekst.Contains("{0}") ? string.Format(CultureInfo.InvariantCulture, tekst, n) : tekst + n);
            }
        }

        /// <summary>The <c>soort</c> each branch fixes with <c>const</c>, if every branch fixes one; null otherwise.</summary>
        private static List<string>? Soorten(JsonArray takken)
        {
            var soorten = new List<string>();
            foreach (var tak in takken)
            {
                if (tak is JsonObject o && Object(o, "properties")?["soort"] is JsonObject soort && Tekst(soort, "const") is { } k)
                {
                    soorten.Add(k);
                }
                else
                {
                    return null;
                }
            }

            return soorten.Count > 0 ? soorten : null;
        }

        /// <summary>
        /// The node a <c>$ref</c> in <paramref name="van"/> leads to, and where it is: a fragment (<c>#/$defs/duur</c>)
        /// in the same file as <paramref name="van"/>, or a shipped file named relatively, with or without a fragment
        /// (<c>common.schema.json#/$defs/datum</c>, <c>traject.schema.json</c>). The pointer is written from the
        /// document's own schema: a fragment alone when the node is in that file, else the file name and the fragment.
        /// </summary>
        private (JsonObject Node, string Pointer)? Resolve(JsonNode van, string reference)
        {
            var hekje = reference.IndexOf('#');
            var bestand = hekje < 0 ? reference : reference.Substring(0, hekje);
            var fragment = hekje < 0 ? "#" : reference.Substring(hekje);
            if (bestand.Length == 0)
            {
                bestand = Bestand(van);
            }

            JsonNode? node = Root(bestand);
            if (node is null || !fragment.StartsWith("#", StringComparison.Ordinal) || (fragment.Length > 1 && fragment[1] != '/'))
            {
                return null;
            }

            foreach (var deel in fragment.Substring(1).Split('/').Skip(1))
            {
                var naam = deel.Replace("~1", "/").Replace("~0", "~");
                node = node switch
                {
                    JsonObject o => o[naam],
                    JsonArray a when int.TryParse(naam, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                    _ => null,
                };
            }

            return node is JsonObject gevonden ? (gevonden, (bestand == _bestand ? string.Empty : bestand) + fragment) : null;
        }
    }
}
