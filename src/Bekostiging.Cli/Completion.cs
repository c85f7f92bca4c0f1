using System.CommandLine;

namespace Bekostiging.Cli;

/// <summary>
/// <c>bekostiging completion bash|zsh|pwsh</c>: prints a script that lets the shell complete commands, options and
/// values by asking the tool itself (System.CommandLine's <c>[suggest:positie]</c> directive). Load it from the shell's
/// start file, e.g. <c>source &lt;(bekostiging completion bash)</c> in <c>~/.bashrc</c>.
/// </summary>
internal static class Completion
{
    private const string Bash = """
        # bekostiging: aanvullen met Tab in bash. In ~/.bashrc: source <(bekostiging completion bash)
        _bekostiging_aanvullen() {
          local IFS=$'\n'
          COMPREPLY=($(bekostiging "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
        }
        complete -o default -F _bekostiging_aanvullen bekostiging

        """;

    private const string Zsh = """
        # bekostiging: aanvullen met Tab in zsh. In ~/.zshrc: source <(bekostiging completion zsh)
        _bekostiging_aanvullen() {
          local -a woorden
          woorden=("${(@f)$(bekostiging "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a woorden
        }
        compdef _bekostiging_aanvullen bekostiging

        """;

    private const string Pwsh = """
        # bekostiging: aanvullen met Tab in PowerShell. In $PROFILE: bekostiging completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName bekostiging -ScriptBlock {
            param($woord, $ast, $positie)
            bekostiging "[suggest:$positie]" "$ast" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;

    public static Command Maak(Terminal t)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh of pwsh", HelpName = "bash|zsh|pwsh" };
        shell.CompletionSources.Add("bash", "zsh", "pwsh");
        shell.CustomParser = r =>
        {
            var w = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            if (w is not ("bash" or "zsh" or "pwsh"))
            {
                r.AddError($"completion {w}: kies bash, zsh of pwsh.");
            }

            return w;
        };
        var c = new Command("completion", "print een script voor aanvullen met Tab (bash, zsh, pwsh)") { shell };
        c.SetAction(p =>
        {
            t.Uit.Write(p.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Pwsh,
            });
            return 0;
        });
        return c;
    }
}
