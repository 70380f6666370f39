using System.Globalization;
using System.Text.RegularExpressions;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>The built-in scenario's resolvable questions: the issue's twelve, dated, sourced, without hindsight.</summary>
public sealed partial class BuiltInForecastsTests
{
    private static readonly Scenario Built = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;

    private static readonly string[] TwelveIds =
    [
        "russia-strikes-azerbaijan-2025", "armenia-azerbaijan-war-2025", "peace-treaty-initialled-2025", "peace-treaty-signed-2025",
        "minsk-group-closed-2025", "pashinyan-in-office-2025", "georgian-dream-in-power-2025", "armenia-leaves-csto-2025",
        "russia-mass-deportation-2025", "russia-acknowledges-azal-2025", "us-waives-section-907-2025", "russia-iran-treaty-in-force-2025",
    ];

    [Fact]
    public void It_asks_the_issues_twelve_questions_at_the_scenario_date_with_the_year_end_deadline()
    {
        Built.Forecasts.Select(f => f.Id).Take(TwelveIds.Length).ShouldBe(TwelveIds);
        foreach (var f in Built.Forecasts.Where(f => TwelveIds.Contains(f.Id)))
        {
            f.Kind.ShouldBe(QuestionKind.Binary, f.Id);
            f.ForecastDate(Built.Date).ShouldBe(new DateOnly(2025, 7, 5), f.Id);
            f.Resolution.Deadline.ShouldBe(new DateOnly(2025, 12, 31), f.Id);
            f.Resolution.Criterion.Length.ShouldBeGreaterThan(30, f.Id);
            f.Resolution.DecidedBy.Length.ShouldBeGreaterThan(10, f.Id);
            f.BaseRate.Reasoning.Length.ShouldBeGreaterThan(80, f.Id);
            f.Judgement.Reasoning.Length.ShouldBeGreaterThan(80, f.Id);
            f.Judgement.Cites.Count.ShouldBeGreaterThan(0, f.Id); // a judgement moves the base rate with dated facts
        }
    }

    [Fact]
    public void The_war_trap_and_bargaining_questions_name_their_model_questions()
    {
        Built.Forecasts.Where(f => f.Model is not null).Select(f => (f.Id, f.Model!.Kind, f.Model.Questions[0])).ShouldBe(
        [
            ("russia-strikes-azerbaijan-2025", ModelLinkKind.WarTrapMid, "russia-attacks-azerbaijan"),
            ("peace-treaty-signed-2025", ModelLinkKind.OutcomeAbove, "peace-and-trilateral-deal"),
            ("pashinyan-in-office-2025", ModelLinkKind.OutcomeAbove, "armenia-regime-change"),
        ]);
    }

    [Fact]
    public void Nothing_in_the_forecasts_names_a_date_after_the_scenario_date()
    {
        // Years after 2025 (but the scheduled 2026 elections), or months of 2025 after the forecast other than the deadline.
        foreach (var f in Built.Forecasts)
        {
            var texts = new[] { f.Text, f.Resolution.Criterion, f.Resolution.DecidedBy, f.BaseRate.Reasoning, f.Judgement.Reasoning };
            foreach (var text in texts)
            {
                foreach (Match m in Years().Matches(text))
                    if (int.Parse(m.Value, CultureInfo.InvariantCulture) > 2025 && !text.Contains("2026 election", StringComparison.Ordinal))
                        Assert.Fail($"{f.Id}: '{m.Value}' in \"{text}\"");
                LaterIn2025().IsMatch(text.Replace("31 December 2025", "", StringComparison.Ordinal).Replace(f.Resolution.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", StringComparison.Ordinal)).ShouldBeFalse($"{f.Id}: \"{text}\"");
            }
        }
    }

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Years();

    [GeneratedRegex(@"\b(August|September|October|November|December) 2025\b|\b2025-(0[89]|1[0-2])-\d\d\b")]
    private static partial Regex LaterIn2025();

    [Fact]
    public void The_russia_strikes_base_rate_is_recomputed_from_cow_mid_v5()
    {
        // Russia (365) on side A of a dispute onset with hostility 4-5 against another post-Soviet state, 1992-2014.
        var path = Path.Combine(TestPaths.Shared, "data", "conflict", "cow_mid_v5_dirdisps_peacesciencer.csv");
        File.Exists(path).ShouldBeTrue($"{path}: the COW MID v5 directed dispute-years are expected beside the checkout (../shared)");
        int[] postSoviet = [359, 366, 367, 368, 369, 370, 371, 372, 373, 701, 702, 703, 704, 705];
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        int Col(string name) => header.IndexOf(name);
        var onsets = new HashSet<(int, int)>();
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            int I(string name) => int.Parse(c[Col(name)], CultureInfo.InvariantCulture);
            if (I("ccode1") == 365 && postSoviet.Contains(I("ccode2")) && I("year") is >= 1992 and <= 2014
                && I("disponset") == 1 && I("sidea1") == 1 && I("hostlev1") >= 4)
                onsets.Add((I("ccode2"), I("year")));
        }

        onsets.Count.ShouldBe(12);
        onsets.Count(o => o.Item1 == 373).ShouldBe(1); // Azerbaijan, 1993
        var yearly = onsets.Count / (double)(postSoviet.Length * 23);
        var window = Forecaster.ForWindow(yearly, 179);
        var stated = Built.Forecasts.Single(f => f.Id == "russia-strikes-azerbaijan-2025").BaseRate.Prediction.P!.Value;
        stated.ShouldBe(Math.Round(window, 3));
    }
}
