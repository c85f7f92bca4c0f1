using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bekostiging.Events;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Json;

/// <summary>
/// Reads one valid traject (a line of a JSON Lines stream, or one traject of a trajecten document) in a single pass
/// over its UTF-8 text, without the serializer's machinery for records and polymorphism.
/// </summary>
/// <remarks>
/// It knows only the valid case: every field of the format once, of its exact JSON type, no unknown field, no null where
/// the format forbids one. At the first thing it does not expect it gives up and returns <see langword="null"/>, and
/// the strict serializer reads the text instead (which then says what is wrong). Values are parsed by the same
/// converters as the strict options use (dates, durations, outflow types, strings), and events and trajecten are made
/// by their constructors, so what it returns equals what the serializer returns; a test checks that on generated and
/// mutated trajecten.
/// </remarks>
internal static class SnelleTrajectLezer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonSerializerOptions Opties = JsonFormaat.Invoer;
    private static readonly JsonConverter<string> Tekst = (JsonConverter<string>)Opties.GetConverter(typeof(string));
    private static readonly JsonConverter<LocalDate> Datum = (JsonConverter<LocalDate>)Opties.GetConverter(typeof(LocalDate));
    private static readonly JsonConverter<Duur> Periode = (JsonConverter<Duur>)Opties.GetConverter(typeof(Duur));
    private static readonly JsonConverter<Uitstroomtype> Type = (JsonConverter<Uitstroomtype>)Opties.GetConverter(typeof(Uitstroomtype));

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>The traject, or <see langword="null"/> when the text is anything but a plainly valid traject.</summary>
    public static TrajectInvoer? Lees(string json)
    {
        try
        {
            var max = Utf8.GetMaxByteCount(json.Length);
            var buffer = _buffer;
            if (buffer is null || buffer.Length < max)
            {
                _buffer = buffer = new byte[Math.Max(max, 4096)];
            }

            var n = Utf8.GetBytes(json, 0, json.Length, buffer, 0);
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, n), new JsonReaderOptions { MaxDepth = Opties.MaxDepth });
            var t = Traject(ref reader);
            return t is not null && !reader.Read() ? t : null; // nothing may follow the traject
        }
        catch (Exception e) when (e is JsonException or BekostigingException or InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }

    private static TrajectInvoer? Traject(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null, client = null, product = null, contactpersoon = null;
        int? profiel = null, startTrede = null;
        List<Gebeurtenis>? events = null;
        var gezien = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            int veld;
            if (r.ValueTextEquals("id"u8)) { veld = 1; }
            else if (r.ValueTextEquals("client"u8)) { veld = 2; }
            else if (r.ValueTextEquals("profiel"u8)) { veld = 4; }
            else if (r.ValueTextEquals("product"u8)) { veld = 8; }
            else if (r.ValueTextEquals("gebeurtenissen"u8)) { veld = 16; }
            else if (r.ValueTextEquals("contactpersoon"u8)) { veld = 32; }
            else if (r.ValueTextEquals("startTrede"u8)) { veld = 64; }
            else { return null; }

            if ((gezien & veld) != 0 || !r.Read())
            {
                return null; // a field given twice
            }

            gezien |= veld;
            switch (veld)
            {
                case 1: id = NietNul(ref r); break;
                case 2: client = NietNul(ref r); break;
                case 4: profiel = Int(ref r); break;
                case 8: product = NietNul(ref r); break;
                case 16: events = Gebeurtenissen(ref r); break;
                case 32:
                    if (r.TokenType != JsonTokenType.Null && (contactpersoon = NietNul(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                default:
                    if (r.TokenType != JsonTokenType.Null && (startTrede = Int(ref r)) is null)
                    {
                        return null;
                    }

                    break;
            }
        }

        // A required field absent, or given with the wrong type, left its variable null.
        if (r.TokenType != JsonTokenType.EndObject || id is null || client is null || product is null || profiel is null || events is null)
        {
            return null;
        }

        return new TrajectInvoer(id, client, profiel.Value, product, events.ToValueList(), contactpersoon, startTrede);
    }

    private static List<Gebeurtenis>? Gebeurtenissen(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var list = new List<Gebeurtenis>(16);
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            if (Gebeurtenis(ref r) is not { } e)
            {
                return null;
            }

            list.Add(e);
        }

        return null;
    }

    private static Gebeurtenis? Gebeurtenis(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var soort = -1;
        string? id = null, tekst = null, plaatsingId = null;
        LocalDate? datum = null, gemeld = null;
        long volgnummer = 0;
        decimal? getal = null;
        int? geheel = null;
        Duur? periode = null;
        Uitstroomtype? type = null;

        // The fields given, one bit each; the kind decides afterwards which of them it accepts.
        var gezien = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var veld = Veld(ref r);
            if (veld == 0 || (gezien & veld) != 0 || !r.Read())
            {
                return null;
            }

            gezien |= veld;
            switch (veld)
            {
                case Velden.Soort:
                    if (r.TokenType != JsonTokenType.String || (soort = Soort(ref r)) < 0)
                    {
                        return null;
                    }

                    break;
                case Velden.Id: id = NietNul(ref r); break;
                case Velden.Datum: datum = r.TokenType == JsonTokenType.String ? IsoDatum(ref r) : null; break;
                case Velden.Volgnummer:
                    if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out volgnummer))
                    {
                        return null;
                    }

                    break;
                case Velden.Gemeld:
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        gemeld = r.TokenType == JsonTokenType.String ? IsoDatum(ref r) : throw new FormatException();
                    }

                    break;
                case Velden.MijlpaalSoort or Velden.ModuleCode or Velden.Reden or Velden.DoelId: tekst = NietNul(ref r); break;
                case Velden.PlaatsingId:
                    if (r.TokenType != JsonTokenType.Null && (plaatsingId = NietNul(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case Velden.Aantal or Velden.UrenPerWeek: getal = Dec(ref r); break;
                case Velden.Niveau: geheel = Int(ref r); break;
                case Velden.ContractMaanden: geheel = r.TokenType == JsonTokenType.Null ? null : Int(ref r) ?? throw new FormatException(); break;
                case Velden.Periode: periode = r.TokenType == JsonTokenType.Null ? throw new FormatException() : Periode.Read(ref r, typeof(Duur), Opties); break;
                case Velden.Type: type = r.TokenType == JsonTokenType.Null ? throw new FormatException() : Type.Read(ref r, typeof(Uitstroomtype), Opties); break;
                default: return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || soort < 0 || id is null || datum is not { } d)
        {
            return null;
        }

        var eigen = gezien & ~(Velden.Soort | Velden.Id | Velden.Datum | Velden.Volgnummer | Velden.Gemeld);
        Gebeurtenis? e = soort switch
        {
            Soorten.Aanmelding when eigen == 0 => new Aanmelding(id, d),
            Soorten.Reclame when eigen == 0 => new Reclame(id, d),
            Soorten.Start when eigen == 0 => new Start(id, d),
            Soorten.Afronding when eigen == 0 => new Afronding(id, d),
            Soorten.Mijlpaal when eigen == Velden.MijlpaalSoort && tekst is not null => new Mijlpaal(id, d, tekst),
            Soorten.Module when eigen == Velden.ModuleCode && tekst is not null => new Module(id, d, tekst),
            Soorten.Uitval when eigen == Velden.Reden && tekst is not null => new Uitval(id, d, tekst),
            Soorten.Uitval when eigen == 0 => new Uitval(id, d),
            Soorten.Intrekking when eigen == Velden.DoelId && tekst is not null => new Intrekking(id, d, tekst),
            Soorten.PlaatsingEinde when eigen == Velden.PlaatsingId && plaatsingId is not null => new PlaatsingEinde(id, d, plaatsingId),
            Soorten.Uren when eigen == Velden.Aantal && getal is { } aantal => new Uren(id, d, aantal),
            Soorten.Trede when eigen == Velden.Niveau && geheel is { } niveau => new Trede(id, d, niveau),
            Soorten.Verlenging when eigen == Velden.Periode && periode is { } p => new Verlenging(id, d, p),
            Soorten.Plaatsing when (eigen & ~(Velden.ContractMaanden | Velden.PlaatsingId)) == (Velden.Type | Velden.UrenPerWeek) && type is { } u && getal is { } uren
                => new Plaatsing(id, d, u, uren, geheel, plaatsingId),
            _ => null,
        };

        return e is null || (volgnummer == 0 && gemeld is null) ? e : e with { Volgnummer = volgnummer, Gemeld = gemeld };
    }

    /// <summary>The event kind named by the discriminator (compared as written, without making a string), or −1.</summary>
    private static int Soort(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("uren"u8)) { return Soorten.Uren; }
        if (r.ValueTextEquals("mijlpaal"u8)) { return Soorten.Mijlpaal; }
        if (r.ValueTextEquals("aanmelding"u8)) { return Soorten.Aanmelding; }
        if (r.ValueTextEquals("start"u8)) { return Soorten.Start; }
        if (r.ValueTextEquals("afronding"u8)) { return Soorten.Afronding; }
        if (r.ValueTextEquals("uitval"u8)) { return Soorten.Uitval; }
        if (r.ValueTextEquals("plaatsing"u8)) { return Soorten.Plaatsing; }
        if (r.ValueTextEquals("plaatsingEinde"u8)) { return Soorten.PlaatsingEinde; }
        if (r.ValueTextEquals("trede"u8)) { return Soorten.Trede; }
        if (r.ValueTextEquals("module"u8)) { return Soorten.Module; }
        if (r.ValueTextEquals("verlenging"u8)) { return Soorten.Verlenging; }
        if (r.ValueTextEquals("reclame"u8)) { return Soorten.Reclame; }
        if (r.ValueTextEquals("intrekking"u8)) { return Soorten.Intrekking; }
        return -1;
    }

    private static int Veld(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("soort"u8)) { return Velden.Soort; }
        if (r.ValueTextEquals("id"u8)) { return Velden.Id; }
        if (r.ValueTextEquals("datum"u8)) { return Velden.Datum; }
        if (r.ValueTextEquals("volgnummer"u8)) { return Velden.Volgnummer; }
        if (r.ValueTextEquals("gemeld"u8)) { return Velden.Gemeld; }
        if (r.ValueTextEquals("aantal"u8)) { return Velden.Aantal; }
        if (r.ValueTextEquals("mijlpaalSoort"u8)) { return Velden.MijlpaalSoort; }
        if (r.ValueTextEquals("moduleCode"u8)) { return Velden.ModuleCode; }
        if (r.ValueTextEquals("niveau"u8)) { return Velden.Niveau; }
        if (r.ValueTextEquals("type"u8)) { return Velden.Type; }
        if (r.ValueTextEquals("urenPerWeek"u8)) { return Velden.UrenPerWeek; }
        if (r.ValueTextEquals("contractMaanden"u8)) { return Velden.ContractMaanden; }
        if (r.ValueTextEquals("plaatsingId"u8)) { return Velden.PlaatsingId; }
        if (r.ValueTextEquals("periode"u8)) { return Velden.Periode; }
        if (r.ValueTextEquals("reden"u8)) { return Velden.Reden; }
        if (r.ValueTextEquals("doelId"u8)) { return Velden.DoelId; }
        return 0;
    }

    /// <summary>
    /// A date: the plain form yyyy-MM-dd (years 1000–9999) read from the digits; any other text by the strict date
    /// converter. An impossible date such as 2027-02-30 throws, as the converter does, and the single pass gives up.
    /// </summary>
    private static LocalDate IsoDatum(ref Utf8JsonReader r)
    {
        var v = r.ValueSpan;
        if (!r.ValueIsEscaped && !r.HasValueSequence && v.Length == 10 && v[4] == (byte)'-' && v[7] == (byte)'-'
            && Cijfers(v, 0, 4) is var jaar and >= 1000 && Cijfers(v, 5, 2) is var maand and >= 0 && Cijfers(v, 8, 2) is var dag and >= 0)
        {
            return new LocalDate(jaar, maand, dag);
        }

        return Datum.Read(ref r, typeof(LocalDate), Opties);
    }

    /// <summary>The number written by <paramref name="n"/> ASCII digits from <paramref name="van"/>, or −1 when one is not a digit.</summary>
    private static int Cijfers(ReadOnlySpan<byte> v, int van, int n)
    {
        var x = 0;
        for (var i = van; i < van + n; i++)
        {
            var c = v[i] - '0';
            if (c is < 0 or > 9)
            {
                return -1;
            }

            x = (x * 10) + c;
        }

        return x;
    }

    private static string? NietNul(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.String ? Tekst.Read(ref r, typeof(string), Opties) : null;

    private static int? Int(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var v) ? v : null;

    private static decimal? Dec(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var v) ? v : null;

    /// <summary>The event kinds, as <see cref="JsonFormaat.GebeurtenisSoorten"/> names them.</summary>
    private static class Soorten
    {
        public const int Aanmelding = 0;
        public const int Reclame = 1;
        public const int Start = 2;
        public const int Mijlpaal = 3;
        public const int Uren = 4;
        public const int Module = 5;
        public const int Trede = 6;
        public const int Plaatsing = 7;
        public const int PlaatsingEinde = 8;
        public const int Verlenging = 9;
        public const int Uitval = 10;
        public const int Afronding = 11;
        public const int Intrekking = 12;
    }

    /// <summary>One bit per event field.</summary>
    private static class Velden
    {
        public const int Soort = 1;
        public const int Id = 2;
        public const int Datum = 4;
        public const int Volgnummer = 8;
        public const int Gemeld = 16;
        public const int Aantal = 32;
        public const int MijlpaalSoort = 64;
        public const int ModuleCode = 128;
        public const int Niveau = 256;
        public const int Type = 512;
        public const int UrenPerWeek = 1024;
        public const int ContractMaanden = 2048;
        public const int PlaatsingId = 4096;
        public const int Periode = 8192;
        public const int Reden = 16384;
        public const int DoelId = 32768;
    }
}
