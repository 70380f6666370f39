using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;

namespace Statecraft.Store;

// The forecast ledger and the resolutions beside it (schema 2). Both are append-only, enforced by
// triggers in the database itself: a recorded forecast or resolution is never updated or deleted,
// whatever program opens the file. A correction is a new resolution naming the one it corrects.
public sealed partial class RunStore
{
    private const string LedgerSchema =
        """
        CREATE TABLE forecasts (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id     TEXT NOT NULL,
            question        TEXT NOT NULL,
            kind            TEXT NOT NULL CHECK (kind IN ('binary', 'numeric', 'categorical')),
            categories      TEXT NOT NULL,
            forecaster      TEXT NOT NULL,
            headline        INTEGER NOT NULL CHECK (headline IN (0, 1)),
            p               REAL CHECK (p IS NULL OR (p >= 0 AND p <= 1)),
            prediction      TEXT NOT NULL,
            base_rate       TEXT NOT NULL,
            made_at         TEXT NOT NULL,
            deadline        TEXT NOT NULL,
            scenario_id     TEXT NOT NULL,
            scenario_sha256 TEXT NOT NULL,
            version         TEXT NOT NULL,
            recorded_at     TEXT NOT NULL,
            run_id          INTEGER REFERENCES runs (id),
            detail          TEXT NOT NULL,
            record_sha256   TEXT NOT NULL
        );
        CREATE INDEX forecasts_by_question ON forecasts (question_id, id);
        CREATE TRIGGER forecasts_never_updated BEFORE UPDATE ON forecasts
            BEGIN SELECT RAISE(ABORT, 'the forecast ledger is append-only: a recorded forecast is never changed'); END;
        CREATE TRIGGER forecasts_never_deleted BEFORE DELETE ON forecasts
            BEGIN SELECT RAISE(ABORT, 'the forecast ledger is append-only: a recorded forecast is never deleted'); END;

        CREATE TABLE resolutions (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id   TEXT NOT NULL,
            outcome       TEXT NOT NULL,
            date          TEXT NOT NULL,
            source        TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            corrects      INTEGER REFERENCES resolutions (id),
            reason        TEXT,
            version       TEXT NOT NULL,
            record_sha256 TEXT NOT NULL,
            CHECK ((corrects IS NULL) = (reason IS NULL))
        );
        CREATE UNIQUE INDEX resolutions_once ON resolutions (question_id) WHERE corrects IS NULL;
        CREATE UNIQUE INDEX resolutions_corrected_once ON resolutions (corrects) WHERE corrects IS NOT NULL;
        CREATE TRIGGER resolutions_never_updated BEFORE UPDATE ON resolutions
            BEGIN SELECT RAISE(ABORT, 'resolutions are append-only: correct one with a new record and a reason'); END;
        CREATE TRIGGER resolutions_never_deleted BEFORE DELETE ON resolutions
            BEGIN SELECT RAISE(ABORT, 'resolutions are append-only: correct one with a new record and a reason'); END;
        """;

    private const string ForecastColumns =
        "id AS Id, question_id AS QuestionId, question AS Question, kind AS Kind, categories AS Categories, forecaster AS Forecaster, " +
        "headline AS Headline, p AS P, prediction AS Prediction, base_rate AS BaseRate, made_at AS MadeAt, deadline AS Deadline, " +
        "scenario_id AS ScenarioId, scenario_sha256 AS ScenarioSha256, version AS Version, recorded_at AS RecordedAt, run_id AS RunId, " +
        "detail AS Detail, record_sha256 AS RecordSha256";

    private const string ResolutionColumns =
        "id AS Id, question_id AS QuestionId, outcome AS Outcome, date AS Date, source AS Source, recorded_at AS RecordedAt, " +
        "corrects AS Corrects, reason AS Reason, version AS Version, record_sha256 AS RecordSha256";

