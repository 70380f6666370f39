using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Cli;
using Statecraft.Store;
using Statecraft.Tests;

namespace Statecraft.Store.Tests;

/// <summary>Commands record themselves in the default store ($STATECRAFT_STORE, a temporary file in tests).</summary>
public sealed class RecordingTests
{
    [Fact]
    public void A_bargain_run_is_recorded_with_its_input_hash_options_and_the_json_it_printed()
    {
        var file = TestPaths.InRepo("examples", "eu-emissions.csv");
        var console = new TestConsole();
        console.Profile.Width = 400;
        var before = DateTimeOffset.UtcNow;

        StatecraftApp.Run(["bargain", file, "--preset", "scholz-code", "--json"], console).ShouldBe(0);

        var store = RunStore.OpenDefault();
        store.Path.ShouldStartWith(Path.GetTempPath()); // never the user's own store
        var run = store.List(limit: 100, command: "bargain")
            .Where(r => r.Manifest.Options.GetValueOrDefault("preset") == "scholz-code" && r.Manifest.StartedAt >= before.AddSeconds(-1))
            .ShouldHaveSingleItem();
        run.Manifest.InputId.ShouldBe("eu-emissions.csv");
        run.Manifest.InputSha256.ShouldBe(RunStore.Sha256(File.ReadAllBytes(file)));
        run.Manifest.EndedAt.ShouldBeGreaterThanOrEqualTo(run.Manifest.StartedAt);
        var stored = store.Find(run.Id)!.Result;
        JsonDocument.Parse(stored).RootElement.GetRawText().ShouldBe(JsonDocument.Parse(console.Output).RootElement.GetRawText());
    }

    [Fact]
    public void A_read_only_store_fails_the_command_with_exit_1_after_its_output_and_loses_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-recording-").FullName;
        var path = Path.Combine(dir, "runs.db");
        var store = new RunStore(path);
        var kept = store.Record(RunStoreTests.Manifest(), """{"kept":true}""");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        RunStoreTests.MakeReadOnly(path, true);
        try
        {
            var console = new TestConsole();
            var settings = new Statecraft.Cli.Commands.RunsListSettings { Store = path }; // any settings with --store
            Statecraft.Cli.Commands.RunsRecording.Record(console, "analyze", settings, DateTimeOffset.UtcNow, """{"answer":1}""").ShouldBe(1);
            console.Output.ShouldContain("the run was not recorded");
            console.Output.ShouldContain("read-only");
            console.Output.ShouldNotContain("   at ");
        }
        finally
        {
            RunStoreTests.MakeReadOnly(path, false);
        }

        store.List().Select(r => r.Id).ShouldBe([kept]);
        store.Verify().ShouldBeEmpty();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
