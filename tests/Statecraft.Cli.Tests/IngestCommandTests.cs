using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class IngestCommandTests
{
    private static readonly string Article = Path.Combine(TestPaths.Shared, "seed", "south-caucasus-article.txt");

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    [Fact]
    public void Ingest_prints_events_figures_and_stats_as_json()
    {
        var (code, output) = Run("ingest", Article, "--date", "2025-07-15", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Count.ShouldBe(root.GetProperty("stats").GetProperty("events").GetInt32());
        root.GetProperty("stats").GetProperty("sentences").GetInt32().ShouldBeGreaterThanOrEqualTo(File.ReadLines(Article).Count(l => l.Trim().Length > 0));
        var strike = events.First(e => e.GetProperty("span").GetString()!.Contains("targeted by"));
        strike.GetProperty("doc").GetString().ShouldBe("south-caucasus-article.txt");
        strike.GetProperty("date").GetString().ShouldBe("2024-12-01");
        strike.GetProperty("source").GetString().ShouldBe("RUS");
        strike.GetProperty("code").GetString()!.ShouldStartWith("19");
        strike.GetProperty("goldstein").GetDouble().ShouldBe(-10);
        strike.GetProperty("quad_class").GetInt32().ShouldBe(4);
        // text is the sentence exactly as written in the input
        File.ReadAllText(Article).ShouldContain(strike.GetProperty("text").GetString()!);
        root.GetProperty("figures").EnumerateArray().ShouldContain(f => f.GetProperty("value").GetDouble() == 100000);
    }

    [Fact]
    public void Ingest_csv_has_the_documented_header()
    {
        var (code, output) = Run("ingest", Article, "--csv");
        code.ShouldBe(0, output);
        output.Split('\n')[0].Trim().ShouldBe("doc,sentence,date,source,target,code,goldstein,quad_class,span,text");
    }

    [Fact]
    public void Without_a_date_ingest_says_on_standard_error_how_many_events_are_undated()
    {
        static (string Out, string Err) Process(params string[] args)
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "statecraft.dll"), .. args]) start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, stderr);
            return (stdout.Result, stderr);
        }

        var (csv, note) = Process("ingest", Article, "--csv");
        csv.ShouldStartWith("doc,sentence,date,");
        var undated = csv.Split('\n').Skip(1).Count(l => l.Split(',') is { Length: > 2 } f && f[2] == "");
        undated.ShouldBeGreaterThan(0);
        note.ShouldContain($"note: {undated} of ");
        note.ShouldContain("--date");

        // With --date every event is dated and nothing is said (in process: only ingest writes to standard error).
        var error = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Run("ingest", Article, "--csv", "--date", "2025-07-15").Code.ShouldBe(0);
        }
        finally
        {
            Console.SetError(error);
        }

        captured.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Run("ingest", Article, "--date", "2025-07-15").Output.ShouldBe(Run("ingest", Article, "--date", "2025-07-15").Output);
    }

    [Fact]
    public void Validate_reports_records_and_passes_as_json()
    {
        var (code, output) = Run("ingest", "validate", TestPaths.Reference("events", "tabari", "Validate.project"), "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var records = json.RootElement.GetProperty("records").GetInt32();
        var passed = json.RootElement.GetProperty("passed").GetInt32();
        records.ShouldBe(444);
        passed.ShouldBeGreaterThanOrEqualTo(417);
        json.RootElement.GetProperty("failed").GetArrayLength().ShouldBe(records - passed);
    }

    [Fact]
    public void Bad_options_and_missing_files_are_bad_input()
    {
        var (code, output) = Run("ingest", Article, "--format", "word", "--date", "15/07/2025");
        code.ShouldBe(2);
        output.ShouldContain("--format");
        output.ShouldContain("--date");
        output.ShouldNotContain("   at ");

        (code, output) = Run("ingest", "no-such-file.txt");
        code.ShouldBe(2);
        output.ShouldContain("no-such-file.txt");
    }

    [Fact]
    public void Malformed_user_dictionary_is_named_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.actors");
        File.WriteAllText(path, "RUSSIA [RUS]\nARMENIA [ARM\n");
        try
        {
            var (code, output) = Run("ingest", Article, "--actors", path);
            code.ShouldBe(2);
            output.ShouldContain(Path.GetFileName(path) + ":2");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Timeline_shows_the_dyad_with_its_sentences()
    {
        var (code, output) = Run("timeline", Article, "--source", "RUS", "--target", "AZE", "--date", "2025-07-15", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var dyad = json.RootElement.GetProperty("dyads").EnumerateArray().Single();
        dyad.GetProperty("source").GetString().ShouldBe("RUS");
        dyad.GetProperty("months").EnumerateArray().ShouldContain(m => m.GetProperty("month").GetString() == "2024-12");
        dyad.GetProperty("events").EnumerateArray().ShouldAllBe(e => e.GetProperty("text").GetString()!.Length > 0);
    }

    [Fact]
    public void Analyze_with_events_shows_the_trend_behind_each_tie_linked_to_sentences()
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-analyze-events-").FullName;
        try
        {
            var (code, output) = Run("analyze", "--events", Article, "--samples", "20", "--out", dir);
            code.ShouldBe(0, output);
            output.ShouldContain("Event trends behind the ties");
            var report = File.ReadAllText(Path.Combine(dir, "report.md"));
            report.ShouldContain("### rivalry RUS – AZE (since 2024-12-29)");
            report.ShouldContain("| 2024-12 | RUS | AZE | 1 |");
            report.ShouldContain("south-caucasus-article.txt, sentence 32");
            File.Exists(Path.Combine(dir, "event-trends.json")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
