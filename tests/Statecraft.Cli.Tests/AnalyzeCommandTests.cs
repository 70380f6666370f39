using System.Text.Json;
using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    private static readonly string[] QuestionIds =
    [
        "russia-attacks-azerbaijan", "russia-deports-migrants", "russia-trade-sanctions", "azerbaijan-energy-card", "armenia-regime-change",
        "armenia-azerbaijan-war-after-regime-change", "armenia-alignment", "azerbaijan-alignment", "georgia-alignment",
        "azerbaijan-democratization", "peace-and-trilateral-deal", "western-strategy",
    ];

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Json_answers_every_question_of_the_design_in_the_documented_shape()
    {
        var (code, output) = Run("analyze", "--samples", "16", "--json");
        code.ShouldBe(0, output);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("scenario").GetProperty("id").GetString().ShouldBe("south-caucasus");
        root.GetProperty("scenario").GetProperty("sha256").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
        root.GetProperty("seed").GetUInt64().ShouldBe(20250705UL);
        root.GetProperty("samples").GetInt32().ShouldBe(16);
        root.GetProperty("policies").GetArrayLength().ShouldBe(0);

        var questions = root.GetProperty("questions").EnumerateArray().ToArray();
        questions.Select(q => q.GetProperty("id").GetString()).ShouldBe(QuestionIds, ignoreOrder: true);
        foreach (var q in questions)
        {
            var id = q.GetProperty("id").GetString();
            q.GetProperty("question").GetString().ShouldNotBeNullOrWhiteSpace(id);
            q.GetProperty("unit").GetString().ShouldNotBeNullOrWhiteSpace(id);
            q.GetProperty("verdict").GetString().ShouldNotBeNullOrWhiteSpace(id);
            q.GetProperty("source_conclusion").GetString().ShouldNotBeNullOrWhiteSpace(id);
            q.GetProperty("claims").EnumerateArray().ShouldAllBe(c => c.GetString()!.StartsWith('S'));
            q.GetProperty("agrees_with_source").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            foreach (var d in q.GetProperty("drivers").EnumerateArray())
            {
                d.GetProperty("input").GetString().ShouldNotBeNullOrWhiteSpace();
                d.GetProperty("effect").ValueKind.ShouldBe(JsonValueKind.Number);
            }

            var value = q.GetProperty("value");
            var interval = q.GetProperty("interval");
            if (value.ValueKind == JsonValueKind.Null)
            {
                interval.ValueKind.ShouldBe(JsonValueKind.Null);
                q.GetProperty("verdict").GetString()!.ShouldContain("not available in this build");
                continue;
            }

            value.ValueKind.ShouldBe(JsonValueKind.Number, id);
            var bounds = interval.EnumerateArray().Select(x => x.GetDouble()).ToArray();
            bounds.Length.ShouldBe(2, id);
            // Every headline lies inside its own interval.
            value.GetDouble().ShouldBeInRange(bounds[0], bounds[1], id);
            // A coercion answer gives the costs in US$ and as shares of GDP side by side, and says which the claim is about.
            if (q.GetProperty("model").GetString() == "coercion")
            {
                var models = q.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("value").GetDouble());
                models["cost_ratio_usd"].ShouldBe(models["sender_cost_usd"] / models["target_cost_usd"], 1e-9 * models["cost_ratio_usd"], id);
                models["cost_ratio_share_of_gdp"].ShouldBe(models["sender_cost_share_of_gdp"] / models["target_cost_share_of_gdp"], 1e-9 * models["cost_ratio_share_of_gdp"], id);
                q.GetProperty("verdict").GetString()!.ShouldContain("is about)", Case.Sensitive, id);
                q.GetProperty("verdict").GetString()!.ShouldContain("as shares of GDP", Case.Sensitive, id);
            }

            if (q.GetProperty("model").GetString() != "bargaining") continue;
            var ensemble = q.GetProperty("ensemble");
            ensemble.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("model").GetString())
                .ShouldBe(["bdm", "smp", "weighted-mean", "weighted-median"], id);
            ensemble.GetProperty("predictive_quantiles").GetProperty("q50").GetDouble().ShouldBe(value.GetDouble(), id);
            var spread = ensemble.GetProperty("spread").GetDouble();
            // A disagreement of more than 15 points is explained; a smaller one is not.
            (ensemble.TryGetProperty("disagreement", out var why) && why.GetString()!.Contains("BDM")).ShouldBe(spread > 15, id);
        }

        var packages = root.GetProperty("packages").EnumerateArray().ToArray();
        packages.Select(p => p.GetProperty("policy").GetString()).ShouldContain("all-combined");
        foreach (var p in packages)
        {
            // Outcome by outcome, never an average across scales.
            p.TryGetProperty("gain", out _).ShouldBeFalse();
            p.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("question").GetString()).ShouldContain("armenia-alignment");
            // The war column is the calibrated probability of a dispute, named as such, with its interval.
            var war = p.GetProperty("war");
            war.GetProperty("measure").GetString()!.ShouldStartWith("probability that RUS initiates a militarized dispute with force against AZE within 12 months");
            war.GetProperty("probability").GetBoolean().ShouldBeTrue();
            var interval = war.GetProperty("interval").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            interval[0].ShouldBeLessThanOrEqualTo(interval[1]);
            war.GetProperty("value").GetDouble().ShouldBeInRange(0, 1);
            if (p.GetProperty("what_if").GetBoolean()) continue;
            // Every package is met by Russia's best response, the best option first.
            var options = p.GetProperty("response_options").EnumerateArray().Select(o => o.GetProperty("objective").GetDouble()).ToArray();
            options.ShouldBe(options.OrderByDescending(x => x).ToArray());
            p.GetProperty("response").GetString().ShouldBe(p.GetProperty("response_options")[0].GetProperty("policy").GetString());
            p.GetProperty("with_response").GetArrayLength().ShouldBe(p.GetProperty("outcomes").GetArrayLength());
        }

        // One claim, one test: every claim a question cites has its own verdict.
        foreach (var q in questions)
        {
            var verdicts = q.GetProperty("claim_verdicts").EnumerateArray().ToArray();
            verdicts.Select(v => v.GetProperty("claim").GetString()).ShouldBe(q.GetProperty("claims").EnumerateArray().Select(c => c.GetString()));
            foreach (var v in verdicts) v.GetProperty("verdict").GetString().ShouldBeOneOf("agrees", "disagrees", "not tested");
            verdicts.ShouldAllBe(v => v.GetProperty("proposition").GetString()!.Length > 10 && v.GetProperty("reason").GetString()!.Length > 10);
        }

        var attack = questions.Single(q => q.GetProperty("id").GetString() == "russia-attacks-azerbaijan").GetProperty("claim_verdicts")
            .EnumerateArray().ToDictionary(v => v.GetProperty("claim").GetString()!, v => v.GetProperty("verdict").GetString());
        attack["S1"].ShouldBe("not tested", "battlefield momentum is not an input of War Trap");
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        var a = Run("analyze", "--samples", "12", "--seed", "42", "--json");
        var b = Run("analyze", "--samples", "12", "--seed", "42", "--json");
        var c = Run("analyze", "--samples", "12", "--seed", "43", "--json");
        a.Code.ShouldBe(0);
        b.Output.ShouldBe(a.Output);
        c.Output.ShouldNotBe(a.Output);
    }

    [Fact]
    public void The_findings_table_names_every_question_and_the_article_agreement()
    {
        var (code, output) = Run("analyze", "--samples", "8");
        code.ShouldBe(0, output);
        foreach (var id in QuestionIds) output.ShouldContain(id);
        output.ShouldContain("Agrees with the article?");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_policy_changes_the_answers_and_is_recorded()
    {
        var baseline = JsonDocument.Parse(Run("analyze", "--samples", "8", "--json").Output).RootElement;
        var (code, output) = Run("analyze", "--samples", "8", "--json", "--policy", "ukraine-war-ends");
        code.ShouldBe(0, output);
        var applied = JsonDocument.Parse(output).RootElement;
        applied.GetProperty("policies")[0].GetString().ShouldBe("ukraine-war-ends");
        JsonElement Answer(JsonElement root) => root.GetProperty("questions").EnumerateArray()
            .Single(q => q.GetProperty("id").GetString() == "russia-attacks-azerbaijan");
        double Eu(JsonElement root) => Answer(root).GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model").GetString() == "war_trap_eu").GetProperty("value").GetDouble();
        // With its forces freed from Ukraine, an attack on Azerbaijan looks better to Russia in War Trap's EU,
        // and the answer (the calibrated probability, in which capability weighs little) moves.
        Eu(applied).ShouldBeGreaterThan(Eu(baseline));
        Answer(applied).GetProperty("value").GetDouble().ShouldNotBe(Answer(baseline).GetProperty("value").GetDouble());
    }

    [Fact]
    public void An_unknown_policy_is_bad_input()
    {
        var (code, output) = Run("analyze", "--policy", "invade-mars");
        code.ShouldBe(2);
        output.ShouldContain("unknown policy 'invade-mars'");
        output.ShouldContain("all-combined");
    }

    [Fact]
    public void A_bad_scenario_reports_every_problem_with_line_and_column_and_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-bad-{Guid.NewGuid():N}.yaml");
        var text = File.ReadAllText(Fixture("two-countries.yaml"))
            .Replace("salience: {value: 0.2, low: 0.1, high: 0.3, source: guess}", "salience: 0.2")
            .Replace("from: FRE, to: SYL", "from: FRE, to: ATLANTIS");
        File.WriteAllText(path, text);
        try
        {
            var (code, output) = Run("analyze", path);
            code.ShouldBe(2);
            output.ShouldMatch(@"statecraft-bad-\w+\.yaml:\d+:\d+: river-share/MAR: salience: a number without a source");
            output.ShouldMatch(@"statecraft-bad-\w+\.yaml:\d+:\d+: tie Rivalry FRE-ATLANTIS: to: unknown actor 'ATLANTIS'");
            output.ShouldContain("2 problem(s)");
            output.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_bad_input_without_a_stack_trace()
    {
        var (code, output) = Run("analyze", "/no/such/scenario.yaml");
        code.ShouldBe(2);
        output.ShouldContain("cannot read");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Zero_samples_is_bad_input() => Run("analyze", "--samples", "0").Code.ShouldBe(2);

    [Fact]
    public void A_fictional_two_country_scenario_written_from_the_docs_runs_end_to_end()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"statecraft-report-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = Run("analyze", Fixture("two-countries.yaml"), "--samples", "16", "--json", "--out", dir);
            code.ShouldBe(0, output);
            var root = JsonDocument.Parse(output).RootElement;
            root.GetProperty("scenario").GetProperty("id").GetString().ShouldBe("river-dispute");
            var questions = root.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
            var river = questions["river-outcome"].GetProperty("value").GetDouble();
            river.ShouldBeInRange(0, 100);
            questions["freedonia-attacks"].GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Number);
            questions["which-policy"].GetProperty("verdict").GetString()!.ShouldContain("mediation");
            File.Exists(Path.Combine(dir, "report.md")).ShouldBeTrue();
            File.ReadAllText(Path.Combine(dir, "report.html")).ShouldContain("<svg");
            File.ReadAllText(Path.Combine(dir, "analysis.json")).ShouldContain("river-dispute");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_out_directory_that_cannot_be_created_says_so_in_one_line()
    {
        var (code, output) = Run("analyze", "--samples", "4", "--out", "/proc/statecraft-report");
        code.ShouldBe(1, output);
        output.ShouldContain("error: --out /proc/statecraft-report: cannot create this directory (its parent does not exist or does not accept new entries)");
        output.ShouldNotContain("Could not find file");
    }

    [Fact]
    public void Scenario_problems_start_with_error_in_lower_case_like_every_other_error()
    {
        var (code, output) = Run("analyze", Fixture("no-such-file.yaml"));
        code.ShouldBe(2);
        output.ShouldStartWith("error: ", Case.Sensitive);
    }

    [Fact]
    public void The_policy_comparison_speaks_of_the_scenario_s_own_war_and_calls_no_package_dominant_that_helps_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-policy-{Guid.NewGuid():N}.yaml");
        try
        {
            JsonElement Analyze(string yaml)
            {
                File.WriteAllText(path, yaml);
                var (code, output) = Run("analyze", path, "--samples", "16", "--json");
                code.ShouldBe(0, output);
                return JsonDocument.Parse(output).RootElement.Clone();
            }

            static string Verdict(JsonElement root) => root.GetProperty("questions").EnumerateArray()
                .Single(q => q.GetProperty("id").GetString() == "which-policy").GetProperty("verdict").GetString()!;

            // A mediation that moves Freedonia further from the middle lowers the river outcome: measured
            // towards Sylvania's position it hurts, so no package helps and none is called dominant.
            var yaml = File.ReadAllText(Fixture("two-countries.yaml"))
                .Replace(
                    "{issue: river-share, actor: MAR, field: salience, add: {value: 0.2, low: 0.1, high: 0.3}",
                    "{issue: river-share, actor: FRE, field: position, add: {value: -10, low: -10, high: -8}")
                .Replace("model: policy-comparison,", "model: policy-comparison, sponsors: [SYL],");
            var lowering = Analyze(yaml);
            var verdict = Verdict(lowering);
            verdict.ShouldContain("hurts: mediation (river-outcome -");
            verdict.ShouldContain("No package helps without a loss.");
            verdict.ShouldNotContain("dominates");
            verdict.ShouldNotContain("Russia");
            var war = lowering.GetProperty("packages")[0].GetProperty("war");
            war.GetProperty("question").GetString().ShouldBe("freedonia-attacks");
            war.GetProperty("measure").GetString()!.ShouldContain("FRE attacking SYL");

            // The fixture's war question sources no contiguity and peace years: no calibrated probability,
            // so every war column is the share of draws in which the attack pays, labelled as no probability.
            foreach (var p in lowering.GetProperty("packages").EnumerateArray())
            {
                var column = p.GetProperty("war");
                column.GetProperty("probability").GetBoolean().ShouldBeFalse();
                column.GetProperty("measure").GetString()!.ShouldContain("not a probability");
                (column.TryGetProperty("interval", out var interval) && interval.ValueKind != JsonValueKind.Null).ShouldBeFalse();
            }

            verdict.ShouldNotContain("war risk");

            // Without sponsors a material move is reported as a move, neither a gain nor "no material change".
            var unsponsored = Analyze(yaml.Replace(" sponsors: [SYL],", ""));
            unsponsored.GetProperty("packages")[0].GetProperty("call").GetString().ShouldBe("moves (no sponsors named)");

            // A package in which Freedonia concedes helps Sylvania on the one outcome with a direction, and
            // dominates the mediation that hurts.
            var raising = Verdict(Analyze(yaml.Replace("questions:", """
                  - id: concession
                    title: Freedonia gives up the river
                    claims: [C1]
                    changes:
                      - {issue: river-share, actor: FRE, field: position, set: 95, source: guess}

                questions:
                """)));
            raising.ShouldContain("helps: concession (river-outcome +");
            raising.ShouldContain("concession dominates every other package outcome by outcome.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
