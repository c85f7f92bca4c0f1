using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

        return File.ReadAllText(pad);
    }

    public static Raamovereenkomst Contract(string pad) => JsonLezer.Contract(Tekst(pad), pad);

    /// <summary>An invoice history, streamed (it may be larger than the general file limit) and checked as every command checks it.</summary>
    public static IReadOnlyList<Factuur> Facturen(string? pad) => pad is null ? Array.Empty<Factuur>() : Historiebestand.Lees(pad, null).Facturen;

    /// <summary>Trajecten from a JSON document (<c>.json</c>) or a JSON Lines stream (<c>.jsonl</c>).</summary>
    public static List<TrajectMetGebeurtenissen> Trajecten(string pad, Raamovereenkomst contract)
    {
        if (pad.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(pad))
            {
                throw new JsonInvoerException(pad, null, null, "file not found.");
            }

            using var reader = new StreamReader(pad);
            return JsonLezer.VoorContract(contract, JsonLezer.TrajectenJsonLines(reader, pad).ToList(), pad).ToList();
        }

        var doc = JsonLezer.Trajecten(Tekst(pad), pad);
        if (doc.Contract != contract.Id)
        {
            throw new JsonInvoerException(pad, "$.contract", null, $"the trajecten belong to contract '{doc.Contract}', not to '{contract.Id}'.");
        }

        return JsonLezer.VoorContract(contract, doc.Trajecten, pad).ToList();
    }
}
