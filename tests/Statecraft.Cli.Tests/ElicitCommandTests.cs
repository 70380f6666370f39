using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary><c>elicit template</c>, then <c>elicit merge</c>, through the command line.</summary>
public sealed class ElicitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statecraft-elicit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        return (StatecraftApp.Run(args, console), console.Output);
    }

    private static string Scenario => TestPaths.InRepo("tests", "Statecraft.Cli.Tests", "Fixtures", "two-countries.yaml");

    /// <summary>The template as the command writes it, with one actor's row filled by an expert.</summary>
    private string Sheet(string name, string expert, string actor, string values)
    {
        var (code, template) = Run("elicit", "template", Scenario, "river-share");
        code.ShouldBe(0);
        var lines = template.Split('\n').Select(l =>
            l.StartsWith(',') && l.Split(',')[2] == actor ? $"{expert},river-share,{actor},{values}"
            : l.StartsWith(',') ? expert + l : l);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }

    [Fact]
    public void Template_writes_the_sheet_for_the_issue()
    {
        var (code, output) = Run("elicit", "template", Scenario, "river-share");
        code.ShouldBe(0);
        output.ShouldContain("expert,issue,actor,position,position_low,position_high,salience,salience_low,salience_high,influence,influence_low,influence_high,reasoning");
        output.ShouldContain(",river-share,FRE_OPP,,,,,,,,,,");
        var (bad, message) = Run("elicit", "template", Scenario, "lake-share");
        bad.ShouldBe(2);
        message.ShouldContain("unknown issue 'lake-share'");
    }

    [Fact]
    public void Merge_writes_the_pooled_scenario_and_analyze_reports_the_experts()
    {
        var ana = Sheet("ana.csv", "Ana", "MAR", "60,50,70,0.4,0.3,0.5,25,20,30,Marsovia leans to Sylvania");
        var ben = Sheet("ben.csv", "Ben", "MAR", "90,80,100,0.2,0.1,0.3,10,5,15,Marsovia will not spend much");
        var (code, merged) = Run("elicit", "merge", Scenario, ana, ben);
        code.ShouldBe(0, merged);
        var loaded = ScenarioLoader.Load(merged, "merged.yaml");
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        loaded.Value.Scenario.Issue("river-share").StanceOf("MAR")!.Position.Experts!.Select(e => e.Source.SourceId).ShouldBe(["guess", "expert-ana", "expert-ben"]);

        var file = Path.Combine(_dir, "merged.yaml");
        var (written, note) = Run("elicit", "merge", Scenario, ana, ben, "--out", file);
        written.ShouldBe(0);
        note.ShouldContain("Merged 2 sheet(s) from 2 expert(s) (expert-ana, expert-ben)");
        File.ReadAllText(file).ShouldBe(merged);

        var (ran, json) = Run("analyze", file, "--samples", "20", "--expert-aggregation", "median", "--json", "--store", Path.Combine(_dir, "runs.db"));
        ran.ShouldBe(0);
        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("scenario").GetProperty("expert_aggregation").GetString().ShouldBe("median");
        var models = root.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("model").GetString() == "bargaining").GetProperty("models")
            .EnumerateArray().Select(m => m.GetProperty("model").GetString()).ToArray();
        models.ShouldContain("expert:expert-ana");
        models.ShouldContain("experts_spread");
    }

    [Fact]
    public void Merge_never_overwrites_its_input_unless_asked()
    {
        var copy = Path.Combine(_dir, "scenario.yaml");
        File.Copy(Scenario, copy);
        var ana = Sheet("ana.csv", "Ana", "MAR", "60,50,70,,,,,,,Marsovia leans to Sylvania");
        var (code, output) = Run("elicit", "merge", copy, ana, "--out", copy);
        code.ShouldBe(2);
        output.ShouldContain("is the input scenario");
        File.ReadAllText(copy).ShouldBe(File.ReadAllText(Scenario));
        Run("elicit", "merge", copy, ana, "--out", copy, "--overwrite").Code.ShouldBe(0);
        File.ReadAllText(copy).ShouldContain("expert-ana");
    }

    [Fact]
    public void A_bad_sheet_is_refused_with_file_line_and_field_and_exit_code_2()
    {
        var bad = Sheet("bad.csv", "Ana", "SYL", "60,50,70,1.4,1.2,1.6,,,,");
        File.AppendAllText(bad, "\nAna,river-share,ZZZ,60,50,70,,,,,,,why\n");
        var (code, output) = Run("elicit", "merge", Scenario, bad);
        code.ShouldBe(2);
        output.ShouldContain($"{bad}:");
        output.ShouldContain("river-share/SYL: salience: expected a salience in [0, 1]");
        output.ShouldContain("river-share/SYL: reasoning: missing");
        output.ShouldContain("river-share/ZZZ: actor: unknown actor 'ZZZ'");
        output.ShouldNotContain("   at ");
    }
}
