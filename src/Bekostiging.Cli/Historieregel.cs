using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Bekostiging.Cli;

/// <summary>
/// The line in a history file where an invoice (or one of its lines) begins, for the refusals of the history checks,
/// which see the invoices only after reading. Read again as a stream, so it works for a history of any size; only
/// ever on the way to an error.
/// </summary>
internal static class Historieregel
{
    private sealed class Niveau
    {
        public bool IsLijst;
        public int Index = -1;
        public string? Veld;
    }

    /// <summary>The 1-based line of <c>$.facturen[factuur]</c> or <c>$.facturen[factuur].regels[regel]</c>; null when unknown.</summary>
    public static long? Van(string pad, int factuur, int? regel)
    {
        if (!File.Exists(pad))
        {
            return null;
        }

        try
        {
            using var s = new FileStream(pad, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buf = new byte[1 << 16];
            var len = 0;
            long regelVanBegin = 1; // the line of buf[0]
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
            var stapel = new List<Niveau>();
            while (true)
            {
                var n = s.Read(buf, len, buf.Length - len);
                final = n == 0;
                len += n;
                var r = new Utf8JsonReader(buf.AsSpan(0, len), final, state);
                while (r.Read())
                {
                    var boven = stapel.Count > 0 ? stapel[^1] : null;
                    switch (r.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            boven!.Veld = r.GetString();
                            continue;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            stapel.RemoveAt(stapel.Count - 1);
                            continue;
                    }

                    if (boven is { IsLijst: true })
                    {
                        boven.Index++;
                    }

                    if (r.TokenType == JsonTokenType.StartObject && Is(stapel, factuur, regel))
                    {
                        return regelVanBegin + Regels(buf.AsSpan(0, (int)r.TokenStartIndex));
                    }

                    if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        stapel.Add(new Niveau { IsLijst = r.TokenType == JsonTokenType.StartArray });
                    }
                }

                if (final)
                {
                    return null;
                }

                var gebruikt = (int)r.BytesConsumed;
                regelVanBegin += Regels(buf.AsSpan(0, gebruikt));
                Buffer.BlockCopy(buf, gebruikt, buf, 0, len - gebruikt);
                len -= gebruikt;
                state = r.CurrentState;
                if (len == buf.Length)
                {
                    Array.Resize(ref buf, buf.Length * 2);
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Is(List<Niveau> stapel, int factuur, int? regel) => regel is { } j
        ? stapel.Count == 4 && stapel[0].Veld == "facturen" && stapel[1].Index == factuur && stapel[2].Veld == "regels" && stapel[3].IsLijst && stapel[3].Index == j
        : stapel.Count == 2 && stapel[0].Veld == "facturen" && stapel[1].IsLijst && stapel[1].Index == factuur;

    private static long Regels(ReadOnlySpan<byte> tekst)
    {
        long n = 0;
        foreach (var b in tekst)
        {
            if (b == (byte)'\n')
            {
                n++;
            }
        }

        return n;
    }
}
