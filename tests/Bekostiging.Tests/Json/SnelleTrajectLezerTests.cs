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

    /// <summary>One reader for the tests of this class (xUnit runs them one after another).</summary>
    private readonly SnelleTrajectLezer Snel = new();

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
            var snel = Snel.Lees(regel);
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
                var snel = Snel.Lees(json);
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
            var snel = Snel.Lees(tekst);
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
        Assert.Null(Snel.Lees(fout));
        Assert.Null(Strikt(fout));
    }

    // ---------- one definition: the single pass takes its shapes from JsonFormaat, and nothing is left out ----------

    [Fact]
    public void Every_event_kind_of_the_format_has_a_shape_with_exactly_the_serializers_fields()
    {
        var vormen = SnelleTrajectLezer.GebeurtenisVormen;
        Assert.Equal(JsonFormaat.GebeurtenisSoorten.Keys.OrderBy(t => t.Name), vormen.Select(v => v.Type).OrderBy(t => t.Name));
        foreach (var v in vormen)
        {
            Assert.Equal(JsonFormaat.GebeurtenisSoorten[v.Type], Encoding.UTF8.GetString(v.Soort));
            var velden = JsonFormaat.Invoer.GetTypeInfo(v.Type).Properties.Select(p => p.Name);
            Assert.Equal(velden, v.Velden.Select(f => f.Naam));
        }

        Assert.Equal(
            JsonFormaat.Invoer.GetTypeInfo(typeof(TrajectInvoer)).Properties.Select(p => p.Name),
            SnelleTrajectLezer.TrajectVorm.Velden.Select(f => f.Naam));
    }

    [Fact]
    public void The_required_and_nullable_fields_of_the_shapes_are_those_of_the_records()
    {
        // Worked out from the records: a constructor parameter without a default is required; Volgnummer and Gemeld
        // are init properties (optional); null only where the type is nullable.
        static string Beschrijf(SnelleTrajectLezer.Vorm v) => string.Join(",", v.Velden.Select((f, i) =>
            f.Naam + ((v.Verplicht & (1L << i)) != 0 ? "!" : string.Empty) + (f.KanNull ? "?" : string.Empty)).OrderBy(x => x, StringComparer.Ordinal));

        var vorm = SnelleTrajectLezer.GebeurtenisVormen.ToDictionary(v => v.Type.Name);
        Assert.Equal("aantal!,datum!,gemeld?,id!,volgnummer", Beschrijf(vorm["Uren"]));
        Assert.Equal("contractMaanden?,datum!,gemeld?,id!,plaatsingId?,type!,urenPerWeek!,volgnummer", Beschrijf(vorm["Plaatsing"]));
        Assert.Equal("datum!,gemeld?,id!,reden,volgnummer", Beschrijf(vorm["Uitval"]));
        Assert.Equal("client!,contactpersoon?,gebeurtenissen!,id!,product!,profiel!,startTrede?", Beschrijf(SnelleTrajectLezer.TrajectVorm));
    }

    [Fact]
    public void No_field_is_left_to_the_general_serializer()
    {
        // A field of a type the single pass has no direct reading for is read by JsonSerializer itself: the same
        // reading, but slower. That is a choice to make visibly, here, not something that happens unseen.
        var algemeen = SnelleTrajectLezer.GebeurtenisVormen.Append(SnelleTrajectLezer.TrajectVorm)
            .SelectMany(v => v.Velden.Where(f => f.DoorSerializer).Select(f => v.Type.Name + "." + f.Naam))
            .ToList();
        Assert.Empty(algemeen);
    }

    [Fact]
    public void An_event_of_every_kind_is_read_in_one_pass()
    {
        // The generator covers every kind of the format (so a new kind fails here until it is generated), and each
        // generated event, alone in a traject, is read by the single pass exactly as the serializer reads it.
        var events = RoundTripGenerators.Gebeurtenis.Sample(numberOfSamples: 3000, size: 30);
        var gegenereerd = events.GroupBy(e => e.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.True(
            JsonFormaat.GebeurtenisSoorten.Keys.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(gegenereerd.Select(g => g.Key)),
            "generated: " + string.Join(", ", gegenereerd.Select(g => g.Key + " " + g.Count())));
        foreach (var e in events)
        {
            var t = new TrajectInvoer("T-1", "C-1", 2, "re-integratie", new[] { e }.ToValueList());
            var json = JsonSchrijver.NaarInvoer(t, ingesprongen: false);
            var snel = Snel.Lees(json);
            Assert.True(snel is not null, "the single pass gave up on a valid event: " + json);
            Assert.Equal(t, snel);
            Assert.Equal(t, Strikt(json));
        }
    }

    [Fact]
    public void An_event_whose_kind_is_not_its_first_field_is_left_to_the_serializer()
    {
        // The writer puts "soort" first, and System.Text.Json 8 requires it there; elsewhere the single pass gives up
        // and the serializer decides (on net10.0 it reads the event, on net8.0 it refuses it).
        var regel = Voorbeelden.First(r => r.Contains("{\"soort\":\"start\",\"datum\":", StringComparison.Ordinal) && r.Contains("\"id\":\"S\",", StringComparison.Ordinal));
        var anders = regel.Replace("{\"soort\":\"start\",", "{", StringComparison.Ordinal).Replace("\"id\":\"S\",", "\"id\":\"S\",\"soort\":\"start\",", StringComparison.Ordinal);
        Assert.NotNull(Snel.Lees(regel));
        Assert.Null(Snel.Lees(anders));
#if !NET8_0
        Assert.Equal(Strikt(regel), Strikt(anders));
#endif
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
