using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;

namespace Bekostiging.Cli;

/// <summary>Reads the tool's input files; every failure becomes a JsonInvoerException naming the file.</summary>
internal static class Invoer
{
    public static string Tekst(string pad)
    {
        if (!File.Exists(pad))
        {
            throw new JsonInvoerException(pad, null, null, "file not found.");
        }

        var info = new FileInfo(pad);
        if (info.Length > Invoerlimieten.Standaard.MaximaleBestandsgrootte)
        {
            throw new JsonInvoerException(pad, null, null, $"the file is {info.Length} bytes; the limit is {Invoerlimieten.Standaard.MaximaleBestandsgrootte}.");
        }

        try
        {
            return File.ReadAllText(pad, StrengUtf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new JsonInvoerException(pad, null, null, $"the file is not valid UTF-8 (byte {e.Index} of the bad sequence); it is refused rather than read with replacement characters.", inner: e);
        }
    }

    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them with U+FFFD (which could merge two different ids).</summary>
    private static readonly UTF8Encoding StrengUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Raamovereenkomst Contract(string pad) => JsonLezer.Contract(Tekst(pad), pad);

    public static IReadOnlyList<Factuur> Facturen(string? pad) => pad is null ? Array.Empty<Factuur>() : JsonLezer.Facturen(Tekst(pad), pad);

    /// <summary>Trajecten from a JSON document (<c>.json</c>) or a JSON Lines stream (<c>.jsonl</c>).</summary>
    public static List<TrajectMetGebeurtenissen> Trajecten(string pad, Raamovereenkomst contract)
    {
        if (pad.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(pad))
            {
                throw new JsonInvoerException(pad, null, null, "file not found.");
            }

            using var reader = new StreamReader(pad, StrengUtf8);
            List<TrajectInvoer> gelezen;
            try
            {
                gelezen = JsonLezer.TrajectenJsonLines(reader, pad).ToList();
            }
            catch (DecoderFallbackException e)
            {
                throw new JsonInvoerException(pad, null, null, "the file is not valid UTF-8; it is refused rather than read with replacement characters.", inner: e);
            }

            return JsonLezer.VoorContract(contract, gelezen, pad).ToList();
        }

        var doc = JsonLezer.Trajecten(Tekst(pad), pad);
        if (doc.Contract != contract.Id)
        {
            throw new JsonInvoerException(pad, "$.contract", null, $"the trajecten belong to contract '{doc.Contract}', not to '{contract.Id}'.");
        }

        return JsonLezer.VoorContract(contract, doc.Trajecten, pad).ToList();
    }
}
