using Bekostiging.Rapportage;
using Xunit;

namespace Bekostiging.Tests.Rapportage;

/// <summary>Issue 13 point 11: the OWASP rule for CSV cells, on its own (the CLI tests read whole files back with CsvHelper).</summary>
public class CsvInjectieTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 6", "'+31 6")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-T-4", "'-T-4")]
    [InlineData("-", "'-")]
    [InlineData("-12,50", "-12,50")] // an amount in Dutch notation stays a number
    [InlineData("-12.50", "-12.50")]
    [InlineData("-7", "-7")]
    [InlineData("T-1", "T-1")]
    [InlineData("", "")]
    [InlineData("x=1", "x=1")]
    public void A_cell_a_spreadsheet_would_run_gets_an_apostrophe_and_a_number_does_not(string cel, string geschreven)
        => Assert.Equal(geschreven, CsvExport.Neutraliseer(cel));
}
