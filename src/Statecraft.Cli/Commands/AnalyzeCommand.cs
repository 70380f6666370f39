using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;
using Statecraft.Cli.Infrastructure;
using Statecraft.Core.Domain;
using Statecraft.Core.Reporting;
using Statecraft.Core.Scenarios;
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

        var options = new AnalysisOptions(settings.Samples, settings.Seed, EnsembleWeightsFile.BuiltIn, settings.Threads) { Disputes = Io.Models.DisputeModelFile.BuiltIn() };
        var result = Run(scenario, settings, options, cancellationToken);
        var json = AnalyzeJson.From(result, loaded.Value.Sha256);
        var text = Output.ToJson(json);

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
                var report = AnalyzeReport.Build(result, json.Scenario.Sha256, trends, ReportForecasts.DatedEvents(result, cancellationToken));
                File.WriteAllText(Path.Combine(settings.Out, "report.md"), report.ToMarkdown());
                if (trends is not null) File.WriteAllText(Path.Combine(settings.Out, "event-trends.json"), Output.ToJson(trends) + "\n");
                File.WriteAllText(Path.Combine(settings.Out, "report.html"), AnalyzeReport.Html(report, result));
                File.WriteAllText(Path.Combine(settings.Out, "analysis.json"), text + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Output.ReportError(console, $"--out {settings.Out}: cannot write the report into this directory ({WhyNot(e)})", ExitCodes.Failure);
            }
        }

        if (settings.Json) Output.WriteJsonText(console, text);
        else
        {
            WriteFindings(result, json, settings.Out);
            if (trends is not null) TimelineTrends.Write(console, trends);
        }

        return RunsRecording.Record(console, "analyze", settings, text);
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
        // Spectre cuts words when a table is narrow (80 columns, or piped): the titles are wrapped here,
        // between words, in a fixed column as wide as the longest word, which Spectre leaves alone.
        // A third of the console, but never less than the longest word nor more than the longest title.
        var plain = result.Answers.Select(a => QuestionTitles.Of(s, a.Question)).ToArray();
        var longestWord = plain.SelectMany(t => t.Split(' ')).Max(w => w.Length);
        var width = Math.Min(plain.Max(t => t.Length), Math.Max(longestWord, console.Profile.Width / 3));
        var titles = plain.Select(t => Wrap(t, width)).ToArray();
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Question") { Width = width, NoWrap = true });
        table.AddColumn(new TableColumn("Answer (90% interval)").RightAligned());
        table.AddColumn("Agrees with the article?");
        table.AddColumn("In short");
        foreach (var (a, title) in result.Answers.Zip(titles))
        {
            var share = Numbers.Percent(a.ShareAgreeing);
            // Each claim's own verdict: + agrees, - disagrees, ? not tested by this model.
            var claims = string.Join(" ", a.ClaimVerdicts.Select(v => v.Claim + (v.Outcome switch
            {
                ClaimOutcome.Agrees => "+",
                ClaimOutcome.Disagrees => "-",
                _ => "?",
            })));
            var perClaim = claims.Length > 0 ? $"; {Markup.Escape(claims)}" : "";
            // A policy comparison counts packages: there are no draws to share out.
            var basis = a.Question.Model == QuestionModel.PolicyComparison ? Markup.Escape(claims) : $"{share} of draws{perClaim}";
            var agrees = !a.Available ? "[grey]n/a[/]"
                : a.AgreesWithSource ? $"[green]yes[/] ({basis})"
                : $"[red]no[/] ({basis})";
            table.AddRow(
                new Markup(Markup.Escape(title)),
                new Markup(!a.Available ? "[grey]n/a[/]" : a.Low == a.High ? Numbers.Value(a.Value) : $"{Numbers.Value(a.Value)} ({Numbers.Value(a.Low)} to {Numbers.Value(a.High)})"),
                new Markup(agrees),
                new Markup(Markup.Escape(a.Headline)));
        }

        console.Write(table);
        console.MarkupLine("[grey]Claims: + agrees, - disagrees, ? not tested by the question's model.[/]");
        if (outDir is not null)
            console.MarkupLineInterpolated($"Report: [link]{Path.Combine(outDir, "report.html")}[/] and {Path.Combine(outDir, "report.md")}");
        else
            console.MarkupLine("[grey]Add --out DIR for a report with charts and drivers, --json for machine-readable output.[/]");
    }

    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }

        lines.Add(line);
        return string.Join('\n', lines);
    }
}
