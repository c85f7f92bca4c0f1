using System.IO;
using System.Text.Json;

namespace Bekostiging.Json;

/// <summary>Writes any document or result of the library in the JSON format.</summary>
public static partial class JsonSchrijver
{
    /// <summary>Serializes a value (contract, trajecten, settlement, invoice, statement, comparison).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="JsonException">A text in the value has an unpaired surrogate (it cannot be written without changing it).</exception>
    public static string Naar<T>(T value) => JsonSerializer.Serialize(value, JsonFormaat.Uitvoer);

    /// <summary>Serializes a value as one line (for JSON Lines).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>JSON without line breaks.</returns>
    /// <exception cref="JsonException">A text in the value has an unpaired surrogate.</exception>
    public static string NaarRegel<T>(T value) => JsonSerializer.Serialize(value, Compact);

    private static readonly JsonSerializerOptions Compact = new(JsonFormaat.Uitvoer) { WriteIndented = false };

    /// <summary>
    /// Serializes a value as an input document: only the properties the reader accepts (computed ones such as a
    /// contract's einddatum or a rule's omschrijving are left out), indented.
    /// </summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="ingesprongen">Indented (default) or on one line (for JSON Lines).</param>
    /// <returns>JSON that <see cref="JsonLezer"/> reads back to an equal value.</returns>
    /// <exception cref="JsonException">A text in the value has an unpaired surrogate.</exception>
    public static string NaarInvoer<T>(T value, bool ingesprongen = true)
        => JsonSerializer.Serialize(value, ingesprongen ? InvoerIngesprongen : JsonFormaat.Invoer);

    private static readonly JsonSerializerOptions InvoerIngesprongen = new(JsonFormaat.Invoer) { WriteIndented = true };

    /// <summary>Reads back a value written by <see cref="Naar{T}"/> (lenient: computed totals are ignored).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static T? Van<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonFormaat.Uitvoer);

    /// <summary>
    /// The JSON Schema of an input document, as shipped in the package (contract, trajecten, traject, facturen, scenario),
    /// or <c>common</c>: the definitions they share (dates, amounts, durations), to which they refer by a relative
    /// <c>$ref</c> such as <c>common.schema.json#/$defs/datum</c>. A validator needs all six, registered by their <c>$id</c>.
    /// </summary>
    /// <param name="naam">The schema name, e.g. "contract".</param>
    /// <returns>The schema text.</returns>
    public static string Schema(string naam)
    {
        using var stream = typeof(JsonSchrijver).Assembly.GetManifestResourceStream($"Bekostiging.Json.Schemas.{naam}.schema.json")
            ?? throw new FileNotFoundException($"No schema named '{naam}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
