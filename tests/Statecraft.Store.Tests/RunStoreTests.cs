using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Statecraft.Store;

namespace Statecraft.Store.Tests;

public sealed class RunStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-store-").FullName;

    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    internal static RunManifest Manifest(string command = "analyze", string? seed = "42", Dictionary<string, string>? options = null) => new(
        command,
        "south-caucasus",
        new string('a', 64),
        options ?? new Dictionary<string, string> { ["policy"] = "magnitsky-sanctions", ["samples"] = "200" },
        seed,
        "0.1.0",
        new DateTimeOffset(2026, 11, 25, 2, 30, 0, 123, TimeSpan.Zero).AddTicks(4567),
        new DateTimeOffset(2026, 11, 25, 4, 31, 5, TimeSpan.FromHours(2)));

    [Fact]
    public void A_recorded_run_reads_back_equal()
    {
        var store = new RunStore(StorePath);
        var result = """{"scenario":{"id":"south-caucasus"},"questions":[{"id":"q","value":1.5,"text":"ünïcödé <b>"}]}""";
        var manifest = Manifest();

        var id = store.Record(manifest, result);
        var back = store.Find(id).ShouldNotBeNull();

        back.Id.ShouldBe(id);
        back.Manifest.ShouldBe(manifest);
        back.Manifest.StartedAt.Ticks.ShouldBe(manifest.StartedAt.Ticks);
        back.Result.ShouldBe(result);
        back.ResultSha256.ShouldBe(RunStore.Sha256(result));
        store.List().Single().ShouldBe(new RunSummary(id, manifest));
        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void Runs_are_listed_newest_first_and_filtered_by_command()
    {
        var store = new RunStore(StorePath);
        var first = store.Record(Manifest("bargain"), "{}");
        var second = store.Record(Manifest("analyze"), "{}");
        var third = store.Record(Manifest("bargain"), "[]");

        store.List().Select(r => r.Id).ShouldBe([third, second, first]);
        store.List(command: "bargain").Select(r => r.Id).ShouldBe([third, first]);
        store.List(limit: 1).Select(r => r.Id).ShouldBe([third]);
        store.Find(third + 10).ShouldBeNull();
    }

    [Fact]
    public void An_absent_store_is_empty_and_reading_it_creates_nothing()
    {
        var store = new RunStore(StorePath);
        store.List().ShouldBeEmpty();
        store.Find(1).ShouldBeNull();
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void A_result_that_is_not_json_is_refused_and_nothing_is_written()
    {
        var store = new RunStore(StorePath);
        store.Record(Manifest(), "{}");
        Should.Throw<ArgumentException>(() => store.Record(Manifest(), "{not json")).Message.ShouldContain("not JSON");
        store.List().Count.ShouldBe(1);
    }

    [Fact]
    public void Concurrent_writers_all_land_each_in_one_piece()
    {
        const int writers = 4, each = 25;
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            var store = new RunStore(StorePath, TimeSpan.FromSeconds(30)); // a connection of its own
            for (var i = 0; i < each; i++)
            {
                ids.Add(store.Record(Manifest(seed: $"{w}-{i}"), JsonSerializer.Serialize(new { writer = w, i })));
            }
        });

        ids.Distinct().Count().ShouldBe(writers * each);
        var store = new RunStore(StorePath);
        var runs = store.List(limit: 1000);
        runs.Count.ShouldBe(writers * each);
        foreach (var run in runs)
        {
            var stored = store.Find(run.Id).ShouldNotBeNull();
            using var result = JsonDocument.Parse(stored.Result);
            $"{result.RootElement.GetProperty("writer").GetInt32()}-{result.RootElement.GetProperty("i").GetInt32()}".ShouldBe(run.Manifest.Seed);
        }

        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void A_locked_store_is_a_clear_error_and_loses_nothing()
    {
        var store = new RunStore(StorePath, TimeSpan.FromSeconds(1));
        var kept = store.Record(Manifest(), """{"kept":true}""");

        using (var holder = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            holder.Open();
            using var lockIt = holder.BeginTransaction(deferred: false); // holds the write lock
            var error = Should.Throw<RunStoreException>(() => store.Record(Manifest(), """{"lost":true}"""));
            error.Message.ShouldContain("locked by another process");
            error.Message.ShouldContain(StorePath);
        }

        store.List().Select(r => r.Id).ShouldBe([kept]);
        store.Find(kept)!.Result.ShouldBe("""{"kept":true}""");
        store.Record(Manifest(), "{}").ShouldBeGreaterThan(kept); // usable again once released
    }

    [Fact]
    public void A_read_only_store_is_a_clear_error_and_loses_nothing()
    {
        var store = new RunStore(StorePath);
        var kept = store.Record(Manifest(), """{"kept":true}""");
        SqliteConnection.ClearAllPools();

        MakeReadOnly(StorePath, true);
        try
        {
            var error = Should.Throw<RunStoreException>(() => store.Record(Manifest(), """{"lost":true}"""));
            error.Message.ShouldContain("read-only");
            store.List().Select(r => r.Id).ShouldBe([kept]); // still readable
        }
        finally
        {
            MakeReadOnly(StorePath, false);
        }

        store.Find(kept)!.Result.ShouldBe("""{"kept":true}""");
        store.Verify().ShouldBeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_a_run_store_is_refused_untouched()
    {
        File.WriteAllText(StorePath, "these are someone's notes, not a database\n");
        var error = Should.Throw<RunStoreException>(() => new RunStore(StorePath).Record(Manifest(), "{}"));
        error.Message.ShouldContain("not a Statecraft run store");
        File.ReadAllText(StorePath).ShouldBe("these are someone's notes, not a database\n");
    }

    [Fact]
    public void A_child_process_killed_while_writing_leaves_the_store_consistent()
    {
        var store = new RunStore(StorePath);
        var earlier = store.Record(Manifest(), """{"earlier":true}""");
        var writer = Path.Combine(AppContext.BaseDirectory, "Statecraft.Store.Writer.dll");
        File.Exists(writer).ShouldBeTrue();

        // Kill the writer at different points of its loop; large results make a kill inside a transaction likely.
        for (var round = 0; round < 3; round++)
        {
            var start = new ProcessStartInfo("dotnet", [writer, StorePath, "100000", "400000"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var child = Process.Start(start).ShouldNotBeNull();
            var committed = 0;
            while (committed < 2 + round * 3 && child.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("recorded ", StringComparison.Ordinal)) committed++;
            }

            Thread.Sleep(7 * round); // land somewhere inside a later write
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            committed.ShouldBe(2 + round * 3);
        }

        var runs = store.List(limit: 100000);
        store.Verify().ShouldBeEmpty();
        store.Find(earlier)!.Result.ShouldBe("""{"earlier":true}""");
        runs.Count(r => r.Manifest.Command == "writer").ShouldBeGreaterThanOrEqualTo(2 + 5 + 8);
        foreach (var run in runs.Where(r => r.Manifest.Command == "writer"))
        {
            // Every run present is whole: its result parses and matches its manifest.
            using var result = JsonDocument.Parse(store.Find(run.Id)!.Result);
            result.RootElement.GetProperty("n").GetRawText().ShouldBe(run.Manifest.Seed);
            result.RootElement.GetProperty("payload").GetString()!.Length.ShouldBe(400000);
        }

        store.Record(Manifest(), "{}").ShouldBeGreaterThan(runs.Max(r => r.Id)); // and it still takes new runs
    }

    internal static void MakeReadOnly(string path, bool readOnly)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
        }
        else if (IsRoot())
        {
            // Root ignores file modes: the immutable attribute is what stops it writing.
            using var chattr = Process.Start("chattr", [readOnly ? "+i" : "-i", path]);
            chattr.WaitForExit();
            chattr.ExitCode.ShouldBe(0, "chattr is needed to make a file read-only for root");
        }
        else
        {
            File.SetUnixFileMode(path, readOnly ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static bool IsRoot() => File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
}
