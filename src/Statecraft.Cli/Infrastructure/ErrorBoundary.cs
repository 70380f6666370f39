using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Core.Domain;

namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// The one place where every command's exceptions end: usage errors and <see cref="ProblemException"/>s
/// are bad input (exit 2, located, no stack trace); a failure of the machine (a file that cannot be
/// written, a full disk) is exit 1; anything else is a bug in statecraft, reported as an internal
/// error that names the input and asks for a report (exit 70). New commands get this for free.
/// </summary>
public static class ErrorBoundary
{
    public static int Handle(IAnsiConsole console, Exception exception, IReadOnlyList<string> args)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException:
                console.MarkupLineInterpolated($"[red]error:[/] {UsageErrors.Describe(exception, args)}");
                return ExitCodes.BadInput;
            case ProblemException problems:
                return Output.ReportProblems(console, problems.Problems);
            case IOException or UnauthorizedAccessException:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                return ExitCodes.Failure;
            default:
                var inputs = args.Where(a => !a.StartsWith('-') && (File.Exists(a) || Directory.Exists(a))).ToArray();
                var on = inputs.Length == 0 ? "" : $" on {string.Join(", ", inputs)}";
                console.MarkupLineInterpolated(
                    $"[red]internal error[/]{on}: {exception.GetType().Name}: {exception.Message}");
                console.MarkupLineInterpolated(
                    $"This is a bug in statecraft, not a problem with your input. Please report it with the command line (statecraft {string.Join(' ', args)}) and the input file(s).");
                return ExitCodes.InternalError;
        }
    }
}
