using System;
using System.Collections.Generic;

namespace Bekostiging.Contracts;

/// <summary>
/// The trajecten of one settlement or invoice run, by id: refuses an id given twice, also when the two differ only
/// in case (<c>T-00005</c> and <c>t-00005</c>), because an export quirk must not make one client two trajecten that
/// are both billed (issue 13 point 15; the JSON reader applies the same rule with the file position).
/// </summary>
internal sealed class TrajectIds
{
    private readonly string _contractId;
    private readonly Dictionary<string, string> _gezien = new(StringComparer.OrdinalIgnoreCase);

    public TrajectIds(string contractId) => _contractId = contractId;

    /// <summary>Adds a traject id; throws when it, or an id that differs from it only in case, was added before.</summary>
    public void Voeg(string id)
    {
        var nieuw = !_gezien.TryGetValue(id, out var eerder);
        Preconditions.Check(
            nieuw,
            $"{(string.Equals(eerder, id, StringComparison.Ordinal) ? $"traject {id} is given twice in contract {_contractId}." : $"traject ids {eerder} and {id} differ only in case: one traject given twice in contract {_contractId}.")}",
            id);

        _gezien.Add(id, id);
    }
}
