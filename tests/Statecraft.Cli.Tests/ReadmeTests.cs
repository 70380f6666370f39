using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary>The README renders as written and its tour names commands that exist.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] Lines = File.ReadAllLines(TestPaths.InRepo("README.md"));

    [Fact]
    public void Every_code_block_is_closed()
    {
        var open = -1;
        for (var i = 0; i < Lines.Length; i++)
        {
            if (!Lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            if (open < 0)
            {
                Lines[i].Length.ShouldBeGreaterThan(3, $"README.md:{i + 1}: a code block opens without a language");
                open = i;
            }
            else
            {
                Lines[i].ShouldBe("```", $"README.md:{i + 1}: the block opened on line {open + 1} is not closed before another opens");
                open = -1;
            }
        }

        open.ShouldBe(-1, $"README.md:{open + 1}: this code block is never closed");
    }

    [Fact]
    public void No_stale_work_in_progress_notes() =>
        Lines.Where(l => l.Contains("Work in progress", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();

    [GeneratedRegex(@"(?:^|\$ |`)(?:statecraft|dotnet run --project src/Statecraft\.Cli --) (?<command>[a-z]+(?: (?:list|show|diff|validate))?)")]
    private static partial Regex CommandUse();

    [Fact]
    public void Every_command_the_readme_runs_is_registered()
    {
        var used = Lines.SelectMany(l => CommandUse().Matches(l)).Select(m => m.Groups["command"].Value).Distinct().ToArray();
        used.ShouldContain("analyze");
        foreach (var command in used)
        {
            var console = new TestConsole();
            StatecraftApp.Run([.. command.Split(' '), "--help"], console).ShouldBe(0, $"README runs 'statecraft {command}': {console.Output}");
        }
    }
}
