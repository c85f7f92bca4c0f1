using System;
using System.Globalization;

namespace Bekostiging;

/// <summary>
/// The rules for identifiers (docs/json.md, "Ids"). Two kinds:
/// <list type="bullet">
/// <item><description>A <em>file-safe</em> id — a contract id or an invoice-number prefix, which end up in file names —
/// uses only ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, does not start with a dot, and has at most
/// <see cref="MaximaleLengte"/> characters. So it can never name a parent folder (<c>..</c>), an absolute path, a
/// hidden file or a device.</description></item>
/// <item><description>A <em>clean</em> id — a traject or client id — may use any letters, but no control or format
/// characters (a zero-width space, a BOM), no white space other than a plain space and none at either end, and no
/// digits other than 0–9, so that two ids that look the same are the same.</description></item>
/// </list>
/// </summary>
public static class Kenmerk
{
    /// <summary>The longest id, in characters (a file name with <c>factuur-</c> and <c>.json</c> stays well under 255 bytes).</summary>
    public const int MaximaleLengte = 64;

    /// <summary>Why <paramref name="id"/> is not a file-safe id (contract id, invoice-number prefix), or <see langword="null"/> when it is.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The rule broken, in words, or <see langword="null"/>.</returns>
    public static string? FoutInBestandsnaam(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "an id is not empty.";
        }

        if (id!.Length > MaximaleLengte)
        {
            return FormattableString.Invariant($"an id has at most {MaximaleLengte} characters, not {id.Length}.");
        }

        if (id[0] == '.')
        {
            return "an id does not start with a dot (it would name a hidden file or a parent folder).";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return FormattableString.Invariant($"character {Beschrijf(id, i)} at position {i + 1} is not allowed; an id uses only ASCII letters, digits, '-', '_' and '.'.");
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="id"/> is not a clean id (traject id, client id), or <see langword="null"/> when it is.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The rule broken, in words, or <see langword="null"/>.</returns>
    public static string? FoutInId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "an id is not empty.";
        }

        if (char.IsWhiteSpace(id![0]) || char.IsWhiteSpace(id[id.Length - 1]))
        {
            return "an id has no white space at its start or end.";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var reason = category switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.Format => "an invisible format character",
                UnicodeCategory.Surrogate => "an unpaired surrogate",
                UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => "an unassigned or private-use character",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line break",
                UnicodeCategory.SpaceSeparator when c != ' ' => "white space other than a plain space",
                UnicodeCategory.DecimalDigitNumber when c is < '0' or > '9' => "a digit other than 0–9",
                _ when char.IsWhiteSpace(c) && c != ' ' => "white space other than a plain space",
                _ => null,
            };
            if (reason is not null)
            {
                return FormattableString.Invariant($"character {Beschrijf(id, i)} at position {i + 1} is {reason}; ids that look alike must be the same id.");
            }
        }

        return null;
    }

    /// <summary>Checks a file-safe id.</summary>
    internal static string BestandsnaamVeilig(string? id, string paramName)
    {
        var fout = FoutInBestandsnaam(id);
        Preconditions.Check(fout is null, $"{paramName} '{Zichtbaar(id)}': {fout}");
        return id!;
    }

    /// <summary>Checks a clean id.</summary>
    internal static string Schoon(string? id, string paramName, string? trajectId = null)
    {
        var fout = FoutInId(id);
        Preconditions.Check(fout is null, $"{paramName} '{Zichtbaar(id)}': {fout}", trajectId);
        return id!;
    }

    /// <summary>The id with every character that is not a visible ASCII character written as <c>\uXXXX</c>, so a message shows what is there.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The visible form.</returns>
    public static string Zichtbaar(string? id)
    {
        if (id is null)
        {
            return "null";
        }

        var sb = new System.Text.StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Beschrijf(string id, int i) => FormattableString.Invariant($"U+{(int)id[i]:X4}");
}
