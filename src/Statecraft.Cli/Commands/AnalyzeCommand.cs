using System.Globalization;
using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;

namespace Statecraft.Cli.Commands;

/// <summary>
/// <c>statecraft analyze [SCENARIO]</c>: answers every question of a scenario (the built-in South
/// Caucasus one by default) with numbers, intervals, drivers and a verdict on the source's claims.
/// </summary>
public sealed class AnalyzeCommand(IAnsiConsole console) : Command<AnalyzeSettings>
{
    public const string BuiltInName = "south-caucasus.yaml";

    /// <summary>The built-in scenario, embedded in this assembly so the main job needs no other file.</summary>
    public static string BuiltInText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BuiltInName)
                           ?? throw new InvalidOperationException("the built-in scenario is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var loaded = settings.Scenario is null
            ? ScenarioLoader.Load(BuiltInText(), $"{BuiltInName} (built in)")
            : ScenarioLoader.LoadFile(settings.Scenario);
        if (!loaded.Success) return Output.ReportProblems(console, loaded.Problems);
        var scenario = settings.ExpertAggregation is { } pooling
            ? loaded.Value.Scenario.WithExpertAggregation(Core.Elicitation.ExpertPooling.Names[pooling])
            : loaded.Value.Scenario;

        var unknown = settings.Policies.Where(p => !scenario.HasPolicy(p)).ToArray();
        if (unknown.Length > 0)
            return Output.ReportProblems(console, unknown.Select(p => new Problem("options", "--policy",
                $"unknown policy '{p}'; this scenario has: {string.Join(", ", scenario.Policies.Select(x => x.Id))}")));

        List<TimelineTrends.TieTrend>? trends = null;
        if (settings.Events.Length > 0)
        {
            var events = TimelineTrends.Load(settings.Events, scenario.Date);
            if (!events.Success) return Output.ReportProblems(console, events.Problems);
            trends = TimelineTrends.ForTies(scenario, events.Value);
        }

        var options = new AnalysisOptions(settings.Samples, settings.Seed, EnsembleWeightsFile.BuiltIn) { Disputes = Io.Models.DisputeModelFile.BuiltIn() };
        var result = Run(scenario, settings, options, cancellationToken);
        var json = AnalyzeJson.From(result, loaded.Value.Sha256);

        if (settings.Out is not null)
        {
            try
            {
                Directory.CreateDirectory(settings.Out);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Output.ReportError(console, $"--out {settings.Out}: cannot create this directory ({WhyNot(e)})", ExitCodes.Failure);
            }

            try
            {
                File.WriteAllText(Path.Combine(settings.Out, "report.md"), AnalyzeReport.Markdown(result, json) + (trends is null ? "" : TimelineTrends.Markdown(trends)));
                if (trends is not null) File.WriteAllText(Path.Combine(settings.Out, "event-trends.json"), Output.ToJson(trends) + "\n");
                File.WriteAllText(Path.Combine(settings.Out, "report.html"), AnalyzeReport.Html(result, json));
                File.WriteAllText(Path.Combine(settings.Out, "analysis.json"), Output.ToJson(json) + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Output.ReportError(console, $"--out {settings.Out}: cannot write the report into this directory ({WhyNot(e)})", ExitCodes.Failure);
            }
        }

        if (settings.Json) Output.WriteJson(console, json);
        else
        {
            WriteFindings(result, json, settings.Out);
            if (trends is not null) TimelineTrends.Write(console, trends);
        }

        return RunsRecording.Record(console, "analyze", settings, Output.ToJson(json));
    }

    // .NET says "Could not find file '/proc/x'" when mkdir fails with ENOENT: say what that means here.
    private static string WhyNot(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "its parent does not exist or does not accept new entries",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.TrimEnd('.'),
    };

    private AnalysisResult Run(Core.Scenarios.Scenario scenario, AnalyzeSettings settings, AnalysisOptions options, CancellationToken ct)
    {
        // The progress bar only where a person watches: not in JSON mode, not when output is redirected.
        if (settings.Json || !console.Profile.Capabilities.Interactive)
            return QuestionEngine.Analyze(scenario, settings.Policies, options, null, ct);

        AnalysisResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"Sampling {options.Samples} draws per question and package");
                var progress = new Progress(task);
                result = QuestionEngine.Analyze(scenario, settings.Policies, options, progress, ct);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private sealed class Progress(ProgressTask task) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Completed;
        }
    }

    private void WriteFindings(AnalysisResult result, AnalyzeJson json, string? outDir)
    {
        var s = result.Scenario;
        console.MarkupLineInterpolated($"[bold]{s.Header.Title}[/] ({s.Id}, dated {s.Date:yyyy-MM-dd}, sha256 {json.Scenario.Sha256[..12]})");
        var applied = result.Policies.Count > 0 ? $", policies applied: {string.Join(", ", result.Policies)}" : "";
        console.MarkupLineInterpolated($"[grey]{result.Options.Samples} Monte Carlo draws per question, seed {result.Options.Seed}{applied}[/]");
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Question");
        table.AddColumn(new TableColumn("Answer").RightAligned());
        table.AddColumn(new TableColumn("90% interval").RightAligned());
        table.AddColumn("Agrees with the article?");
        table.AddColumn("In short");
        foreach (var a in result.Answers)
        {
            // Each claim's own verdict: + agrees, - disagrees, ? not tested by this model.
            var claims = string.Join(" ", a.ClaimVerdicts.Select(v => v.Claim + (v.Outcome switch
            {
                ClaimOutcome.Agrees => "+",
                ClaimOutcome.Disagrees => "-",
                _ => "?",
            })));
            var share = Math.Round(100 * a.ShareAgreeing).ToString(CultureInfo.InvariantCulture);
            var agrees = !a.Available ? "[grey]n/a[/]"
                : a.AgreesWithSource ? $"[green]yes[/], {share}% of draws ({claims})"
                : $"[red]no[/], {share}% of draws ({claims})";
            table.AddRow(
                new Markup(Markup.Escape(a.Question.Id)),
                new Markup(a.Available ? F(a.Value) : "[grey]n/a[/]"),
                new Markup(a.Available ? $"{F(a.Low)} to {F(a.High)}" : ""),
                new Markup(agrees),
                new Markup(Markup.Escape(a.Headline)));
        }

        console.Write(table);
        if (outDir is not null)
            console.MarkupLineInterpolated($"Report: [link]{Path.Combine(outDir, "report.html")}[/] and {Path.Combine(outDir, "report.md")}");
        else
            console.MarkupLine("[grey]Add --out DIR for a report with charts and drivers, --json for machine-readable output.[/]");
    }

    // Two decimals hide small shares (0.00117 of GDP would print as 0.00): below 0.1, two significant digits.
    internal static string F(double x) => Math.Abs(x) >= 10
        ? x.ToString("0", CultureInfo.InvariantCulture)
        : x == 0 || Math.Abs(x) >= 0.1
            ? x.ToString("0.00", CultureInfo.InvariantCulture)
            : x.ToString("G2", CultureInfo.InvariantCulture);
}
