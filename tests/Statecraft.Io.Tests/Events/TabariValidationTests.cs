using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;
using Xunit.Abstractions;

namespace Statecraft.Io.Tests.Events;

/// <summary>TABARI's own validation suite, loaded unchanged from its .project.</summary>
public sealed class TabariValidationTests(ITestOutputHelper output)
{
    /// <summary>Records still failing; a record leaving this list is progress, one joining it a regression.</summary>
    private static readonly string[] KnownFailures = [
        "COMMA-02C", "COMPLEX-04", "COMPLEX-05", "COMPLEX-06", "COMPLEX-07", "COMPOUND-06", "COMPOUND-08", "COMPOUND-13",
        "COMPOUND-23", "COMPOUND-24", "DEBUG-02", "DEBUG-09", "DEBUG-12", "DEBUG-14", "DEBUG-17", "DEBUG-18a",
        "DEBUG-21", "DEBUG-22", "DEBUG-23", "DEFAULT-07b", "DEMO-05", "FINAL-01", "PATTERN-03a", "PATTERN-31b",
        "SYNSET-22h", "TIME-03", "TIME-04",
    ];

    private static IReadOnlyList<ValidationOutcome> RunSuite()
    {
        var project = TabariFiles.ReadProject(TestPaths.Reference("events", "tabari", "Validate.project")).Value;
        var coder = TabariFiles.LoadCoder(project, strict: true);
        coder.Success.ShouldBeTrue(string.Join("\n", coder.Problems));
        var records = TabariFiles.ReadRecords(project.Text!).Value;
        return TabariValidation.Run(coder.Value.Coder, records);
    }

    [Fact]
    public void Validation_suite_pass_rate_is_held()
    {
        var outcomes = RunSuite();
        var failed = outcomes.Where(o => !o.Passed).ToList();
        foreach (var f in failed)
            output.WriteLine($"FAIL {f.Record.Id}: want [{string.Join(" ", f.Record.Expected.Select(e => $"{e.Source}/{e.Target}/{e.Code}"))}{(f.Record.ExpectDiscard ? " ###" : "")}{(f.Record.ExpectComplex ? " +++" : "")}] got [{string.Join(" ", f.Found.Select(e => $"{e.Source}/{e.Target}/{e.Code}"))}{(f.Coding.Discarded ? " ###" : "")}{(f.Coding.Complex ? " +++ " + f.Coding.Reason : "")}] :: {f.Record.Text}");
        var accuracy = Accuracy.Of(outcomes.Select(o => new ScoredRecord(o.Record.Id,
            [.. o.Record.Expected.Select(e => ScoredEvent.Of(e.Source, e.Target, e.Code))],
            [.. o.Found.Select(e => ScoredEvent.Of(e.Source, e.Target, e.Code))])));
        output.WriteLine($"passed {outcomes.Count - failed.Count} of {outcomes.Count}; (source, target, family) {accuracy}: P {accuracy.Precision:F3} R {accuracy.Recall:F3}");
        failed.Select(f => f.Record.Id).Distinct().Order().ShouldBe(KnownFailures.Order());
        // precision and recall of (source, target, code family) at the level reached (docs/events.md)
        accuracy.Precision.ShouldBeGreaterThanOrEqualTo(Precision);
        accuracy.Recall.ShouldBeGreaterThanOrEqualTo(Recall);
    }

    private const double Precision = 0.927;
    private const double Recall = 0.931;
}

public sealed class TabariExplain(ITestOutputHelper output)
{
    [Fact]
    public void Explain_records_named_in_env()
    {
        var ids = Environment.GetEnvironmentVariable("EXPLAIN")?.Split(',') ?? [];
        if (ids.Length == 0) return;
        var project = TabariFiles.ReadProject(TestPaths.Reference("events", "tabari", "Validate.project")).Value;
        var coder = TabariFiles.LoadCoder(project).Value.Coder;
        foreach (var v in coder.Dictionary.Verbs.Where(v => ids.Contains(v.Root)))
            foreach (var p in v.Patterns) output.WriteLine($"{v.Root}-P: {p.Length} {p.Text} [{p.Code}] " + string.Join(" ", p.Elements.Select(e => $"{e.Kind}:{e.Word?.Text}{(e.Word?.Exact == true ? "_" : "")}{(e.Adjacent ? "(adj)" : "")}")));
        foreach (var r in TabariFiles.ReadRecords(project.Text!).Value)
        {
            if (r.IsOptionChange) { var o = coder.Options; foreach (var l in r.Options) o = TabariFiles.ApplyOption(o, l); coder = coder.With(o); continue; }
            if (ids.Contains(r.Id)) output.WriteLine(r.Id + ": " + coder.Explain(r.Text, r.Date) + "  WANT " + string.Join(" ", r.Expected.Select(e => $"{e.Source}/{e.Target}/{e.Code}")));
        }
    }
}

public sealed class BuiltInExplain(ITestOutputHelper output)
{
    [Fact]
    public void Explain_sentence_named_in_env()
    {
        var sentence = Environment.GetEnvironmentVariable("SENT");
        if (string.IsNullOrEmpty(sentence)) return;
        var coder = BuiltInEvents.LoadCoder(TestPaths.InRepo("data", "events"), [], [], [], BuiltInEvents.ReadingOptions).Value.Coder;
        if (Environment.GetEnvironmentVariable("PETR") is not null)
        {
            var dict = new Core.Events.EventDictionary();
            var dir = TestPaths.Reference("events", "petrarch");
            DictionaryReader.LoadPetrarchVerbs(dict, Path.Combine(dir, "PETR.Validate.verbs.txt"));
            DictionaryReader.LoadActors(dict, Path.Combine(dir, "PETR.Validate.actors.txt"));
            DictionaryReader.LoadAgents(dict, Path.Combine(dir, "PETR.Validate.agents.txt"));
            coder = new Core.Events.Coder(dict.Seal());
        }

        output.WriteLine("EXPLAIN: " + coder.Explain(sentence, 20250715));
    }
}
