using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// Spectre's help, except that a branch with a default command (<c>ingest FILE...</c> beside
/// <c>ingest validate</c>) documents that command's arguments and options, not only its sub-commands.
/// </summary>
internal sealed class StatecraftHelp(ICommandAppSettings settings) : HelpProvider(settings)
{
    private static ICommandInfo? Effective(ICommandInfo? command) =>
        command is { IsBranch: true, DefaultCommand: { } shown } ? shown : command;

    public override IEnumerable<IRenderable> GetUsage(ICommandModel model, ICommandInfo? command) =>
        base.GetUsage(model, Effective(command));

    public override IEnumerable<IRenderable> GetArguments(ICommandModel model, ICommandInfo? command) =>
        base.GetArguments(model, Effective(command));

    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, Effective(command));
}
