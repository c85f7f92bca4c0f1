using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Bekostiging.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Bekostiging.Tests.Json;

/// <summary>
/// The single-pass traject reader must agree with the strict serializer: on a valid traject it gives the same value,
/// and on anything else it gives up (null) — it may never accept what the serializer refuses, nor read it differently.
/// </summary>
public class SnelleTrajectLezerTests
{
    private static readonly string[] Voorbeelden = File.ReadAllLines(Path.Combine(JsonVoorbeelden.RepoRoot(), "samples", "data", "trajecten.jsonl"));

    private static TrajectInvoer? Strikt(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TrajectInvoer>(json, JsonFormaat.Invoer);
        }
        catch (Exception e) when (e is JsonException or BekostigingException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    [Fact]
    public void Every_sample_traject_is_read_in_one_pass_and_equals_the_serializers_reading()
    {
        foreach (var regel in Voorbeelden)
        {
            var snel = SnelleTrajectLezer.Lees(regel);
            Assert.NotNull(snel);
            Assert.Equal(Strikt(regel), snel);
        }
    }

    [Property(MaxTest = 300)]
    public Property A_generated_traject_is_read_as_the_serializer_reads_it() =>
        Prop.ForAll(RoundTripGenerators.Trajecten.ToArbitrary(), doc =>
        {
            foreach (var t in doc.Trajecten)
            {
                var json = JsonSchrijver.NaarInvoer(t, ingesprongen: false);
                var snel = SnelleTrajectLezer.Lees(json);
                if (snel is null || snel != t || Strikt(json) != t)
                {
                    return false.Label(json);
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void A_mutated_traject_is_refused_or_read_exactly_as_the_serializer_reads_it()
    {
        // Seeded mutations of the sample lines: each case either makes the single pass give up, or both readers agree.
        var rng = new Random(2026);
        var gelezen = 0;
        for (var i = 0; i < 4000; i++)
        {
            var tekst = Muteer(Voorbeelden[rng.Next(Voorbeelden.Length)], rng);
            var snel = SnelleTrajectLezer.Lees(tekst);
            if (snel is null)
            {
                continue;
            }

            gelezen++;
            var strikt = Strikt(tekst);
            Assert.True(strikt is not null, $"case {i}: the single pass accepted what the serializer refuses:\n{tekst}");
            Assert.True(strikt == snel, $"case {i}: the readers differ:\n{tekst}");
        }

        Assert.InRange(gelezen, 1, 3999); // some mutations keep the traject valid, most do not
    }

    [Theory]
    [InlineData("\"volgnummer\":0", "\"volgnummer\":0,\"volgnummer\":1")] // a field twice
    [InlineData("\"volgnummer\":0", "\"volgnummer\":\"0\"")] // a number as a string
    [InlineData("\"volgnummer\":0", "\"volgnummer\":null")] // null where a number is required
    [InlineData("\"volgnummer\":0", "\"volgnummer\":0.5")] // a fraction for a whole number
    [InlineData("\"volgnummer\":0", "\"volgnumer\":0")] // an unknown field
    [InlineData("\"soort\":\"uren\"", "\"soort\":\"Uren\"")] // an unknown kind
    [InlineData("\"profiel\":1", "\"profiel\":1,\"profiel\":1")]
    [InlineData("\"profiel\":1", "\"profiel\":null")]
    [InlineData("\"reden\":\"uitval\"", "\"reden\":null")]
    [InlineData("\"reden\":\"uitval\"", "\"reden\":7")]
    [InlineData("\"contactpersoon\":\"klantmanager-1\"", "\"contactpersoon\":1")]
    [InlineData("\"startTrede\":null", "\"startTrede\":\"3\"")]
    [InlineData("\"aantal\":2", "\"aantal\":true")]
    [InlineData("\"datum\":\"2027-03-12\"", "\"datum\":\"12-03-2027\"")]
    public void Each_kind_of_fault_makes_the_single_pass_give_up(string vervang, string door)
    {
        var regel = Voorbeelden.First(r => r.Contains(vervang, StringComparison.Ordinal));
        var index = regel.IndexOf(vervang, StringComparison.Ordinal);
        var fout = string.Concat(regel.AsSpan(0, index), door, regel.AsSpan(index + vervang.Length));
        Assert.Null(SnelleTrajectLezer.Lees(fout));
        Assert.Null(Strikt(fout));
    }

    private static string Muteer(string tekst, Random rng)
    {
        var sb = new StringBuilder(tekst);
        var n = 1 + rng.Next(2);
        for (var k = 0; k < n && sb.Length > 2; k++)
        {
            var p = rng.Next(sb.Length);
            switch (rng.Next(11))
            {
                case 0: sb.Remove(p, 1); break;
                case 1: sb.Insert(p, Fragmenten[rng.Next(Fragmenten.Length)]); break;
                case 2: sb[p] = (char)(' ' + rng.Next(95)); break;
                case 3: sb.Replace("\"gemeld\":null", "\"gemeld\":\"2027-01-0" + (1 + rng.Next(9)) + "\"", p, sb.Length - p); break;
                case 4: sb.Replace(":0,", ":" + rng.Next(-3, 3) + ",", p, sb.Length - p); break;
                case 5: sb.Replace(":2,", ":" + (rng.Next(0, 50) / 4m).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", p, sb.Length - p); break;
                case 6: sb.Replace("\"uitval\"", "\"afronding\"", p, sb.Length - p); break;
                case 7: sb.Replace("null", "\"x\"", p, sb.Length - p); break;
                case 8: sb.Replace(":0,", ":\"0\",", p, sb.Length - p); break;
                case 9: sb.Replace(",\"reden\":\"uitval\"", string.Empty, p, sb.Length - p); break;
                default: sb.Insert(p, sb.ToString(rng.Next(sb.Length / 2), Math.Min(12, sb.Length / 2))); break;
            }
        }

        return sb.ToString();
    }

    private static readonly string[] Fragmenten =
    {
        ",", ":", "\"", "{", "}", "[", "]", "null", "0", "-1", "1e3", "\"x\":1,", "\\u0041", "\\ud800", "\u00e9", "/*c*/", " ",
        ",\"soort\":\"start\"", ",\"id\":\"Z\"", ",\"type\":\"regulierWerk\"", ",\"periode\":\"P1M\"", ",\"niveau\":7",
    };
}
