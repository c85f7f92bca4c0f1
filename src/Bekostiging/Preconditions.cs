using System;
using NodaTime;

namespace Bekostiging;

/// <summary>The one place where argument checks throw, so every error reads the same.</summary>
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

    public static void Check(bool condition, string paramName, object? value, string rule)
    {
        if (!condition)
        {
            throw new BekostigingException(
                FoutCode.OngeldigeParameter,
                FormattableString.Invariant($"{paramName} = {value ?? "null"}: {rule}"));
        }
    }

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
