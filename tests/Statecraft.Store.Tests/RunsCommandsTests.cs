using System.Text.Json;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;
using Statecraft.Cli;
using Statecraft.Store;

namespace Statecraft.Store.Tests;

public sealed class RunsCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-runs-").FullName;

    private string StorePath => Path.Combine(_dir, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Analysis(double alignment, double attack, string verdict) => $$"""
        {"scenario":{"id":"south-caucasus","sha256":"abc"},"seed":7,"samples":100,"policies":[],
         "questions":[
           {"id":"armenia-alignment","value":{{alignment}},"unit":"0-100","interval":[50,70],"verdict":"{{verdict}}"},
           {"id":"russia-attacks-azerbaijan","value":{{attack}},"unit":"probability","interval":[0.01,0.1],"verdict":"unlikely"}]}
        """;

    private (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run([.. args, "--store", StorePath], console);
        return (code, console.Output);
    }

    [Fact]
    public void List_show_and_diff_read_the_store()
    {
        var store = new RunStore(StorePath);
        var a = store.Record(RunStoreTests.Manifest(options: new() { ["samples"] = "100" }), Analysis(60, 0.05, "leans West"));
        var b = store.Record(RunStoreTests.Manifest(options: new() { ["samples"] = "100", ["policy"] = "all-combined" }), Analysis(64.5, 0.05, "anchored West"));

        var (listCode, list) = Run("runs", "list");
        listCode.ShouldBe(0);
        list.ShouldContain("south-caucasus");
        list.IndexOf($"│ {b} ", StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf($"│ {a} ", StringComparison.Ordinal)); // newest first

        var (showCode, show) = Run("runs", "show", a.ToString(), "--json");
        showCode.ShouldBe(0);
        using (var shown = JsonDocument.Parse(show))
        {
            shown.RootElement.GetProperty("manifest").GetProperty("command").GetString().ShouldBe("analyze");
            shown.RootElement.GetProperty("result").GetProperty("questions")[0].GetProperty("value").GetDouble().ShouldBe(60);
        }

        var (diffCode, diff) = Run("runs", "diff", a.ToString(), b.ToString(), "--json");
        diffCode.ShouldBe(0);
        using var moved = JsonDocument.Parse(diff);
        var inputs = moved.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        inputs.Single().GetProperty("field").GetString().ShouldBe("option policy");
        inputs.Single().GetProperty("after").GetString().ShouldBe("all-combined");
        var answers = moved.RootElement.GetProperty("answers").EnumerateArray()
            .ToDictionary(x => x.GetProperty("path").GetString()!, x => x);
        answers.Keys.Order().ShouldBe(["questions[armenia-alignment].value", "questions[armenia-alignment].verdict"]);
        answers["questions[armenia-alignment].value"].GetProperty("delta").GetDouble().ShouldBe(4.5, 1e-12);

        var (_, table) = Run("runs", "diff", a.ToString(), b.ToString());
        table.ShouldContain("questions[armenia-alignment].value");
        table.ShouldContain("+4.50");

        // Without --json, show summarises: one line per question, and says how to get everything.
        var (_, summary) = Run("runs", "show", a.ToString());
        summary.ShouldContain("questions: armenia-alignment");
        summary.ShouldContain("60 (90%: 50 to 70)");
        summary.ShouldContain($"statecraft runs show {a} --json");
        summary.ShouldNotContain("\"questions\"");
    }

    [Fact]
    public void Show_fits_a_screen_and_diff_prints_numbers_for_people()
    {
        static string Question(int i, string value)
        {
            var drivers = string.Join(",", Enumerable.Range(0, 30).Select(d => "{\"input\":\"x" + d + "\",\"effect\":0.333333333333333}"));
            return "{\"id\":\"q" + i + "\",\"value\":" + value + ",\"interval\":[0.1,0.9],\"drivers\":[" + drivers + "]}";
        }

        static string Result(string first) =>
            "{\"seed\":1,\"questions\":[" + string.Join(",", Enumerable.Range(0, 11).Select(i => Question(i, i == 0 ? first : "0.5"))) + "]}";

        var store = new RunStore(StorePath);
        var a = store.Record(RunStoreTests.Manifest(), Result("0.1"));
        var b = store.Record(RunStoreTests.Manifest(), Result("0.12345678901234567"));

        var (code, show) = Run("runs", "show", a.ToString());
        code.ShouldBe(0);
        show.Split('\n').Length.ShouldBeLessThan(60);
        show.ShouldContain("questions: q10");

        var (_, diff) = Run("runs", "diff", a.ToString(), b.ToString());
        diff.ShouldContain("0.12");
        diff.ShouldNotContain("0.12345678901234567");
        diff.ShouldNotContain("0.0234567890");
    }

    [Fact]
    public void Questions_are_compared_by_id_whatever_their_order()
    {
        var one = new StoredRun(1, RunStoreTests.Manifest(), """{"questions":[{"id":"a","value":1,"drivers":[{"input":"x","effect":1}]},{"id":"b","value":2}]}""", "");
        var two = new StoredRun(2, RunStoreTests.Manifest(), """{"questions":[{"id":"b","value":2},{"id":"a","value":1.25,"drivers":[{"input":"x","effect":2}]},{"id":"c","value":3}]}""", "");

        var diff = RunDiff.Compare(one, two);

        diff.Inputs.ShouldBeEmpty();
        diff.Answers.Select(x => (x.Path, x.Before, x.After, x.Delta, x.Key)).ShouldBe(
        [
            ("questions[a].value", "1", "1.25", 0.25, true),
            ("questions[a].drivers[x].effect", "1", "2", 1.0, false),
            ("questions[c].id", null, "c", null, false),
            ("questions[c].value", null, "3", null, true),
        ]);
    }

    [Fact]
    public void Unknown_run_is_bad_input_and_a_locked_store_fails_with_exit_1()
    {
        new RunStore(StorePath).Record(RunStoreTests.Manifest(), "{}");
        var (code, output) = Run("runs", "show", "999");
        code.ShouldBe(2);
        output.ShouldContain("no run 999");

        File.WriteAllText(Path.Combine(_dir, "notes.db"), "not a database");
        var console = new TestConsole();
        StatecraftApp.Run(["runs", "list", "--store", Path.Combine(_dir, "notes.db")], console).ShouldBe(1);
        console.Output.ShouldContain("not a Statecraft run store");
        console.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Recording_reads_the_manifest_off_the_settings_and_the_result()
    {
        var started = DateTimeOffset.UtcNow;
        var settings = new Statecraft.Cli.Commands.RunsListSettings { Command = "bargain", Limit = 5, Json = true, Store = StorePath };
        var manifest = Statecraft.Cli.Commands.RunsRecording.Manifest("analyze", settings, started, started, Analysis(1, 2, "x"));

        manifest.InputId.ShouldBe("south-caucasus");
        manifest.InputSha256.ShouldBe("abc");
        manifest.Seed.ShouldBe("7");
        manifest.Options.ShouldBe(new Dictionary<string, string> { ["command"] = "bargain", ["limit"] = "5" }); // not --json, not --store
        manifest.Version.ShouldStartWith("0.1.0");
    }
}
