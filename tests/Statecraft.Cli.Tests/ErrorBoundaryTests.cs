using Spectre.Console.Testing;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Tests;

/// <summary>Every exception a command lets escape ends in one of three exits, never a stack trace.</summary>
public sealed class ErrorBoundaryTests
{
    [Fact]
    public void A_problem_exception_is_bad_input_with_its_location()
    {
        var console = new TestConsole();
        var code = ErrorBoundary.Handle(console, new ProblemException(new Problem("A", "capability", "too big", new SourceLocation("f.yaml", 3, 4))), ["wartrap", "f.yaml"]);
        code.ShouldBe(ExitCodes.BadInput);
        console.Output.ShouldContain("f.yaml:3:4: A: capability: too big");
    }

    [Fact]
    public void An_unexpected_exception_is_an_internal_error_naming_the_input_and_asking_for_a_report()
    {
        var input = Path.GetTempFileName();
        var console = new TestConsole();
        var code = ErrorBoundary.Handle(console, new InvalidOperationException("boom"), ["coercion", input, "--json"]);
        code.ShouldBe(ExitCodes.InternalError);
        console.Output.ShouldContain("internal error on " + input);
        console.Output.ShouldContain("bug in statecraft");
        console.Output.ShouldNotContain("   at ");
        File.Delete(input);
    }

    [Fact]
    public void Every_help_page_renders()
    {
        // Descriptions are markup: a stray [0, 1] once made bargain --help an error.
        foreach (var command in new[] { "analyze", "bargain", "evaluate", "wartrap", "coercion", "runs list", "runs show", "runs diff", "serve", "ingest", "ingest validate", "timeline" })
        {
            var console = new TestConsole();
            StatecraftApp.Run([.. command.Split(' '), "--help"], console).ShouldBe(0, command);
        }
    }

    [Fact]
    public void A_malformed_limits_variable_is_bad_input()
    {
        var console = new TestConsole();
        var code = StatecraftApp.Run(["--help"], console, name => name == Limits.Variable ? "actors=many" : null);
        code.ShouldBe(2);
        console.Output.ShouldContain("STATECRAFT_LIMITS: actors: expected actors=N");
    }
}
