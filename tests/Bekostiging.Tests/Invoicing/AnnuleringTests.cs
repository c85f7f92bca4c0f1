using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Bekostiging.Contracts;
using Bekostiging.Invoicing;
using Bekostiging.Json;
using Bekostiging.Tests.Samples;
using NodaTime;
using Xunit;

namespace Bekostiging.Tests.Invoicing;

/// <summary>Ctrl+C in the tool: the token reaches the loops of the contract settlement and the invoice run.</summary>
public sealed class AnnuleringTests
{
    private static readonly LocalDate Datum = new(2026, 12, 31);

    [Fact]
    public void A_token_cancelled_during_the_loop_stops_settlement_and_invoice_run()
    {
        var (contract, trajecten) = Voorbeeld();
        var instellingen = new Factuurinstellingen(Btw.Vrijgesteld, Factuurinstellingen.Reeks("F-"));

        // Cancelled while the 11th traject is taken: the loop looks at the token before it settles each traject, so
        // it stops there — no 12th traject is read — instead of at the end.
        using var a = new CancellationTokenSource();
        var gelezen = 0;
        IEnumerable<TrajectMetGebeurtenissen> Stroom(CancellationTokenSource cts) => trajecten.Select((t, i) =>
        {
            gelezen = i + 1;
            if (i == 10)
            {
                cts.Cancel();
            }

            return t;
        });

        Assert.Throws<OperationCanceledException>(() => contract.Settle(Stroom(a), Datum, a.Token));
        Assert.Equal(11, gelezen);

        using var b = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => Facturatie.Run(contract, Stroom(b), Array.Empty<Factuur>(), Datum, instellingen, b.Token));
        using var c = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => Facturatie.Preview(contract, Stroom(c), Array.Empty<Factuur>(), Datum, instellingen, c.Token));

        // An uncancelled token changes nothing: the same invoice as without one.
        var met = Facturatie.Run(contract, trajecten, Array.Empty<Factuur>(), Datum, instellingen, CancellationToken.None);
        var zonder = Facturatie.Run(contract, trajecten, Array.Empty<Factuur>(), Datum, instellingen);
        Assert.Equal(zonder.TotaalInclusiefBtw, met.TotaalInclusiefBtw);
        Assert.Equal(zonder.Regels.Count, met.Regels.Count);
    }

    private static (Raamovereenkomst Contract, List<TrajectMetGebeurtenissen> Trajecten) Voorbeeld()
    {
        var data = Path.Combine(NotebookTests.RepoRoot(), "samples", "data");
        var contract = JsonLezer.Contract(File.ReadAllText(Path.Combine(data, "contract.json")), "contract.json");
        var doc = JsonLezer.Trajecten(File.ReadAllText(Path.Combine(data, "trajecten.json")), "trajecten.json");
        return (contract, JsonLezer.VoorContract(contract, doc.Trajecten, "trajecten.json").ToList());
    }
}
