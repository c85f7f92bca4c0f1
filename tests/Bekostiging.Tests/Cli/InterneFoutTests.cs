using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using Bekostiging.Cli;
using Bekostiging.Cli.Commando;
using Xunit;

namespace Bekostiging.Tests.Cli;

/// <summary>
/// Exit code 3 (docs/cli.md): an error that is not the user's — a bug — is reported in one line with its kind, never
/// with a stack trace, and the tool exits 3. No input makes the tool fail this way (that would be the bug), so the
/// test gives the tool a command that fails as a bug would.
/// </summary>
public sealed class InterneFoutTests
{
    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(IndexOutOfRangeException))]
    public void A_bug_exits_3_with_one_message_and_no_stack_trace(Type soort)
    {
        var uit = new StringWriter();
        var fout = new StringWriter();
        var commandos = new ICommando[] { new Stuk((Exception)Activator.CreateInstance(soort, "kapot")!) };

        var code = Program.Run(new[] { "stuk" }, Terminal.Voor(TextReader.Null, uit, fout), commandos, CancellationToken.None);

        Assert.Equal(3, code);
        Assert.Equal(string.Empty, uit.ToString());
        Assert.Equal(
            $"bekostiging stuk: interne fout ({soort.Name}): kapot\n" +
            "Dit is een fout in bekostiging, niet in uw invoer. Meld het, met deze melding en de opdracht die u gaf.\n",
            fout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", fout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_command_without_a_bug_exits_0()
    {
        var fout = new StringWriter();
        var code = Program.Run(new[] { "stuk" }, Terminal.Voor(TextReader.Null, new StringWriter(), fout), new ICommando[] { new Stuk(null) }, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, fout.ToString());
    }

    private sealed class Stuk(Exception? fout) : ICommando
    {
        public string Naam => "stuk";

        public string Omschrijving => "faalt zoals een programmeerfout";

        public string? Toelichting => null;

        public void Definieer(Command command)
        {
        }

        public int Voer(ParseResult p, Terminal t, CancellationToken annulering) => fout is null ? 0 : throw fout;
    }
}
