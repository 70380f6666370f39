using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Io.Forecasting;
using Statecraft.Store;

namespace Statecraft.Cli.Commands;

public sealed class ResolveSettings : StoredRunSettings
{
    [CommandArgument(0, "[QUESTION]")]
    [Description("The resolvable question's id, as `statecraft forecast` lists it.")]
    public string? Question { get; init; }

    [CommandArgument(1, "[OUTCOME]")]
    [Description("yes or no (binary), a number (numeric) or a category (categorical).")]
    public string? Outcome { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("When it was settled, YYYY-MM-DD.")]
    public string? Date { get; init; }

    [CommandOption("--source <TEXT>")]
    [Description("What settled it: a report or official statement, with its address.")]
    public string? Source { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Correct an earlier resolution: a new record with this reason (the first stays in the store).")]
    public string? Reason { get; init; }

    [CommandOption("--file <CSV>")]
    [Description("Resolve many at once from CSV: question,outcome,date,source (optional fifth column reason). All or nothing.")]
    public string? File { get; init; }

    public override ValidationResult Validate()
    {
        if (File is not null)
            return Question is null && Outcome is null && Date is null && Source is null && Reason is null
                ? ValidationResult.Success()
                : ValidationResult.Error("--file takes its questions, outcomes, dates, sources and reasons from the file: give nothing else");
        if (Question is null || Outcome is null) return ValidationResult.Error("give QUESTION and OUTCOME (yes, no, a number or a category), or --file CSV");
        if (Date is null) return ValidationResult.Error("--date: say when it was settled (YYYY-MM-DD)");
        if (string.IsNullOrWhiteSpace(Source)) return ValidationResult.Error("--source: say what settled it");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>statecraft resolve QUESTION OUTCOME --date D --source TEXT</c> and <c>resolve --file CSV</c>:
/// records what happened beside the ledger. Checked against the ledger first; one problem and nothing
/// is recorded.
/// </summary>
public sealed class ResolveCommand(IAnsiConsole console) : Command<ResolveSettings>
{
    public override int Execute(CommandContext context, ResolveSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResolutionRequest> requests;
        IReadOnlyList<Problem> malformed;
        if (settings.File is not null) (requests, malformed) = ResolutionsCsv.ReadLines(settings.File);
        else if (!DateOnly.TryParseExact(settings.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            (requests, malformed) = ([], [new Problem(settings.Question!, "--date", $"expected a date YYYY-MM-DD, found '{settings.Date}'")]);
        else (requests, malformed) = ([new ResolutionRequest(settings.Question!, settings.Outcome!, date, settings.Source!, settings.Reason)], []);

        var store = settings.OpenStore();
        var now = DateTimeOffset.UtcNow;
        ParseResult<IReadOnlyList<Resolution>> recorded;
        try
        {
            if (malformed.Count > 0)
            {
                // Check the well-formed lines against the ledger as well, so the file's every problem shows at once.
                var check = ResolutionRules.Check(requests, store.Forecasts(), store.Resolutions(), now, RunsRecording.Version);
                return Output.ReportProblems(console, malformed.Concat(check.Problems)
                    .OrderBy(p => p.Location?.Line ?? 0).ThenBy(p => p.Location?.Column ?? 0), "nothing was recorded");
            }

            recorded = store.RecordResolutions((ledger, existing) => ResolutionRules.Check(requests, ledger, existing, now, RunsRecording.Version));
        }
        catch (RunStoreException e)
        {
            return Output.ReportError(console, $"nothing was recorded: {e.Message}", ExitCodes.Failure);
        }

        if (!recorded.Success) return Output.ReportProblems(console, recorded.Problems, "nothing was recorded");
        foreach (var r in recorded.Value)
            console.MarkupLineInterpolated($"{r.QuestionId}: [bold]{r.Outcome.ToString()}[/] on {r.Date:yyyy-MM-dd} (record {r.Id}{(r.Corrects is { } c ? $", corrects record {c}" : "")})");
        console.MarkupLineInterpolated($"[grey]{recorded.Value.Count} resolution(s) recorded in {store.Path}; see `statecraft score`.[/]");
        return ExitCodes.Ok;
    }
}
