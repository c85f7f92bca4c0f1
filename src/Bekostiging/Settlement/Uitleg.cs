using System;
using System.Text;
using NodaTime;

namespace Bekostiging.Settlement;

/// <summary>The kind of an <see cref="Arg"/>: how it is written when a text is formatted.</summary>
internal enum ArgSoort : byte
{
    /// <summary>No argument.</summary>
    Geen,

    /// <summary>A string, or any object written by its <see cref="object.ToString"/> (an <see cref="IFormattable"/> without a format).</summary>
    Tekst,

    /// <summary>A whole number, as <see cref="long.ToString()"/> writes it.</summary>
    Geheel,

    /// <summary>A quantity as <c>0.####</c> (invariant): <c>1.5</c>.</summary>
    Getal,

    /// <summary>An amount as <see cref="Bedrag.ToString()"/> writes it: <c>€ 1.234,56</c>.</summary>
    Bedrag,

    /// <summary>An ISO date: <c>2026-03-09</c>.</summary>
    Datum,

    /// <summary>A month as <c>yyyy-MM</c>.</summary>
    Maand,

    /// <summary>A duration in words (<see cref="Bekostiging.Duur.ToString"/>): <c>6 maanden</c>.</summary>
    Duur,
}

/// <summary>
/// One argument of an <see cref="Uitleg"/>: a typed value kept as it is (no text, no boxing of numbers, dates or
/// amounts) until the text is read. The conversions make <c>new Argumenten(code, uren, datum)</c> read naturally.
/// </summary>
internal readonly struct Arg
{
    private Arg(ArgSoort soort, object? verwijzing, long waarde)
    {
        Soort = soort;
        Verwijzing = verwijzing;
        Waarde = waarde;
    }

    public ArgSoort Soort { get; }

    /// <summary>The object of a <see cref="ArgSoort.Tekst"/> (or of a quantity outside the fast range).</summary>
    public object? Verwijzing { get; }

    /// <summary>The number of the other kinds (cents, 1/10,000ths, packed dates).</summary>
    public long Waarde { get; }

    public static implicit operator Arg(string? tekst) => new(ArgSoort.Tekst, tekst, 0);

    public static implicit operator Arg(int getal) => new(ArgSoort.Geheel, null, getal);

    public static implicit operator Arg(int? getal) => getal is { } g ? new(ArgSoort.Geheel, null, g) : new(ArgSoort.Tekst, null, 0);

    public static implicit operator Arg(decimal hoeveelheid) => Getal(hoeveelheid);

    public static implicit operator Arg(Bedrag bedrag) => new(ArgSoort.Bedrag, null, bedrag.Centen);

    public static implicit operator Arg(LocalDate datum) => new(ArgSoort.Datum, null, Pak(datum));

    public static implicit operator Arg(Duur duur) => new(ArgSoort.Duur, null, ((long)duur.Aantal << 8) | (byte)duur.Eenheid);

    /// <summary>Another text (a nested <see cref="Uitleg"/>), formatted when the outer one is.</summary>
    public static implicit operator Arg(Uitleg uitleg) => new(ArgSoort.Tekst, uitleg.IsLeeg ? null : uitleg, 0);

    /// <summary>Any value written by its own <see cref="object.ToString"/> (an enum: its name). Boxes a value type: for rare texts.</summary>
    public static Arg Object(object? waarde) => new(ArgSoort.Tekst, waarde, 0);

    /// <summary>A quantity as <c>0.####</c> writes it.</summary>
    public static Arg Getal(decimal hoeveelheid)
    {
        // Non-negative with at most four decimals below 10^12: kept as a whole number of 1/10,000ths.
        if (hoeveelheid >= 0m && hoeveelheid < 1_000_000_000_000m)
        {
            var units = hoeveelheid * 10_000m;
            if (units == decimal.Truncate(units))
            {
                return new(ArgSoort.Getal, null, (long)units);
            }
        }

        return new(ArgSoort.Tekst, Tekst.Getal(hoeveelheid), 0);
    }

    /// <summary>A month key (<c>yyyy-MM</c>) of the month of <paramref name="datum"/>.</summary>
    public static Arg Maand(LocalDate datum) => new(ArgSoort.Maand, null, Pak(datum));

    public void Schrijf(StringBuilder sb)
    {
        switch (Soort)
        {
            case ArgSoort.Tekst:
                if (Verwijzing is string s)
                {
                    sb.Append(s);
                }
                else if (Verwijzing is IFormattable f)
                {
                    sb.Append(f.ToString(null, null));
                }
                else if (Verwijzing is not null)
                {
                    sb.Append(Verwijzing.ToString());
                }

                break;
            case ArgSoort.Geheel:
                sb.Append(Waarde);
                break;
            case ArgSoort.Getal:
                sb.Append(Tekst.Getal(Waarde / 10_000m));
                break;
            case ArgSoort.Bedrag:
                Tekst.Geld(sb, Bedrag.VanCenten(Waarde));
                break;
            case ArgSoort.Datum:
                sb.Append(Tekst.Datum(Uitpakken(Waarde)));
                break;
            case ArgSoort.Maand:
                sb.Append(Tekst.Maand(Uitpakken(Waarde)));
                break;
            case ArgSoort.Duur:
                sb.Append(new Duur((int)(Waarde >> 8), (DuurEenheid)(byte)Waarde).ToString());
                break;
        }
    }

    private static long Pak(LocalDate d) => ((long)d.Year * 10_000) + (d.Month * 100) + d.Day;

    private static LocalDate Uitpakken(long w) => new((int)(w / 10_000), (int)(w / 100 % 100), (int)(w % 100));
}

