using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Bekostiging.Settlement;
using Xunit;
using Xunit.Abstractions;

namespace Bekostiging.Tests.Settlement;

/// <summary>One test per hand-worked case in Cases/*.json (domain.md §11 examples and edges per model).</summary>
public class SettlementCaseTests
{
    private readonly ITestOutputHelper _output;

    public SettlementCaseTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Cases() => CaseReader.ReadAll().Select(c => new object[] { c.File, c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, string name)
    {
        var c = CaseReader.ReadAll().Single(x => x.File == file && x.Name == name);
        var expected = c.Expected;
        var context = SettlementContext.Standaard with { Begrippen = c.Begrippen };
        if (expected.TryGetProperty("error", out var error))
        {
            var ex = Assert.Throws<BekostigingException>(() => SettlementEngine.Settle(c.Traject, c.Events, c.Peildatum, context));
            var failure = $"case {c}\n{c.Description}\nexpected error {error.GetRawText()}\nactual: {ex.Message}";
            Assert.True(ex.Code.ToString() == error.GetProperty("code").GetString(), failure);
            if (error.TryGetProperty("eventId", out var eid))
            {
                Assert.True(ex.GebeurtenisId == eid.GetString(), failure);
            }

            Assert.Equal(c.Traject.Id, ex.TrajectId);
            Assert.Contains(c.Traject.Id, ex.Message, System.StringComparison.Ordinal);
            return;
        }

        var a = SettlementEngine.Settle(c.Traject, c.Events, c.Peildatum, context);
        var problems = new List<string>();
        var status = expected.GetProperty("status").GetString();
        if (!string.Equals(a.Status.ToString(), status, System.StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"status: expected {status}, actual {a.Status}");
        }

        Compare("due", expected.GetProperty("due"), a.Verschuldigd, problems);
        Compare("pending", expected.GetProperty("pending"), a.Verwacht, problems);
        if (expected.TryGetProperty("totalDue", out var td) && td.GetDecimal() != a.TotaalVerschuldigd.Euros)
        {
            problems.Add($"totalDue: expected {td.GetDecimal()}, actual {a.TotaalVerschuldigd.ToInvariantString()}");
        }

        if (expected.TryGetProperty("totalPending", out var tp) && tp.GetDecimal() != a.TotaalVerwacht.Euros)
        {
            problems.Add($"totalPending: expected {tp.GetDecimal()}, actual {a.TotaalVerwacht.ToInvariantString()}");
        }

        if (expected.TryGetProperty("notPayable", out var np))
        {
            foreach (var item in np.EnumerateArray())
            {
                var id = item.GetProperty("eventId").GetString();
                var reason = item.GetProperty("reason").GetString();
                if (!a.NietBetaalbaarItems.Any(n => n.GebeurtenisId == id && n.Reden.ToString() == reason))
                {
                    problems.Add($"notPayable: expected {id} {reason}");
                }
            }
        }

        // Every event given has exactly one primary place (domain.md §5, "nothing is lost").
        var ids = c.Events.Select(e => e.Id).Distinct().OrderBy(x => x, System.StringComparer.Ordinal);
        if (!ids.SequenceEqual(a.Verantwoording.Select(v => v.GebeurtenisId).OrderBy(x => x, System.StringComparer.Ordinal)))
        {
            problems.Add("accounting: not every event has exactly one primary place");
        }

        if (problems.Count > 0)
        {
            var message = $"case {c}\n{c.Description}\ninput: {c.Raw}\n--- problems:\n{string.Join("\n", problems)}\n--- actual:\n{CaseReader.Describe(a)}";
            _output.WriteLine(message);
            Assert.Fail(message);
        }
    }

    private static void Compare(string what, JsonElement expected, IReadOnlyList<Afrekeningsregel> actual, List<string> problems)
    {
        var exp = expected.EnumerateArray()
            .Select(e => $"{e.GetProperty("key").GetString()} {e.GetProperty("dueDate").GetString()} {e.GetProperty("amount").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)}")
            .OrderBy(x => x, System.StringComparer.Ordinal).ToList();
        var act = actual
            .Select(l => $"{l.Sleutel} {l.Vervaldatum:yyyy-MM-dd} {l.Bedrag.ToInvariantString()}")
            .OrderBy(x => x, System.StringComparer.Ordinal).ToList();
        foreach (var missing in exp.Except(act))
        {
            problems.Add($"{what}: expected line missing: {missing}");
        }

        foreach (var extra in act.Except(exp))
        {
            problems.Add($"{what}: unexpected line: {extra}");
        }
    }
}