    /// <summary>
    /// Records the run of a `forecast` command and its forecasts in one transaction: after a crash the
    /// store holds the run with all its forecasts, or neither. Returns the run's id and the forecasts' ids.
    /// </summary>
    public (long RunId, IReadOnlyList<long> Forecasts) RecordForecasts(RunManifest manifest, string jsonResult, IReadOnlyList<LedgerEntry> forecasts)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        CheckJson(jsonResult);
        foreach (var f in forecasts) CheckJson(f.Detail);
        return Use(write: true, connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var runId = InsertRun(connection, transaction, manifest, jsonResult);
            var ids = new List<long>(forecasts.Count);
            foreach (var f in forecasts)
            {
                var row = ForecastRow.From(f with { RunId = runId });
                ids.Add(connection.ExecuteScalar<long>(
                    """
                    INSERT INTO forecasts (question_id, question, kind, categories, forecaster, headline, p, prediction, base_rate, made_at,
                                           deadline, scenario_id, scenario_sha256, version, recorded_at, run_id, detail, record_sha256)
                    VALUES (@QuestionId, @Question, @Kind, @Categories, @Forecaster, @Headline, @P, @Prediction, @BaseRate, @MadeAt,
                            @Deadline, @ScenarioId, @ScenarioSha256, @Version, @RecordedAt, @RunId, @Detail, @RecordSha256);
                    SELECT last_insert_rowid();
                    """,
                    row,
                    transaction));
            }

            transaction.Commit();
            return (runId, (IReadOnlyList<long>)ids);
        });
    }

    /// <summary>Every recorded forecast, oldest first (all of one question with <paramref name="questionId"/>). An absent store has none.</summary>
    public IReadOnlyList<LedgerEntry> Forecasts(string? questionId = null)
    {
        if (!File.Exists(Path)) return [];
        return Use(write: false, connection => HasLedger(connection)
            ? connection.Query<ForecastRow>($"SELECT {ForecastColumns} FROM forecasts WHERE (@questionId IS NULL OR question_id = @questionId) ORDER BY id",
                new { questionId }).Select(r => r.ToEntry()).ToList()
            : []);
    }

    /// <summary>Every recorded resolution and correction, oldest first. An absent store has none.</summary>
    public IReadOnlyList<Resolution> Resolutions()
    {
        if (!File.Exists(Path)) return [];
        return Use(write: false, connection => HasLedger(connection) ? ReadResolutions(connection, null) : []);
    }

    /// <summary>
    /// Checks new resolutions against the ledger and the resolutions already recorded, and records
    /// them all, or none if <paramref name="check"/> finds any problem. The check runs inside the
    /// write transaction, so two processes resolving the same question cannot both succeed.
    /// </summary>
    public ParseResult<IReadOnlyList<Resolution>> RecordResolutions(
        Func<IReadOnlyList<LedgerEntry>, IReadOnlyList<Resolution>, ParseResult<IReadOnlyList<Resolution>>> check)
    {
        return Use(write: true, connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var ledger = connection.Query<ForecastRow>($"SELECT {ForecastColumns} FROM forecasts ORDER BY id", transaction: transaction)
                .Select(r => r.ToEntry()).ToList();
            var checkedResolutions = check(ledger, ReadResolutions(connection, transaction));
            if (!checkedResolutions.Success) return checkedResolutions;
            var recorded = new List<Resolution>();
            foreach (var r in checkedResolutions.Value)
            {
                var row = ResolutionRow.From(r);
                var id = connection.ExecuteScalar<long>(
                    """
                    INSERT INTO resolutions (question_id, outcome, date, source, recorded_at, corrects, reason, version, record_sha256)
                    VALUES (@QuestionId, @Outcome, @Date, @Source, @RecordedAt, @Corrects, @Reason, @Version, @RecordSha256);
                    SELECT last_insert_rowid();
                    """,
                    row,
                    transaction);
                recorded.Add(r with { Id = id });
            }

            transaction.Commit();
            return ParseResult<IReadOnlyList<Resolution>>.ForValue(recorded);
        });
    }

    private static bool HasLedger(SqliteConnection connection) => connection.ExecuteScalar<long>("PRAGMA user_version") >= 2;

    private static List<Resolution> ReadResolutions(SqliteConnection connection, SqliteTransaction? transaction)
    {
        // An outcome is read with its question's kind; a resolution always names a question in the ledger.
        var kinds = connection.Query<KindRow>("SELECT question_id AS QuestionId, kind AS Kind, categories AS Categories FROM forecasts GROUP BY question_id", transaction: transaction)
            .ToDictionary(x => x.QuestionId, x => (Kind: ParseKind(x.Kind), Categories: ParseCategories(x.Categories)));
        return connection.Query<ResolutionRow>($"SELECT {ResolutionColumns} FROM resolutions ORDER BY id", transaction: transaction)
            .Select(r => r.ToResolution(kinds[r.QuestionId].Kind, kinds[r.QuestionId].Categories)).ToList();
    }

    private static string[] ParseCategories(string json) => JsonSerializer.Deserialize(json, StoreJson.Default.StringArray) ?? [];

    /// <summary>A question's kind and categories, as the ledger holds them.</summary>
    internal sealed record KindRow(string QuestionId, string Kind, string Categories);

    private static IEnumerable<string> VerifyLedger(SqliteConnection connection)
    {
        if (!HasLedger(connection)) yield break;
        foreach (var row in connection.Query<ForecastRow>($"SELECT {ForecastColumns} FROM forecasts"))
            if (row.Sha256() != row.RecordSha256) yield return $"forecast {row.Id}: record does not match its recorded SHA-256";
        foreach (var row in connection.Query<ResolutionRow>($"SELECT {ResolutionColumns} FROM resolutions"))
            if (row.Sha256() != row.RecordSha256) yield return $"resolution {row.Id}: record does not match its recorded SHA-256";
    }

    private static QuestionKind ParseKind(string kind) => ResolvableQuestion.KindNames[kind];

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of the fields joined by a unit separator, the record's checksum.</summary>
    private static string Checksum(params object?[] fields) =>
        Sha256(string.Join('\u001f', fields.Select(f => f switch
        {
            null => "\u0000",
            IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
            _ => f.ToString(),
        })));

    /// <summary>A prediction as the ledger stores it: {"p": P}, {"quantiles": [...]} or {"categories": [{"category", "p"}]}.</summary>
    internal static string PredictionJson(Prediction p)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            switch (p.Kind)
            {
                case QuestionKind.Binary:
                    w.WriteNumber("p", p.P!.Value);
                    break;
                case QuestionKind.Numeric:
                    w.WriteStartArray("quantiles");
                    foreach (var q in p.Quantiles!) w.WriteNumberValue(q);
                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStartArray("categories");
                    foreach (var c in p.Categories!)
                    {
                        w.WriteStartObject();
                        w.WriteString("category", c.Category);
                        w.WriteNumber("p", c.P);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static Prediction ReadPrediction(string json, QuestionKind kind)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return kind switch
        {
            QuestionKind.Binary => Prediction.Binary(root.GetProperty("p").GetDouble()),
            QuestionKind.Numeric => Prediction.FromQuantiles(root.GetProperty("quantiles").EnumerateArray().Select(x => x.GetDouble()).ToArray()),
            _ => Prediction.Categorical(root.GetProperty("categories").EnumerateArray()
                .Select(c => new CategoryProbability(c.GetProperty("category").GetString()!, c.GetProperty("p").GetDouble())).ToArray()),
        };
    }

    internal sealed class ForecastRow
    {
        public long Id { get; init; }
        public string QuestionId { get; init; } = "";
        public string Question { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Categories { get; init; } = "[]";
        public string Forecaster { get; init; } = "";
        public long Headline { get; init; }
        public double? P { get; init; }
        public string Prediction { get; init; } = "";
        public string BaseRate { get; init; } = "";
        public string MadeAt { get; init; } = "";
        public string Deadline { get; init; } = "";
        public string ScenarioId { get; init; } = "";
        public string ScenarioSha256 { get; init; } = "";
        public string Version { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public long? RunId { get; init; }
        public string Detail { get; init; } = "{}";
        public string RecordSha256 { get; set; } = "";

        public static ForecastRow From(LedgerEntry e)
        {
            var row = new ForecastRow
            {
                QuestionId = e.QuestionId,
                Question = e.Question,
                Kind = ResolvableQuestion.KindName(e.Kind),
                Categories = JsonSerializer.Serialize(e.Categories.ToArray(), StoreJson.Default.StringArray),
                Forecaster = e.Forecaster,
                Headline = e.Headline ? 1 : 0,
                P = e.Prediction.P,
                Prediction = PredictionJson(e.Prediction),
                BaseRate = PredictionJson(e.BaseRate),
                MadeAt = Date(e.MadeAt),
                Deadline = Date(e.Deadline),
                ScenarioId = e.ScenarioId,
                ScenarioSha256 = e.ScenarioSha256,
                Version = e.Version,
                RecordedAt = e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
                RunId = e.RunId,
                Detail = e.Detail,
            };
            row.RecordSha256 = row.Sha256();
            return row;
        }

        public string Sha256() => Checksum(QuestionId, Question, Kind, Categories, Forecaster, Headline, P?.ToString("R", CultureInfo.InvariantCulture),
            Prediction, BaseRate, MadeAt, Deadline, ScenarioId, ScenarioSha256, Version, RecordedAt, RunId, Detail);

        public LedgerEntry ToEntry()
        {
            var kind = ParseKind(Kind);
            return new LedgerEntry(Id, QuestionId, Question, kind, ParseCategories(Categories), Forecaster, Headline == 1,
                ReadPrediction(Prediction, kind), ReadPrediction(BaseRate, kind), ParseDate(MadeAt), ParseDate(Deadline), ScenarioId, ScenarioSha256,
                Version, DateTimeOffset.ParseExact(RecordedAt, "O", CultureInfo.InvariantCulture), RunId, Detail);
        }
    }

    internal sealed class ResolutionRow
    {
        public long Id { get; init; }
        public string QuestionId { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string Date { get; init; } = "";
        public string Source { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public long? Corrects { get; init; }
        public string? Reason { get; init; }
        public string Version { get; init; } = "";
        public string RecordSha256 { get; set; } = "";

        public static ResolutionRow From(Resolution r)
        {
            var row = new ResolutionRow
            {
                QuestionId = r.QuestionId,
                Outcome = r.Outcome.ToString(),
                Date = RunStore.Date(r.Date),
                Source = r.Source,
                RecordedAt = r.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
                Corrects = r.Corrects,
                Reason = r.Reason,
                Version = r.Version,
            };
            row.RecordSha256 = row.Sha256();
            return row;
        }

        public string Sha256() => Checksum(QuestionId, Outcome, Date, Source, RecordedAt, Corrects, Reason, Version);

        public Resolution ToResolution(QuestionKind kind, IReadOnlyList<string> categories) => new(
            Id, QuestionId, Core.Forecasting.Outcome.Parse(Outcome, kind, categories, QuestionId).Value, ParseDate(Date), Source,
            DateTimeOffset.ParseExact(RecordedAt, "O", CultureInfo.InvariantCulture), Corrects, Reason, Version);
    }
}