/// <summary>Up to eight arguments of a text, kept by value (see <see cref="Arg"/>).</summary>
internal readonly struct Argumenten
{
    private readonly Arg _0, _1, _2, _3, _4, _5, _6, _7;

    public Argumenten(Arg a0 = default, Arg a1 = default, Arg a2 = default, Arg a3 = default, Arg a4 = default, Arg a5 = default, Arg a6 = default, Arg a7 = default)
    {
        _0 = a0;
        _1 = a1;
        _2 = a2;
        _3 = a3;
        _4 = a4;
        _5 = a5;
        _6 = a6;
        _7 = a7;
    }

    public Arg this[int i] => i switch
    {
        0 => _0,
        1 => _1,
        2 => _2,
        3 => _3,
        4 => _4,
        5 => _5,
        6 => _6,
        7 => _7,
        _ => throw new ArgumentOutOfRangeException(nameof(i), i, "a text has at most eight arguments."),
    };

    /// <summary>
    /// Writes <paramref name="sjabloon"/> with <c>{0}</c> … <c>{7}</c> replaced by the arguments (no other braces
    /// are special; the templates are the library's own).
    /// </summary>
    public void Schrijf(StringBuilder sb, string sjabloon)
    {
        var vanaf = 0;
        for (var i = 0; i < sjabloon.Length - 2; i++)
        {
            if (sjabloon[i] == '{' && sjabloon[i + 2] == '}' && sjabloon[i + 1] is >= '0' and <= '7')
            {
                sb.Append(sjabloon, vanaf, i - vanaf);
                this[sjabloon[i + 1] - '0'].Schrijf(sb);
                i += 2;
                vanaf = i + 1;
            }
        }

        sb.Append(sjabloon, vanaf, sjabloon.Length - vanaf);
    }

    public string Tekst(string sjabloon)
    {
        var sb = new StringBuilder(sjabloon.Length + 48);
        Schrijf(sb, sjabloon);
        return sb.ToString();
    }
}

/// <summary>
/// A text in words — a line's description, a reason why something is not payable — kept as a template and its
/// arguments, and formatted only when read (<see cref="ToString"/>). A settlement makes many and reads few.
/// </summary>
/// <remarks>Equal when the texts are equal.</remarks>
internal readonly struct Uitleg : IEquatable<Uitleg>
{
    private readonly string? _sjabloon;
    private readonly Argumenten _args;

    /// <summary>A text: <paramref name="sjabloon"/> with <c>{0}</c> … <c>{7}</c> standing for the arguments.</summary>
    public Uitleg(string sjabloon, Argumenten args = default)
    {
        _sjabloon = sjabloon;
        _args = args;
    }

    /// <summary>A text with one to six arguments.</summary>
    public Uitleg(string sjabloon, Arg a0, Arg a1 = default, Arg a2 = default, Arg a3 = default, Arg a4 = default, Arg a5 = default)
        : this(sjabloon, new Argumenten(a0, a1, a2, a3, a4, a5))
    {
    }

    /// <summary>No text.</summary>
    public static Uitleg Geen => default;

    public bool IsLeeg => _sjabloon is null;

    /// <summary>The text, or <see langword="null"/> for <see cref="Geen"/>.</summary>
    public string? Tekst => _sjabloon is null ? null : _args.Tekst(_sjabloon);

    public static bool operator ==(Uitleg a, Uitleg b) => a.Equals(b);

    public static bool operator !=(Uitleg a, Uitleg b) => !a.Equals(b);

    /// <summary>Writes the text to <paramref name="sb"/>.</summary>
    public void Schrijf(StringBuilder sb)
    {
        if (_sjabloon is not null)
        {
            _args.Schrijf(sb, _sjabloon);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Tekst ?? string.Empty;

    public bool Equals(Uitleg other) => string.Equals(Tekst, other.Tekst, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Uitleg other && Equals(other);

    public override int GetHashCode() => Tekst is { } t ? StringComparer.Ordinal.GetHashCode(t) : 0;
}
