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

    [Theory]
    [InlineData("analyze --samples abc", "--samples", "abc", "a whole number")]
    [InlineData("analyze --seed -3", "--seed", "-3", "a whole number, 0 or more")]
    [InlineData("wartrap examples/wartrap-toy.yaml --attacker A --target B --samples=many", "--samples", "many", "a whole number")]
    [InlineData("bargain examples/eu-emissions.csv --status-quo lots", "--status-quo", "lots", "a number")]
    public void A_value_of_the_wrong_type_names_the_option_and_what_it_expects(string line, string option, string value, string expected)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(line.Split(' '), console);

        code.ShouldBe(2, console.Output);
        console.Output.ShouldStartWith($"error: {option}: expected {expected}", Case.Sensitive, console.Output);
        console.Output.ShouldContain($"'{value}'");
        console.Output.ShouldNotContain("Failed to convert");
    }
}
