using System.CommandLine;
using System.Threading;

namespace Bekostiging.Cli.Commando;

/// <summary>
/// One subcommand of the tool. New commands plug in by being listed in <see cref="Program.Commandos"/>; a command
/// declares its options in <see cref="Definieer"/> (made with <see cref="Opties"/>, Dutch descriptions) and does its
/// work in <see cref="Voer"/>. A fresh instance is made for every run of the tool.
/// </summary>
internal interface ICommando
{
    string Naam { get; }

    /// <summary>One line for the list of commands and the top of the help.</summary>
    string Omschrijving { get; }

    /// <summary>Paragraphs printed under the options in <c>--help</c>, or <see langword="null"/>.</summary>
    string? Toelichting { get; }

    /// <summary>Adds the command's options and arguments.</summary>
    void Definieer(Command command);

    /// <summary>Runs the command on a parse without errors.</summary>
    /// <param name="p">The parse.</param>
    /// <param name="t">Standard input, output and error of this run.</param>
    /// <param name="annulering">Cancelled by Ctrl+C; long loops pass it to the engine.</param>
    /// <returns>The exit code.</returns>
    int Voer(ParseResult p, Terminal t, CancellationToken annulering);
}
