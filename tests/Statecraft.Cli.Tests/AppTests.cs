using Spectre.Console.Testing;

namespace Statecraft.Cli.Tests;

public sealed class AppTests
{
    [Fact]
    public void Unknown_command_is_bad_input_without_a_stack_trace()
    {
        var console = new TestConsole();
        var code = StatecraftApp.Run(["no-such-command"], console);

        code.ShouldBe(2);
        console.Output.ShouldContain("Unknown command");
        console.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Help_lists_the_application_name()
    {
        var console = new TestConsole();
        StatecraftApp.Run(["--help"], console).ShouldBe(0);
        console.Output.ShouldContain("statecraft");
    }
}
