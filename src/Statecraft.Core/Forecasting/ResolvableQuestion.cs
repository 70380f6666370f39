using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Forecasting;

/// <summary>
/// What settles a question: what counts as yes (binary) or what is measured (numeric, categorical),
/// the deadline by which it must happen or be read, and the source that decides.
/// </summary>
public sealed record ResolutionCriteria(string Criterion, DateOnly Deadline, string DecidedBy);

/// <summary>
/// A probability statement with its provenance: a question's base rate, or the base rate adjusted by
/// judgement. <see cref="Source"/> is the number's main source (field and year for a dataset),
/// <see cref="Cites"/> the further sources the reasoning leans on, <see cref="Low"/>-<see cref="High"/>
/// an optional range around a binary probability.
/// </summary>
public sealed record SourcedPrediction(
    Prediction Prediction,
    SourceRef Source,
    string Reasoning,
    IReadOnlyList<string> Cites,
    double? Low = null,
    double? High = null,
    SourceLocation? Where = null);

/// <summary>How a model question's answer becomes a resolvable question's probability (docs/forecasting.md).</summary>
public enum ModelLinkKind
{
    /// <summary>
    /// The War Trap answer's calibrated probability of a militarized dispute with use of force within
    /// 12 months, brought to the question's window at a constant hazard and, when several dyads can
    /// start the event, combined as "any of them" (independent). An optional sourced share scales it
    /// to a stricter event (e.g. the share of such disputes that reach 25 battle deaths).
    /// </summary>
    WarTrapMid,

    /// <summary>The share of the bargaining outcome's predictive distribution above a threshold on the issue's scale.</summary>
    OutcomeAbove,

    /// <summary>The share of the bargaining outcome's predictive distribution below a threshold on the issue's scale.</summary>
    OutcomeBelow,

    /// <summary>A numeric question forecast by the bargaining outcome's predictive distribution itself.</summary>
    Outcome,
}

/// <summary>The model link of a resolvable question: which model questions drive it, and how.</summary>
public sealed record ModelLink(
    IReadOnlyList<string> Questions,
    ModelLinkKind Kind,
    double? Threshold = null,
    SourcedValue? Share = null,
    SourceLocation? Where = null)
{
    public static readonly IReadOnlyDictionary<string, ModelLinkKind> Names = new Dictionary<string, ModelLinkKind>
    {
        ["war-trap-mid"] = ModelLinkKind.WarTrapMid,
        ["outcome-above"] = ModelLinkKind.OutcomeAbove,
        ["outcome-below"] = ModelLinkKind.OutcomeBelow,
        ["outcome"] = ModelLinkKind.Outcome,
    };

    public string Name => Names.First(n => n.Value == Kind).Key;
}

/// <summary>
/// A dated question a newspaper reader could settle: its kind, what resolves it and by when, the date
/// the forecast is made (the scenario's date unless given), the base rate, the judgement that adjusts
/// it, and optionally the model questions whose answers give its probability instead.
/// </summary>
public sealed record ResolvableQuestion(
    string Id,
    string Text,
    QuestionKind Kind,
    ResolutionCriteria Resolution,
    DateOnly? MadeAt,
    SourcedPrediction BaseRate,
    SourcedPrediction Judgement,
    ModelLink? Model = null,
    IReadOnlyList<string>? Categories = null,
    string? Unit = null,
    SourceLocation? Where = null)
{
    public static readonly IReadOnlyDictionary<string, QuestionKind> KindNames = new Dictionary<string, QuestionKind>
    {
        ["binary"] = QuestionKind.Binary,
        ["numeric"] = QuestionKind.Numeric,
        ["categorical"] = QuestionKind.Categorical,
    };

    public static string KindName(QuestionKind kind) => KindNames.First(k => k.Value == kind).Key;

    public IReadOnlyList<string> CategoryNames => Categories ?? [];

    /// <summary>The date the forecast is made: <see cref="MadeAt"/>, else the scenario's date.</summary>
    public DateOnly ForecastDate(DateOnly scenarioDate) => MadeAt ?? scenarioDate;
}

