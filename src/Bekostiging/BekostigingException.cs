using System;

namespace Bekostiging;

/// <summary>
/// The one exception type for domain errors: malformed event streams, invalid terms, contract rules broken.
/// It carries a stable <see cref="Code"/> and, where known, the traject, the event and the rule concerned, so a
/// message can be traced back to the input that caused it.
/// </summary>
public sealed class BekostigingException : Exception
{
    /// <summary>Creates a domain error.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="regel">The rule that was broken, in words.</param>
    /// <param name="trajectId">The traject concerned, if any.</param>
    /// <param name="gebeurtenisId">The event concerned, if any.</param>
    public BekostigingException(FoutCode code, string regel, string? trajectId = null, string? gebeurtenisId = null)
        : base(Compose(code, regel, trajectId, gebeurtenisId))
    {
        Code = code;
        Regel = regel;
        TrajectId = trajectId;
        GebeurtenisId = gebeurtenisId;
    }

    /// <summary>The stable error code.</summary>
    public FoutCode Code { get; }

    /// <summary>The rule that was broken, in words (without traject and event).</summary>
    public string Regel { get; }

    /// <summary>The traject concerned, or <see langword="null"/> when the error is not about one traject.</summary>
    public string? TrajectId { get; }

    /// <summary>The event concerned, or <see langword="null"/> when the error is not about one event.</summary>
    public string? GebeurtenisId { get; }

    /// <summary>Returns a copy of this error that names the given traject (used when an error surfaces below the traject).</summary>
    /// <param name="trajectId">The traject concerned.</param>
    /// <returns>The same error, naming the traject.</returns>
    public BekostigingException MetTraject(string trajectId) => new(Code, Regel, trajectId, GebeurtenisId);

    private static string Compose(FoutCode code, string regel, string? trajectId, string? gebeurtenisId)
    {
        var where = (trajectId, gebeurtenisId) switch
        {
            (null, null) => string.Empty,
            (not null, null) => $"traject {trajectId}: ",
            (null, not null) => $"event {gebeurtenisId}: ",
            _ => $"traject {trajectId}, event {gebeurtenisId}: ",
        };
        return $"[{code}] {where}{regel}";
    }
}
