using Spectre.Console.Cli;

namespace Statecraft.Cli.Commands;

/// <summary>Every sub-command of <c>statecraft</c>, registered in one place.</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        // One line per command; keep them in the order the README introduces them.
    }
}
