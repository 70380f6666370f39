using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Statecraft.Core.Forecasting;
using Statecraft.Store;

namespace Statecraft.Store.Tests;

/// <summary>The forecast ledger and the resolutions: append-only in the database itself, atomic, checked.</summary>
public sealed class LedgerStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 5, 9, 30, 0, 123, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-ledger-").FullName;

    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    internal static LedgerEntry Entry(string question, double p, string forecaster = "judgement", bool headline = true) =>
        new(0, question, $"Will {question} happen?", QuestionKind.Binary, [], forecaster, headline, Prediction.Binary(p), Prediction.Binary(0.1),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "south-caucasus", new string('b', 64), "0.1.0+test", Now, null,
            """{"term":"unlikely","drivers":[{"kind":"base rate","text":"ünïcödé"}]}""");

    private static LedgerEntry Numeric(string question) =>
        new(0, question, "How much?", QuestionKind.Numeric, [], "judgement", true, Prediction.FromSamples([1.0, 2, 3, 10]), Prediction.FromSamples([5.0]),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "s", new string('b', 64), "v", Now, null, "{}");

    private static LedgerEntry Categorical(string question) =>
        new(0, question, "Which?", QuestionKind.Categorical, ["war", "frozen"], "judgement", true,
            Prediction.Categorical([new("war", 0.25), new("frozen", 0.75)]), Prediction.Categorical([new("war", 0.5), new("frozen", 0.5)]),
            new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31), "s", new string('b', 64), "v", Now, null, "{}");

    private (long Run, IReadOnlyList<long> Ids) Record(RunStore store, params LedgerEntry[] entries) =>
        store.RecordForecasts(RunStoreTests.Manifest("forecast"), """{"forecasts":[]}""", entries);

    [Fact]
    public void Recorded_forecasts_read_back_equal_with_their_run()
    {
        var store = new RunStore(StorePath);
        var (run, ids) = Record(store, Entry("war", 0.04), Numeric("gas"), Categorical("talks"));

        var back = store.Forecasts();
        back.Select(e => e.Id).ShouldBe(ids);
        back.ShouldAllBe(e => e.RunId == run);
        back[0].ShouldBe(Entry("war", 0.04) with { Id = ids[0], RunId = run });
        back[1].Prediction.ShouldBe(Numeric("gas").Prediction);
        back[2].Prediction.ShouldBe(Categorical("talks").Prediction);
        back[2].Categories.ShouldBe(["war", "frozen"]);
        back[0].RecordedAt.Ticks.ShouldBe(Now.Ticks);
        store.Find(run)!.Manifest.Command.ShouldBe("forecast");
        store.Forecasts("gas").ShouldHaveSingleItem().Id.ShouldBe(ids[1]);
        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void A_second_forecast_adds_a_record_and_leaves_the_first_unchanged()
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04));
        var before = RawRows("forecasts");

        Record(store, Entry("war", 0.09));

        var after = RawRows("forecasts");
        after.Count.ShouldBe(2);
        after[0].ShouldBe(before[0]); // every column, byte for byte
        store.Forecasts().Select(e => e.Prediction.P).ShouldBe([0.04, 0.09]);
    }

    [Theory]
    [InlineData("UPDATE forecasts SET p = 0.5", "append-only: a recorded forecast is never changed")]
    [InlineData("DELETE FROM forecasts", "append-only: a recorded forecast is never deleted")]
    [InlineData("UPDATE resolutions SET outcome = 'no'", "resolutions are append-only")]
    [InlineData("DELETE FROM resolutions", "resolutions are append-only")]
    public void The_database_itself_refuses_to_change_or_delete_a_record(string sql, string message)
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04));
        store.RecordResolutions((ledger, existing) => ResolutionRules.Check(
            [new ResolutionRequest("war", "yes", new DateOnly(2025, 9, 1), "a report", null)], ledger, existing, Now, "v")).Success.ShouldBeTrue();
        var forecasts = RawRows("forecasts");
        var resolutions = RawRows("resolutions");

        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            Should.Throw<SqliteException>(() => connection.Execute(sql)).Message.ShouldContain(message);
        }

        RawRows("forecasts").ShouldBe(forecasts);
        RawRows("resolutions").ShouldBe(resolutions);
    }

    [Fact]
    public void The_database_keeps_one_first_resolution_per_question()
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04));
        var resolve = (string outcome) => store.RecordResolutions((ledger, existing) =>
            ParseResultOf(new Resolution(0, "war", new Outcome(QuestionKind.Binary, Happened: outcome == "yes"), new DateOnly(2025, 12, 31), "s", Now, null, null, "v")));
        resolve("no").Success.ShouldBeTrue();
        // A writer that skipped the checks still cannot resolve the question twice.
        Should.Throw<RunStoreException>(() => resolve("yes"));
        store.Resolutions().ShouldHaveSingleItem().Outcome.Happened.ShouldBe(false);
    }

    private static Core.Domain.ParseResult<IReadOnlyList<Resolution>> ParseResultOf(Resolution r) =>
        Core.Domain.ParseResult<IReadOnlyList<Resolution>>.ForValue([r]);

    [Fact]
    public void A_batch_with_a_problem_records_nothing()
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04), Entry("deal", 0.2));
        var bad = store.RecordResolutions((ledger, existing) => ResolutionRules.Check(
        [
            new ResolutionRequest("war", "no", new DateOnly(2025, 12, 31), "s", null),
            new ResolutionRequest("deal", "perhaps", new DateOnly(2025, 12, 31), "s", null),
        ], ledger, existing, Now, "v"));
        bad.Success.ShouldBeFalse();
        store.Resolutions().ShouldBeEmpty();
    }

    [Fact]
    public void A_correction_is_a_new_record_that_names_the_first()
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04));
        ResolutionRequest Request(string outcome, string? reason) => new("war", outcome, new DateOnly(2025, 11, 2), "a report", reason);
        var first = store.RecordResolutions((l, e) => ResolutionRules.Check([Request("no", null)], l, e, Now, "v")).Value.Single();
        var second = store.RecordResolutions((l, e) => ResolutionRules.Check([Request("yes", "UCDP later counted 31 deaths")], l, e, Now, "v")).Value.Single();
        second.Corrects.ShouldBe(first.Id);
        var all = store.Resolutions();
        all.Select(r => r.Outcome.ToString()).ShouldBe(["no", "yes"]);
        ResolutionRules.Current(all)["war"].Id.ShouldBe(second.Id);
        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void A_store_of_the_first_schema_is_read_as_it_is_and_migrated_by_the_next_write()
    {
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            connection.Execute(
                """
                CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, input_id TEXT, input_sha256 TEXT,
                    options TEXT NOT NULL, seed TEXT, version TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
                    result TEXT NOT NULL, result_sha256 TEXT NOT NULL);
                CREATE INDEX runs_by_command ON runs (command, id);
                PRAGMA user_version = 1;
                """);
        }

        var store = new RunStore(StorePath);
        var old = store.Record(RunStoreTests.Manifest(), """{"old":true}"""); // migrates to schema 2 on the way
        SqliteConnection.ClearAllPools();
        store.Forecasts().ShouldBeEmpty();
        Record(store, Entry("war", 0.04));
        store.Find(old)!.Result.ShouldBe("""{"old":true}""");
        store.Forecasts().ShouldHaveSingleItem();
        using var check = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        check.Open();
        check.ExecuteScalar<long>("PRAGMA user_version").ShouldBe(2);
    }

    [Fact]
    public void Verify_finds_a_record_changed_behind_the_triggers_back()
    {
        var store = new RunStore(StorePath);
        Record(store, Entry("war", 0.04), Entry("deal", 0.2));
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            connection.Execute("DROP TRIGGER forecasts_never_updated; UPDATE forecasts SET p = 0.5, prediction = '{\"p\":0.5}' WHERE question_id = 'deal'");
        }

        store.Verify().ShouldHaveSingleItem().ShouldContain("forecast 2: record does not match its recorded SHA-256");
    }

    [Fact]
    public void A_child_process_killed_while_writing_forecasts_leaves_whole_runs_and_no_stray_forecasts()
    {
        var store = new RunStore(StorePath);
        var (_, earlier) = Record(store, Entry("war", 0.04));
        var writer = Path.Combine(AppContext.BaseDirectory, "Statecraft.Store.Writer.dll");
        for (var round = 0; round < 3; round++)
        {
            var start = new ProcessStartInfo("dotnet", [writer, StorePath, "100000", "100000", "forecasts"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var child = Process.Start(start).ShouldNotBeNull();
            var committed = 0;
            while (committed < 2 + round * 2 && child.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith("recorded ", StringComparison.Ordinal)) committed++;
            Thread.Sleep(5 * round);
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        store.Verify().ShouldBeEmpty();
        store.Forecasts().First().Id.ShouldBe(earlier[0]);
        var runs = store.List(limit: 100000, command: "forecast").Where(r => r.Manifest.InputId == "child").ToList();
        runs.Count.ShouldBeGreaterThanOrEqualTo(2 + 4 + 6);
        var byRun = store.Forecasts().Where(e => e.ScenarioId == "child").GroupBy(e => e.RunId).ToDictionary(g => g.Key!.Value, g => g.ToList());
        byRun.Keys.Order().ShouldBe(runs.Select(r => r.Id).Order()); // no forecast without its run, no run without its forecasts
        foreach (var (run, entries) in byRun)
        {
            entries.Count.ShouldBe(10);
            var n = store.Find(run)!.Manifest.Seed;
            entries.ShouldAllBe(e => JsonDocument.Parse(e.Detail, default).RootElement.GetProperty("n").GetRawText() == n);
        }
    }

    /// <summary>Every column of every row, as text, straight from SQLite.</summary>
    private List<string> RawRows(string table)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query(table == "forecasts" ? "SELECT * FROM forecasts ORDER BY id" : "SELECT * FROM resolutions ORDER BY id")
            .Select(r => string.Join("|", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}"))).ToList();
    }
}
