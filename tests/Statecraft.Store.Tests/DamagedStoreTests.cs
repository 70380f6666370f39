using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;
using Statecraft.Cli;

namespace Statecraft.Store.Tests;

/// <summary>
/// A store edited or damaged outside Statecraft (SQLite's integrity check still says ok): damaged rows
/// are named and skipped, an altered result is flagged, and nothing that was stored is lost.
/// </summary>
public sealed class DamagedStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-damaged-").FullName;

    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        return (StatecraftApp.Run([.. args, "--store", StorePath], console), console.Output);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private (long Good, long Bad, long Other) ThreeRuns()
    {
        var store = new RunStore(StorePath);
        return (store.Record(RunStoreTests.Manifest(), """{"value":1}"""), store.Record(RunStoreTests.Manifest(), """{"value":2}"""),
            store.Record(RunStoreTests.Manifest(), """{"value":3}"""));
    }

    [Fact]
    public void A_row_with_a_damaged_date_is_skipped_and_named_and_the_others_are_listed()
    {
        var (good, bad, other) = ThreeRuns();
        Execute($"UPDATE runs SET started_at = 'yesterday' WHERE id = {bad}");

        var listing = new RunStore(StorePath).Read();
        listing.Runs.Select(r => r.Id).ShouldBe([other, good]);
        listing.Damaged.Single().Id.ShouldBe(bad);

        var (code, output) = Run("runs", "list");
        code.ShouldBe(0);
        output.ShouldContain($"run {bad} is damaged and was skipped");
        output.ShouldContain("2 run(s)");

        var (showCode, shown) = Run("runs", "show", bad.ToString(System.Globalization.CultureInfo.InvariantCulture));
        showCode.ShouldBe(1);
        shown.ShouldContain($"run {bad} in");
        shown.ShouldContain("damaged");
        shown.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_result_edited_to_other_valid_json_is_flagged_on_show_and_diff()
    {
        var (good, bad, _) = ThreeRuns();
        Execute($"UPDATE runs SET result = '{{\"value\":99}}' WHERE id = {bad}");

        var run = new RunStore(StorePath).Find(bad)!;
        run.Intact.ShouldBeFalse();
        new RunStore(StorePath).Find(good)!.Intact.ShouldBeTrue();

        var (code, output) = Run("runs", "show", bad.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        code.ShouldBe(0);
        output.ShouldContain("does not match the SHA-256 recorded with it");
        output.ShouldContain("\"result_verified\": false");

        var (diffCode, diff) = Run("runs", "diff", good.ToString(System.Globalization.CultureInfo.InvariantCulture), bad.ToString(System.Globalization.CultureInfo.InvariantCulture));
        diffCode.ShouldBe(0);
        diff.ShouldContain($"run {bad}'s result does not match");
    }

    [Fact]
    public void A_result_that_is_no_longer_json_makes_diff_fail_cleanly()
    {
        var (good, bad, _) = ThreeRuns();
        Execute($"UPDATE runs SET result = '{{not json' WHERE id = {bad}");

        var (code, output) = Run("runs", "diff", good.ToString(System.Globalization.CultureInfo.InvariantCulture), bad.ToString(System.Globalization.CultureInfo.InvariantCulture));
        code.ShouldBe(1);
        output.ShouldContain("not valid JSON");
        output.ShouldNotContain("   at ");
        // Nothing stored was lost or rewritten by reading.
        new RunStore(StorePath).Find(good)!.Result.ShouldBe("""{"value":1}""");
    }
}
