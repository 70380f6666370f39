using Statecraft.Core.Domain;

namespace Statecraft.Core.Forecasting;

/// <summary>
/// One recorded forecast, as the ledger keeps it: the question (id, text, kind, categories, deadline),
/// who made it (<see cref="Forecaster"/>; <see cref="Headline"/> marks the one `forecast` reported),
/// the prediction and the base rate, the date it was made, the scenario it came from (id and SHA-256),
/// the Statecraft version, and when it was written. <see cref="Detail"/> is a JSON document with the
/// resolution criteria, the ICD 203 term and the drivers. A recorded forecast is never changed.
/// </summary>
public sealed record LedgerEntry(
    long Id,
    string QuestionId,
    string Question,
    QuestionKind Kind,
    IReadOnlyList<string> Categories,
    string Forecaster,
    bool Headline,
    Prediction Prediction,
    Prediction BaseRate,
    DateOnly MadeAt,
    DateOnly Deadline,
    string ScenarioId,
    string ScenarioSha256,
    string Version,
    DateTimeOffset RecordedAt,
    long? RunId,
    string Detail)
{
    // Categories compare by content, so an entry read back from the store equals the one recorded.
    public bool Equals(LedgerEntry? other) =>
        other is not null && Id == other.Id && QuestionId == other.QuestionId && Question == other.Question && Kind == other.Kind
        && Categories.SequenceEqual(other.Categories) && Forecaster == other.Forecaster && Headline == other.Headline
        && Prediction.Equals(other.Prediction) && BaseRate.Equals(other.BaseRate) && MadeAt == other.MadeAt && Deadline == other.Deadline
        && ScenarioId == other.ScenarioId && ScenarioSha256 == other.ScenarioSha256 && Version == other.Version
        && RecordedAt == other.RecordedAt && RecordedAt.Offset == other.RecordedAt.Offset && RunId == other.RunId && Detail == other.Detail;

    public override int GetHashCode() => HashCode.Combine(Id, QuestionId, Forecaster, MadeAt);
}

/// <summary>
/// What settled a question: the outcome, the date it was settled, the source, when it was recorded.
/// A correction is a later record that names the one it <see cref="Corrects"/> and gives a <see cref="Reason"/>.
/// </summary>
public sealed record Resolution(
    long Id,
    string QuestionId,
    Outcome Outcome,
    DateOnly Date,
    string Source,
    DateTimeOffset RecordedAt,
    long? Corrects,
    string? Reason,
    string Version);

/// <summary>
/// A resolution as a user gives it (command line or one CSV line), not yet checked: the outcome as
/// typed, and where each field came from so that a problem names its file, line and field.
/// </summary>
public sealed record ResolutionRequest(
    string QuestionId,
    string OutcomeText,
    DateOnly Date,
    string Source,
    string? Reason,
    SourceLocation? Where = null);

/// <summary>The checks a resolution must pass before it is recorded, all reported at once.</summary>
public static class ResolutionRules
{
    /// <summary>
    /// The resolutions to record, or every problem: a question the ledger does not know, an outcome of
    /// the wrong kind, a question already resolved without a reason to correct it (or resolved twice in
    /// one batch), a correction of a question never resolved, a yes dated after the deadline or before
    /// the forecast, an empty source.
    /// </summary>
    public static ParseResult<IReadOnlyList<Resolution>> Check(
        IReadOnlyList<ResolutionRequest> requests,
        IReadOnlyList<LedgerEntry> ledger,
        IReadOnlyList<Resolution> existing,
        DateTimeOffset recordedAt,
        string version)
    {
        var questions = ledger.GroupBy(e => e.QuestionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var current = Current(existing);
        var problems = new List<Problem>();
        var accepted = new List<Resolution>();
        var inBatch = new Dictionary<string, ResolutionRequest>(StringComparer.Ordinal);
        foreach (var r in requests)
        {
            void Add(string field, string message) => problems.Add(new Problem(r.QuestionId, field, message, r.Where));
            if (!questions.TryGetValue(r.QuestionId, out var entries))
            {
                Add("question", "unknown question: the ledger holds no forecast of it (record one with `statecraft forecast`)");
                continue;
            }

            var question = entries[^1];
            var outcome = Outcome.Parse(r.OutcomeText, question.Kind, question.Categories, r.QuestionId, r.Where);
            problems.AddRange(outcome.Problems);
            if (string.IsNullOrWhiteSpace(r.Source)) Add("source", "say what settled it (a report, an official statement, with its address)");
            if (inBatch.TryGetValue(r.QuestionId, out var earlier))
            {
                Add("question", $"resolved twice in this batch (also at {earlier.Where?.ToString() ?? "an earlier entry"})");
                continue;
            }

            inBatch[r.QuestionId] = r;
            var correcting = current.GetValueOrDefault(r.QuestionId);
            if (correcting is not null && string.IsNullOrWhiteSpace(r.Reason))
                Add("question", $"already resolved ({correcting.Outcome} on {correcting.Date:yyyy-MM-dd}, record {correcting.Id}); a correction is a new record with a reason (--reason)");
            else if (correcting is null && !string.IsNullOrWhiteSpace(r.Reason))
                Add("reason", "a reason marks a correction, but the question has not been resolved yet");

            var firstForecast = entries.Min(e => e.MadeAt);
            if (outcome.Success && outcome.Value.Happened == true && r.Date > question.Deadline)
                Add("date", $"{r.Date:yyyy-MM-dd} is after the deadline {question.Deadline:yyyy-MM-dd}: an event after the deadline resolves the question no");
            if (outcome.Success && outcome.Value.Happened == true && r.Date < firstForecast)
                Add("date", $"{r.Date:yyyy-MM-dd} is before the forecast was made ({firstForecast:yyyy-MM-dd}): the question was settled before it was asked");
            if (outcome.Success)
                accepted.Add(new Resolution(0, r.QuestionId, outcome.Value, r.Date, r.Source.Trim(), recordedAt,
                    correcting?.Id, string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(), version));
        }

        return problems.Count > 0
            ? ParseResult<IReadOnlyList<Resolution>>.ForProblems(problems)
            : ParseResult<IReadOnlyList<Resolution>>.ForValue(accepted);
    }

    /// <summary>The resolution in force for each question: the last of its chain of corrections.</summary>
    public static IReadOnlyDictionary<string, Resolution> Current(IReadOnlyList<Resolution> resolutions)
    {
        var current = new Dictionary<string, Resolution>(StringComparer.Ordinal);
        foreach (var r in resolutions.OrderBy(r => r.Id))
            if (!current.TryGetValue(r.QuestionId, out var before) || r.Corrects == before.Id) current[r.QuestionId] = r;
        return current;
    }
}
