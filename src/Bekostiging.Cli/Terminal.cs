using System;
using System.IO;
using System.Threading;

namespace Bekostiging.Cli;

/// <summary>
/// Where one run of the tool reads and writes: standard input, output and error, whether each is a terminal, the width
/// of the output and whether colour may be used. A test passes its own writers (never a terminal, no colour).
/// </summary>
internal sealed class Terminal
{
    private static readonly AsyncLocal<Terminal?> Actief = new();

    public Terminal(TextReader invoer, TextWriter uit, TextWriter fout, bool uitIsTerminal, bool foutIsTerminal, int? breedte)
    {
        Invoer = invoer;
        Uit = uit;
        Fout = fout;
        UitIsTerminal = uitIsTerminal;
        FoutIsTerminal = foutIsTerminal;
        Breedte = Math.Clamp(Kolommen() ?? breedte ?? StandaardBreedte, 40, 1000);

        // https://no-color.org: a non-empty NO_COLOR turns colour off; so does a dumb terminal or any redirection.
        Kleur = uitIsTerminal
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
    }

    /// <summary>The width of tables when the width is not known (redirected output without <c>COLUMNS</c>).</summary>
    public const int StandaardBreedte = 100;

    /// <summary>The terminal of the run on this async flow, for reading <c>-</c> and writing <c>-</c>.</summary>
    public static Terminal Huidig => Actief.Value ?? throw new InvalidOperationException("no terminal for this run.");

    public TextReader Invoer { get; }

    public TextWriter Uit { get; }

    public TextWriter Fout { get; }

    public bool UitIsTerminal { get; }

    public bool FoutIsTerminal { get; }

    /// <summary>The number of columns tables must fit in: <c>COLUMNS</c>, else the console's width, else 100.</summary>
    public int Breedte { get; }

    /// <summary>Whether ANSI colour and styles may be written to standard output.</summary>
    public bool Kleur { get; }

    /// <summary>Whether standard input was read already (by an earlier <c>-</c> of this run).</summary>
    public bool InvoerGelezen { get; set; }

    /// <summary>The text read from standard input, to show the schema's explanation under a reading error.</summary>
    public string? InvoerTekst { get; set; }

    public static Terminal Console()
    {
        var uitTerm = !System.Console.IsOutputRedirected;
        int? breedte = null;
        if (uitTerm)
        {
            try
            {
                breedte = System.Console.WindowWidth > 0 ? System.Console.WindowWidth : null;
            }
            catch (IOException)
            {
                breedte = null;
            }
        }

        // Standard input is decoded as strictly as a file (Cli.Invoer.StrengUtf8): invalid UTF-8 is refused, never read as
        // U+FFFD. Console.In would replace the bad bytes silently.
        var invoer = new StreamReader(System.Console.OpenStandardInput(), Bekostiging.Cli.Invoer.StrengUtf8, detectEncodingFromByteOrderMarks: true);
        return new Terminal(invoer, System.Console.Out, System.Console.Error, uitTerm, !System.Console.IsErrorRedirected, breedte);
    }

    public static Terminal Voor(TextReader invoer, TextWriter uit, TextWriter fout) => new(invoer, uit, fout, false, false, null);

    /// <summary>Makes this the terminal of the current async flow (and the tasks it starts).</summary>
    public void Activeer() => Actief.Value = this;

    private static int? Kolommen()
        => int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
