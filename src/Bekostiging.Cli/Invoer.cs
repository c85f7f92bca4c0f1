using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;

namespace Bekostiging.Cli;

/// <summary>
/// Reads the tool's input files; every failure becomes a JsonInvoerException naming the file. The path <c>-</c> is
/// standard input (named <c>&lt;stdin&gt;</c> in messages), for one input of a run.
/// </summary>
internal static class Invoer
{
    public const string Standaardinvoer = "-";

    public const string StandaardinvoerNaam = "<stdin>";

    /// <summary>The name of an input in messages.</summary>
    public static string Naam(string pad) => pad == Standaardinvoer ? StandaardinvoerNaam : pad;

    public static string Tekst(string pad)
    {
        if (pad == Standaardinvoer)
        {
            return Stdin();
        }

        if (!File.Exists(pad))
        {
            throw new JsonInvoerException(pad, null, null, "bestand niet gevonden.");
        }

        var info = new FileInfo(pad);
        if (info.Length > Invoerlimieten.Standaard.MaximaleBestandsgrootte)
        {
            throw new JsonInvoerException(pad, null, null, $"het bestand is {info.Length} bytes; de grens is {Invoerlimieten.Standaard.MaximaleBestandsgrootte}.");
        }

        try
        {
            return File.ReadAllText(pad, StrengUtf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new JsonInvoerException(pad, null, null, $"het bestand is geen geldige UTF-8 (byte {e.Index} van de foute reeks); het wordt geweigerd in plaats van met vervangingstekens (U+FFFD) gelezen.", inner: e);
        }
    }

    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them with U+FFFD (which could merge two different ids).</summary>
    internal static readonly UTF8Encoding StrengUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Raamovereenkomst Contract(string pad) => JsonLezer.Contract(Tekst(pad), Naam(pad));

    /// <summary>
    /// Writes on standard error each place where a product's model states a result term of its own that differs from
    /// the contract's begrippen (decision 14): allowed, but a back-office must see it rather than find out on an invoice.
    /// </summary>
    public static void Waarschuw(Raamovereenkomst contract, Terminal t)
    {
        foreach (var w in contract.Begrippenafwijkingen())
        {
            t.Fout.WriteLine($"waarschuwing: contract {contract.Id}: {w}");
        }
    }

    /// <summary>An invoice history, streamed (it may be larger than the general file limit) and checked as every command checks it.</summary>
    public static IReadOnlyList<Factuur> Facturen(string? pad) => pad is null ? Array.Empty<Factuur>() : Historiebestand.Lees(pad, null).Facturen;

    /// <summary>
    /// Trajecten from a JSON document (<c>.json</c>) or a JSON Lines stream (<c>.jsonl</c>). On standard input the
    /// form is seen from the text: a document is one object whose first field is <c>contract</c> or <c>trajecten</c>;
    /// anything else is read as JSON Lines (a traject has neither field).
    /// </summary>
    public static List<TrajectMetGebeurtenissen> Trajecten(string pad, Raamovereenkomst contract)
    {
        var naam = Naam(pad);
        string? tekst = null;
        bool lines;
        if (pad == Standaardinvoer)
        {
            tekst = Stdin();
            lines = !IsDocument(tekst);
        }
        else
        {
            lines = pad.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        }

        if (lines)
        {
            if (tekst is null && !File.Exists(pad))
            {
                throw new JsonInvoerException(pad, null, null, "bestand niet gevonden.");
            }

            using var reader = tekst is null ? new StreamReader(pad, StrengUtf8) : (TextReader)new StringReader(tekst);
            List<TrajectInvoer> gelezen;
            try
            {
                gelezen = JsonLezer.TrajectenJsonLines(reader, naam).ToList();
            }
            catch (DecoderFallbackException e)
            {
                throw new JsonInvoerException(naam, null, null, "het bestand is geen geldige UTF-8; het wordt geweigerd in plaats van met vervangingstekens (U+FFFD) gelezen.", inner: e);
            }

            return JsonLezer.VoorContract(contract, gelezen, naam).ToList();
        }

        var doc = JsonLezer.Trajecten(tekst ?? Tekst(pad), naam);
        if (doc.Contract != contract.Id)
        {
            throw new JsonInvoerException(naam, "$.contract", null, $"de trajecten horen bij contract '{doc.Contract}', niet bij '{contract.Id}'.");
        }

        return JsonLezer.VoorContract(contract, doc.Trajecten, naam).ToList();
    }

    private static string Stdin()
    {
        var t = Terminal.Huidig;
        if (t.InvoerGelezen)
        {
            throw new GebruiksFout("standaardinvoer (-) kan maar één invoerbestand zijn; geef de andere als bestand.");
        }

        t.InvoerGelezen = true;

        // Read at most the file limit (+1 to see that it is over), as for a file.
        var grens = Invoerlimieten.Standaard.MaximaleBestandsgrootte;
        var sb = new StringBuilder();
        var buffer = new char[81920];
        int n;
        try
        {
            while ((n = t.Invoer.Read(buffer, 0, buffer.Length)) > 0)
            {
                sb.Append(buffer, 0, n);
                if (sb.Length > grens)
                {
                    throw new JsonInvoerException(StandaardinvoerNaam, null, null, $"de invoer is langer dan de grens van {grens} bytes.");
                }
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new JsonInvoerException(StandaardinvoerNaam, null, null, "de invoer is geen geldige UTF-8; ze wordt geweigerd in plaats van met vervangingstekens (U+FFFD) gelezen.", inner: e);
        }

        t.InvoerTekst = sb.ToString();
        return t.InvoerTekst;
    }

    private static bool IsDocument(string tekst)
    {
        try
        {
            var r = new Utf8JsonReader(Encoding.UTF8.GetBytes(tekst.Length > 4096 ? tekst[..4096] : tekst), isFinalBlock: false, state: default);
            return r.Read() && r.TokenType == JsonTokenType.StartObject && r.Read() && r.TokenType == JsonTokenType.PropertyName
                && (r.ValueTextEquals("contract"u8) || r.ValueTextEquals("trajecten"u8));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
