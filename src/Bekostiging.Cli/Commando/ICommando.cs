using System.Collections.Generic;
using System.IO;

namespace Bekostiging.Cli.Commando;

/// <summary>One subcommand of the tool. New commands plug in by being listed in <see cref="Program.Commandos"/>.</summary>
internal interface ICommando
{
    string Naam { get; }

    string Omschrijving { get; }

    string Gebruik { get; }

    ISet<string> Vlaggen { get; }

    /// <returns>The exit code.</returns>
    int Voer(Argumenten args, TextWriter uit);
}
