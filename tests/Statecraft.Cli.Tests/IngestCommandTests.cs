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

        // With --date every event is dated and no note is said (only the dictionaries read are listed).
        var dated = RunWithDiagnostics("ingest", Article, "--csv", "--date", "2025-07-15");
        dated.Code.ShouldBe(0);
        dated.Diagnostics.ShouldNotContain("note:");
        dated.Diagnostics.ShouldContain("Phoenix.Countries.actors.txt: 54,526 lines");
    }

    [Fact]
    public void Scheme_plover_gives_PLOVER_types_modes_and_the_CAMEO_code_behind_each()
    {
        var (code, output, diagnostics) = RunWithDiagnostics("ingest", Article, "--date", "2025-07-15", "--scheme", "plover", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var stats = json.RootElement.GetProperty("stats");
        stats.GetProperty("scheme").GetString().ShouldBe("plover");
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => char.IsAsciiLetterUpper(e.GetProperty("code").GetString()![0]) && e.GetProperty("cameo").GetString()!.Length >= 3);
        var strike = events.First(e => e.GetProperty("span").GetString()!.Contains("targeted by"));
        strike.GetProperty("code").GetString().ShouldBe("ASSAULT");
        strike.GetProperty("cameo").GetString()!.ShouldStartWith("19");
        strike.GetProperty("intensity").GetDouble().ShouldBeLessThan(-9);
        strike.TryGetProperty("goldstein", out _).ShouldBeFalse();
        strike.GetProperty("quad_class").GetInt32().ShouldBe(4);
        // statements and appeals have no PLOVER type: counted, said, not output
        var dropped = stats.GetProperty("not_in_plover").GetInt32();
        if (dropped > 0) diagnostics.ShouldContain($"note: {dropped} CAMEO events are statements or appeals");

        var csv = Run("ingest", Article, "--date", "2025-07-15", "--scheme", "plover", "--csv");
        csv.Output.Split('\n')[0].Trim().ShouldBe("doc,sentence,date,actor,recipient,event_type,mode,context,intensity,quad_class,cameo,span,text");
    }

    [Fact]
    public void Polecat_events_need_the_PLOVER_scheme()
    {
        var polecat = TestPaths.InRepo("tests", "Statecraft.Io.Tests", "Events", "Fixtures", "polecat-sample.tsv");
        var cameo = Run("ingest", polecat);
        cameo.Code.ShouldBe(2);
        cameo.Output.ShouldContain("add --scheme plover");
        var plover = Run("ingest", polecat, "--scheme", "plover", "--csv");
        plover.Code.ShouldBe(0, plover.Output);
        plover.Output.ShouldContain("sample-1,0,2024-12-25,RUS,AZE,ASSAULT,aerial,military,-9.5,4,");
        Run("ingest", polecat, "--scheme", "idea").Output.ShouldContain("--scheme: 'idea' is not one of cameo, plover");
    }

    [Fact]
    public void Watch_links_each_question_input_to_the_events_that_push_it()
    {
        var (code, output) = Run("watch", "built-in", Article, "--samples", "30", "--json");
        code.ShouldBe(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("scenario").GetString().ShouldBe("south-caucasus");
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        questions.Count.ShouldBeGreaterThanOrEqualTo(10);
        var attack = questions.Single(q => q.GetProperty("id").GetString() == "russia-attacks-azerbaijan");
        var inputs = attack.GetProperty("inputs").EnumerateArray().ToList();
        inputs.Select(i => i.GetProperty("input").GetString()).ShouldContain("actor/RUS/committed_elsewhere");
        var article = File.ReadAllText(Article);
        var evidence = questions.SelectMany(q => q.GetProperty("inputs").EnumerateArray()).SelectMany(i => i.GetProperty("evidence").EnumerateArray()).ToList();
        evidence.ShouldNotBeEmpty();
        foreach (var e in evidence)
        {
            // each event linked to its sentence, as written
            e.GetProperty("doc").GetString().ShouldBe("south-caucasus-article.txt");
            e.GetProperty("sentence").GetInt32().ShouldBeGreaterThan(0);
            article.ShouldContain(e.GetProperty("text").GetString()!);
            e.GetProperty("why").GetString()!.ShouldNotBeEmpty();
        }

        foreach (var i in questions.SelectMany(q => q.GetProperty("inputs").EnumerateArray()))
            i.GetProperty("events").GetInt32().ShouldBe(i.GetProperty("evidence").GetArrayLength());
        Run("watch", "built-in", Article, "--samples", "30", "--json").Output.ShouldBe(output);
    }

    [Fact]
    public void Watch_names_bad_options()
    {
        var (code, output) = Run("watch", "built-in", Article, "--since", "2025-13-01");
        code.ShouldBe(2);
        output.ShouldContain("--since: '2025-13-01' is not YYYY-MM-DD");
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var all = Run("ingest", Article, "--date", "2025-07-15").Output;
        all.ShouldBe(Run("ingest", Article, "--date", "2025-07-15").Output);
        Run("ingest", Article, "--date", "2025-07-15", "--threads", "1").Output.ShouldBe(all);
        Run("ingest", Article, "--threads", "0").Output.ShouldContain("--threads: expected a whole number >= 1, found 0");
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

    private static (int Code, string Output, string Diagnostics) RunWithDiagnostics(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var errors = new StringWriter();
        var code = StatecraftApp.Run(args, console, diagnostics: errors);
        return (code, console.Output, errors.ToString());
    }

    [Fact]
    public void Malformed_user_dictionary_entries_are_skipped_and_reported_or_refused_with_strict()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.actors");
        File.WriteAllText(path, "RUSSIA [RUS]\nARMENIA [ARM\n");
        try
        {
            var (code, output, diagnostics) = RunWithDiagnostics("ingest", Article, "--actors", path);
            code.ShouldBe(0, output);
            diagnostics.ShouldContain(Path.GetFileName(path) + ": 2 lines, 2 entries skipped; see --dictionary-report");
            diagnostics.ShouldNotContain(path + ":2");
            using (var json = JsonDocument.Parse(output))
            {
                var file = json.RootElement.GetProperty("stats").GetProperty("dictionaries").EnumerateArray()
                    .Single(d => d.GetProperty("file").GetString() == Path.GetFileName(path));
                file.GetProperty("skipped").GetInt32().ShouldBe(2);
            }

            RunWithDiagnostics("ingest", Article, "--actors", path, "--dictionary-report").Diagnostics
                .ShouldContain(path + ":2:9: code: missing ']' after '['; this code is skipped");
            var strict = RunWithDiagnostics("ingest", Article, "--actors", path, "--strict");
            strict.Code.ShouldBe(2);
            strict.Output.ShouldContain(Path.GetFileName(path) + ":2");
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
