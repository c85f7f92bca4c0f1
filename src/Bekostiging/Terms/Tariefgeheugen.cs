using System.Collections.Concurrent;
using NodaTime;

namespace Bekostiging.Terms;

/// <summary>
/// A memo around a tariff regime: the same (basis, date) asked again is answered from memory. A contract is an
/// immutable record, so its tariff for (basis, date) never changes, while computing it walks the indexation years; the
/// trajecten of one contract ask for the same few tariffs over and over. The contract hands this decorator to the
/// engine with its settlement context; the engine sees only <see cref="ITariefregeling"/>. Safe to share between
/// threads; holds at most <see cref="Maximum"/> answers, then asks the regime itself.
/// </summary>
internal sealed class Tariefgeheugen : ITariefregeling
{
    private const int Maximum = 1 << 16;

    private readonly ITariefregeling _regeling;
    private readonly ConcurrentDictionary<(Bedrag Basis, LocalDate Datum), Bedrag> _antwoorden = new();

    public Tariefgeheugen(ITariefregeling regeling) => _regeling = regeling;

    public Bedrag Tarief(Bedrag basis, LocalDate datum)
    {
        if (_antwoorden.TryGetValue((basis, datum), out var tarief))
        {
            return tarief;
        }

        tarief = _regeling.Tarief(basis, datum);
        if (_antwoorden.Count < Maximum)
        {
            _antwoorden.TryAdd((basis, datum), tarief);
        }

        return tarief;
    }
}
