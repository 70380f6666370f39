using System.Text.RegularExpressions;
using Spectre.Console.Testing;

namespace Statecraft.Cli.Tests;

/// <summary>
/// Every registered command's --help, found by walking the COMMANDS sections from the root, so a
/// command added later is covered without touching this file.
/// </summary>
public sealed partial class HelpTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    [GeneratedRegex(@"^    (?<name>[a-z][a-z0-9-]*)\b")]
    private static partial Regex CommandLine();

    /// <summary>The sub-commands a help page lists under COMMANDS.</summary>
    private static IEnumerable<string> Listed(string help) =>
        help.Split('\n').SkipWhile(l => !l.StartsWith("COMMANDS:", StringComparison.Ordinal)).Skip(1)
            .Select(l => CommandLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value);

    public static TheoryData<string> Commands()
    {
        var found = new TheoryData<string>();
        var queue = new Queue<string[]>([[]]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var (_, help) = Run([.. path, "--help"]);
            foreach (var name in Listed(help))
            {
                string[] sub = [.. path, name];
                found.Add(string.Join(' ', sub));
                queue.Enqueue(sub);
            }
        }

        return found;
    }

    [Fact]
    public void The_walk_finds_the_commands_of_every_area()
    {
        var commands = Commands().Cast<object[]>().Select(row => (string)row[0]).ToArray();
        commands.ShouldContain("analyze");
        commands.ShouldContain("runs diff");
        commands.ShouldContain("ingest validate");
        commands.Length.ShouldBeGreaterThanOrEqualTo(13);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_that_renders(string command)
    {
        var (code, output) = Run([.. command.Split(' '), "--help"]);
        code.ShouldBe(0, output);
        output.ShouldContain("USAGE:");
        output.ShouldContain("--help");
        output.ShouldNotMatch(@"(?im)^error:");
        output.ShouldNotContain("Exception", Case.Sensitive);
        output.ShouldNotMatch(@"(?m)^\s+at [\w.]+\(");
    }

    [Fact]
    public void Ingest_help_documents_its_own_files_and_options_beside_validate()
    {
        var (code, output) = Run("ingest", "--help");
        code.ShouldBe(0, output);
        output.ShouldContain("<FILE>");
        output.ShouldContain("--date");
        output.ShouldContain("--csv");
        output.ShouldContain("validate");
    }

    [Fact]
    public void Option_descriptions_with_brackets_are_shown_as_written()
    {
        Run("bargain", "--help").Output.ShouldContain("in [0, 1]");
        Run("ingest", "validate", "--help").Output.ShouldContain("\"failed\":[...]");
    }
}
