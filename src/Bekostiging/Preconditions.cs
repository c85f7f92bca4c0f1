using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;

namespace Bekostiging;

/// <summary>
/// The one place where argument checks throw, so every error reads the same. Every check of a parameter outside the
/// engine goes through here: one call per value (decision 65), the message built only when the check fails.
/// </summary>
internal static class Preconditions
{
    public static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static string NotEmpty(string? value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BekostigingException(FoutCode.OngeldigeParameter, $"{paramName} must not be empty.");
        }

        return value!;
    }

    /// <summary>Throws <see cref="FoutCode.OngeldigeParameter"/> reading "<c>paramName = value: rule</c>" unless <paramref name="condition"/> holds.</summary>
    public static void Check<T>([DoesNotReturnIf(false)] bool condition, string paramName, T value, string rule)
    {
        if (!condition)
        {
            throw new BekostigingException(
                FoutCode.OngeldigeParameter,
                FormattableString.Invariant($"{paramName} = {(object?)value ?? "null"}: {rule}"));
        }
    }

    /// <summary>
    /// Throws <see cref="FoutCode.OngeldigeParameter"/> with <paramref name="bericht"/> unless <paramref name="condition"/>
    /// holds. The message is an interpolated string that is only formatted when the check fails.
    /// </summary>
    public static void Check([DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref Foutbericht bericht, string? trajectId = null)
    {
        if (!condition)
        {
            throw new BekostigingException(FoutCode.OngeldigeParameter, bericht.ToString(), trajectId);
        }
    }

    /// <summary>As <see cref="Check(bool, ref Foutbericht, string?)"/>, with another code than <see cref="FoutCode.OngeldigeParameter"/>.</summary>
    public static void Check([DoesNotReturnIf(false)] bool condition, FoutCode code, [InterpolatedStringHandlerArgument(nameof(condition))] ref Foutbericht bericht, string? trajectId = null)
    {
        if (!condition)
        {
            throw new BekostigingException(code, bericht.ToString(), trajectId);
        }
    }

    /// <summary><paramref name="value"/> when <paramref name="condition"/> holds; else <see cref="FoutCode.OngeldigeParameter"/> with <paramref name="bericht"/>.</summary>
    public static T Geldig<T>(T value, bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref Foutbericht bericht, string? trajectId = null)
    {
        if (!condition)
        {
            throw new BekostigingException(FoutCode.OngeldigeParameter, bericht.ToString(), trajectId);
        }

        return value;
    }

    /// <summary>Throws <see cref="FoutCode.OngeldigeParameter"/> with <paramref name="bericht"/>: for a value found wrong by a search or a switch.</summary>
    [DoesNotReturn]
    public static Exception Fout(string bericht, string? trajectId = null)
        => throw new BekostigingException(FoutCode.OngeldigeParameter, bericht, trajectId);

    public static LocalDate IsoDatum(LocalDate value, string paramName)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw new BekostigingException(FoutCode.OngeldigeParameter, $"{paramName} = {value}: dates are in the ISO calendar, not {value.Calendar.Id}.");
        }

        return value;
    }

    /// <summary>A list that is not null and holds no null item.</summary>
    public static ValueList<T> ZonderNull<T>(ValueList<T>? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        foreach (var item in value)
        {
            if (item is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName} holds a null item.");
            }
        }

        return value;
    }
}

/// <summary>
/// The message of a failed check, written as an interpolated string at the call site. Nothing is formatted while the
/// check holds (the constructor says so to the compiler), so a check costs nothing on valid input; when it fails,
/// the text is what <c>$"…"</c> would have made (current culture, as string interpolation does).
/// </summary>
[InterpolatedStringHandler]
internal ref struct Foutbericht
{
    private readonly StringBuilder? _tekst;

    public Foutbericht(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _tekst = shouldAppend ? new StringBuilder(literalLength + (formattedCount * 12)) : null;
    }

    public readonly void AppendLiteral(string value) => _tekst?.Append(value);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
        => _tekst?.Append(value is IFormattable f ? f.ToString(format, null) : value?.ToString());

    public readonly void AppendFormatted(string? value) => _tekst?.Append(value);

    public override readonly string ToString() => _tekst?.ToString() ?? string.Empty;
}
