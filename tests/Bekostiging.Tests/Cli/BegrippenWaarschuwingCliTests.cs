using System;
using System.IO;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// Issue 14 point 3 as the tool shows it: a model whose own durability term contradicts the contract's begrippen is
/// allowed (decision 14) but never silent; every command that reads the contract warns on standard error.
/// </summary>
public sealed class BegrippenWaarschuwingCliTests : IDisposable
{
    private readonly EchteCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_model_term_that_contradicts_the_contracts_begrippen_is_warned_about_and_the_run_goes_on()
    {
        // The sample's bonus rule states its own 6-month aaneengesloten term; the contract's begrippen are made 12 months.
        var tekst = File.ReadAllText(Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json"));
        const string zes = "\"duurzaamheidstermijn\": {\n      \"aantal\": 6,";
        Assert.Contains(zes, tekst, StringComparison.Ordinal);
        var contract = _cli.Schrijf("contract.json", tekst.Replace(zes, "\"duurzaamheidstermijn\": {\n      \"aantal\": 12,", StringComparison.Ordinal));

        var (code, uit, fout) = _cli.Run("valideer", "--contract", contract);

        Assert.Equal(0, code);
        Assert.Contains("geldig", uit, StringComparison.Ordinal);
        Assert.StartsWith("waarschuwing: contract ABG-2026: Product re-integratie: ", fout, StringComparison.Ordinal);
        Assert.Contains("rule bonus: durability 6 maanden aaneengesloten differs from the contract's duurzaamheidstermijn of 12 maanden aaneengesloten; the rule's own term applies.", fout, StringComparison.Ordinal);

        // The sample itself has 6 months on both sides: no durability warning (its bonus rule's own 12 hours a week
        // against the begrippen's 0 is warned about in both runs, as it should be).
        (code, _, fout) = _cli.Run("valideer", "--contract", Path.Combine(EchteCli.RepoRoot, "samples", "data", "contract.json"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("durability", fout, StringComparison.Ordinal);
        Assert.Contains("minimum 12 hours per week differs from the contract's minimum of 0 hours per week", fout, StringComparison.Ordinal);
    }
}