/// <summary>The rules a scenario's resolvable questions must satisfy, checked with the rest of the scenario.</summary>
internal static class ResolvableQuestionRules
{
    public static void Validate(
        IReadOnlyList<ResolvableQuestion> forecasts,
        ScenarioHeader header,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyList<Question> questions,
        IReadOnlyList<ScenarioIssue> issues,
        Action<string, string, SourceRef, SourceLocation?> checkSource,
        Action<string, string, string, SourceLocation?> add)
    {
        var questionById = questions.GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First());
        var issueById = issues.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in forecasts)
        {
            if (string.IsNullOrWhiteSpace(f.Id)) add("forecast", "id", "expected a non-empty id", f.Where);
            else if (!seen.Add(f.Id)) add(f.Id, "id", "duplicate forecast id", f.Where);
            else if (questionById.ContainsKey(f.Id)) add(f.Id, "id", "a model question has this id: give the resolvable question its own", f.Where);

            var madeAt = f.ForecastDate(header.Date);
            if (madeAt < header.Date)
                add(f.Id, "made_at", $"{madeAt:yyyy-MM-dd} is before the scenario date {header.Date:yyyy-MM-dd}, whose facts it could not have known", f.Where);
            if (f.Resolution.Deadline <= madeAt)
                add(f.Id, "deadline", $"{f.Resolution.Deadline:yyyy-MM-dd} must come after the forecast date {madeAt:yyyy-MM-dd}", f.Where);

            if (f.Kind == QuestionKind.Categorical)
            {
                var categories = f.CategoryNames;
                if (categories.Count < 2) add(f.Id, "categories", "a categorical question needs at least two categories", f.Where);
                else if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count) add(f.Id, "categories", "each category once", f.Where);
            }
            else if (f.Categories is { Count: > 0 })
                add(f.Id, "categories", $"only categorical questions have categories (this one is {ResolvableQuestion.KindName(f.Kind)})", f.Where);

            CheckStatement(f, "base_rate", f.BaseRate, madeAt);
            CheckStatement(f, "judgement", f.Judgement, madeAt);
            if (f.Model is { } link) CheckLink(f, link);
        }

        void CheckStatement(ResolvableQuestion f, string field, SourcedPrediction s, DateOnly madeAt)
        {
            if (string.IsNullOrWhiteSpace(s.Reasoning)) add(f.Id, field, "state the reasoning behind the number", s.Where);
            if (s.Prediction.Kind != f.Kind)
                add(f.Id, field, $"a {ResolvableQuestion.KindName(f.Kind)} question needs a {ResolvableQuestion.KindName(f.Kind)} statement", s.Where);
            else if (f.Kind == QuestionKind.Categorical
                     && !s.Prediction.Categories!.Select(c => c.Category).Order(StringComparer.Ordinal).SequenceEqual(f.CategoryNames.Order(StringComparer.Ordinal)))
                add(f.Id, field, $"give a probability for exactly the categories {string.Join(", ", f.CategoryNames)}", s.Where);
            if (s.Low is { } low && s.High is { } high && s.Prediction.P is { } p && !(low <= p && p <= high))
                add(f.Id, field, $"expected low <= value <= high, found {p} [{low}, {high}]", s.Where);
            checkSource(f.Id, field, s.Source, s.Where);
            foreach (var id in s.Cites.Prepend(s.Source.SourceId))
                if (sources.TryGetValue(id, out var cited) && cited.Date is { } d && d > madeAt)
                    add(f.Id, field, $"source '{id}' is dated {d:yyyy-MM-dd}, after the forecast date {madeAt:yyyy-MM-dd}", s.Where);
            foreach (var id in s.Cites)
                if (!sources.ContainsKey(id)) add(f.Id, field, $"unknown source '{id}' in cites", s.Where);
        }

        void CheckLink(ResolvableQuestion f, ModelLink link)
        {
            if (link.Questions.Count == 0) add(f.Id, "model", "name the model question(s) that drive this one", link.Where);
            var wantsNumeric = link.Kind == ModelLinkKind.Outcome;
            if (wantsNumeric != (f.Kind == QuestionKind.Numeric))
                add(f.Id, "model", $"link '{link.Name}' gives a {(wantsNumeric ? "numeric" : "binary")} forecast; this question is {ResolvableQuestion.KindName(f.Kind)}", link.Where);
            if (link.Kind != ModelLinkKind.WarTrapMid && link.Questions.Count > 1)
                add(f.Id, "model", $"link '{link.Name}' reads one bargaining question", link.Where);
            if (link.Kind != ModelLinkKind.WarTrapMid && link.Share is not null)
                add(f.Id, "model", "share applies only to war-trap-mid links", link.Where);
            var needsThreshold = link.Kind is ModelLinkKind.OutcomeAbove or ModelLinkKind.OutcomeBelow;
            if (needsThreshold != link.Threshold.HasValue)
                add(f.Id, "model", needsThreshold ? $"link '{link.Name}' needs a threshold on the issue's scale" : $"link '{link.Name}' takes no threshold", link.Where);
            foreach (var id in link.Questions)
            {
                if (!questionById.TryGetValue(id, out var q))
                {
                    add(f.Id, "model", $"unknown model question '{id}'", link.Where);
                    continue;
                }

                var wanted = link.Kind == ModelLinkKind.WarTrapMid ? QuestionModel.WarTrap : QuestionModel.Bargaining;
                if (q.Model != wanted)
                    add(f.Id, "model", $"link '{link.Name}' reads a {(wanted == QuestionModel.WarTrap ? "war-trap" : "bargaining")} question; '{id}' is not one", link.Where);
                else if (needsThreshold && q.Issue is not null && issueById.TryGetValue(q.Issue, out var issue)
                         && link.Threshold is { } t && (t < issue.Scale.Min || t > issue.Scale.Max))
                    add(f.Id, "model", $"threshold {t} is outside issue '{issue.Id}''s scale [{issue.Scale.Min}, {issue.Scale.Max}]", link.Where);
            }

            if (link.Share is { } share)
            {
                if (!share.Estimate.IsValid || share.Estimate.Low < 0 || share.Estimate.High > 1)
                    add(f.Id, "model", $"share: expected a probability in [0, 1], found {share.Estimate}", share.Where);
                checkSource(f.Id, "model", share.Source, share.Where);
            }
        }
    }
}
