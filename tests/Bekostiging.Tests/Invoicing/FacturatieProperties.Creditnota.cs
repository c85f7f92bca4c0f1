using System;
using System.Collections.Generic;
using System.Linq;
using Bekostiging.Invoicing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Bekostiging.Tests.Invoicing;

/// <summary>
/// The same generated histories issued as separate documents (<see cref="Facturatie.Documenten"/>): a factuur with the
/// debit lines, and a creditnota per corrected invoice with its own number from the same series.
/// </summary>
public partial class FacturatieProperties
{
    private static List<Factuur> DocumentenAll(Scenario s, IEnumerable<LocalDate> runs)
    {
        var documenten = new List<Factuur>();
        foreach (var t in runs)
        {
            documenten.AddRange(Facturatie.Documenten(s.Contract, s.Trajecten, documenten, t, Instellingen));
        }

        return documenten;
    }

    [Property(MaxTest = 300)]
    public Property Documents_of_any_spacing_of_runs_sum_to_the_settlement_at_the_last_run() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var last = s.Runs[^1];
            var target = Target(s, last);
            return (SameAsTarget(DocumentenAll(s, s.Runs), target) && SameAsTarget(DocumentenAll(s, new[] { last }), target)).Label(s.ToString());
        });

    [Property(MaxTest = 300)]
    public Property Issuing_the_same_run_again_issues_no_document() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var documenten = DocumentenAll(s, s.Runs);
            return (Facturatie.Documenten(s.Contract, s.Trajecten, documenten, s.Runs[^1], Instellingen).Count == 0).Label(s.ToString());
        });

    [Property(MaxTest = 300)]
    public Property A_run_issues_the_lines_of_the_netted_run_split_over_a_factuur_and_creditnotas() =>
        Prop.ForAll(Scenarios(), s =>
        {
            // On the same history, the documents hold exactly the lines of the single netted invoice (Run), in its order per kind.
            var history = new List<Factuur>();
            foreach (var t in s.Runs)
            {
                var netted = Facturatie.Run(s.Contract, s.Trajecten, history, t, Instellingen);
                var documenten = Facturatie.Documenten(s.Contract, s.Trajecten, history, t, Instellingen);
                static string Line(Factuurregel r) => $"{r.TrajectId}|{r.Sleutel}|{r.Soort}|{r.Bedrag.ToInvariantString()}|{r.Corrigeert}";
                var expected = netted.Regels.Select(Line).OrderBy(x => x, StringComparer.Ordinal).ToList();
                var actual = documenten.SelectMany(d => d.Regels).Select(Line).OrderBy(x => x, StringComparer.Ordinal).ToList();
                if (!expected.SequenceEqual(actual))
                {
                    return false.Label($"run {t:yyyy-MM-dd}: lines differ\nnetted: {string.Join("; ", expected)}\ndocuments: {string.Join("; ", actual)}\n{s}");
                }

                history.AddRange(documenten);
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 300)]
    public Property Every_creditnota_credits_lines_of_the_one_earlier_factuur_it_names_and_numbers_follow_one_series() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var documenten = DocumentenAll(s, s.Runs);
            var seen = new Dictionary<string, Factuur>(StringComparer.Ordinal);
            for (var n = 0; n < documenten.Count; n++)
            {
                var d = documenten[n];
                // The n-th document issued, whatever its kind, has the n-th number of the series F-0001, F-0002, …
                if (d.Nummer != $"F-{n + 1:0000}" || d.IsLeeg || d.IsConcept)
                {
                    return false.Label($"document {n + 1} is {d.Nummer} (leeg {d.IsLeeg}, concept {d.IsConcept})\n{s}");
                }

                if (d.Regels.Select((r, i) => r.Regelnummer == i + 1).Any(ok => !ok))
                {
                    return false.Label($"{d.Nummer}: lines not numbered from 1");
                }

                if (d.Soort == Documentsoort.Factuur)
                {
                    if (d.Corrigeert is not null || d.Regels.Any(r => r.Soort != Regelsoort.Debet))
                    {
                        return false.Label($"factuur {d.Nummer} holds a credit or names a correction\n{s}");
                    }
                }
                else
                {
                    // A creditnota names an earlier factuur, and each of its lines refers to a debit line of that factuur.
                    if (d.Corrigeert is null || !seen.TryGetValue(d.Corrigeert, out var origineel) || origineel.Soort != Documentsoort.Factuur
                        || d.Regels.Any(r => r.Soort != Regelsoort.Credit || r.Bedrag >= Bedrag.Nul || r.Corrigeert?.Factuurnummer != d.Corrigeert
                            || !origineel.Regels.Any(o => o.Regelnummer == r.Corrigeert.Regelnummer && o.Sleutel == r.Sleutel && o.TrajectId == r.TrajectId && o.Soort == Regelsoort.Debet)))
                    {
                        return false.Label($"creditnota {d.Nummer} (corrigeert {d.Corrigeert}) is inconsistent\n{s}");
                    }
                }

                seen[d.Nummer] = d;
            }

            return true.ToProperty();
        });
}
