using Statecraft.Core.Elicitation;
using Statecraft.Core.Random;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Tests.Ensemble;
using Statecraft.Core.Tests.Scenarios;
using Statecraft.Core.Uncertainty;

namespace Statecraft.Core.Tests.Elicitation;

/// <summary>Median and linear pool on hand-made judgements, against results computed by hand.</summary>
public sealed class ExpertAggregationTests
{
    private static SourcedValue J(double v, double lo, double hi, string expert) => Tiny.R(v, lo, hi, expert);

    private static readonly SourcedValue Ana = J(60, 50, 70, "ana");
    private static readonly SourcedValue Ben = J(40, 30, 60, "ben");
    private static readonly SourcedValue Cem = J(80, 70, 90, "cem");

    [Fact]
    public void The_median_takes_the_median_of_the_lows_the_centrals_and_the_highs()
    {
        // Centrals 60, 40, 80 -> 60; lows 50, 30, 70 -> 50; highs 70, 60, 90 -> 70.
        var three = ExpertPooling.Aggregate([Ana, Ben, Cem], ExpertAggregation.Median);
        three.Estimate.ShouldBe(new Estimate(60, 50, 70));
        three.Distribution.ShouldBeNull("the Monte Carlo draws the triangular of the pooled range");
        three.Experts!.Select(e => e.Source.SourceId).ShouldBe(["ana", "ben", "cem"]);
        three.Source.SourceId.ShouldBe("ana");

        // An even count takes the mean of the two middle values: (60+40)/2, (50+30)/2, (70+60)/2.
        ExpertPooling.Aggregate([Ana, Ben], ExpertAggregation.Median).Estimate.ShouldBe(new Estimate(50, 40, 65));
    }

    [Fact]
    public void The_linear_pool_is_the_mixture_of_the_experts_triangles()
    {
        var pool = ExpertPooling.Aggregate([Ana, Ben], ExpertAggregation.LinearPool);
        var mixture = pool.Distribution.ShouldBeOfType<MixtureDistribution>();

        // CDF(50) = (0 + [1 - (60-50)^2 / ((60-30)(60-40))]) / 2 = (1 - 100/600) / 2 = 5/12.
        mixture.Cdf(50).ShouldBe(5.0 / 12, 1e-12);
        // Median: (x-50)^2/200 = (60-x)^2/600, i.e. x = (60 + 50 sqrt 3) / (1 + sqrt 3).
        var median = (60 + 50 * Math.Sqrt(3)) / (1 + Math.Sqrt(3));
        pool.Estimate.Central.ShouldBe(median, 1e-9);
        pool.Estimate.Low.ShouldBe(30);
        pool.Estimate.High.ShouldBe(70);
    }

    [Fact]
    public void The_monte_carlo_samples_the_pool_so_disagreement_widens_the_draws()
    {
        var pool = ExpertPooling.Aggregate([Ana, Ben], ExpertAggregation.LinearPool).Distribution!;
        var random = new Xoshiro256StarStar(11);
        var draws = Enumerable.Range(0, 20_000).Select(_ => pool.Sample(random)).ToArray();
        (draws.Count(x => x < 50) / 20_000.0).ShouldBe(5.0 / 12, 0.012);
        draws.Min().ShouldBeGreaterThanOrEqualTo(30);
        draws.Max().ShouldBeLessThanOrEqualTo(70);

        // The median pool of the same two experts is narrower: [40, 65] against [30, 70].
        var median = ExpertPooling.Aggregate([Ana, Ben], ExpertAggregation.Median);
        (median.Estimate.High - median.Estimate.Low).ShouldBeLessThan(70 - 30);
    }

    [Fact]
    public void Point_judgements_are_atoms_of_the_pool()
    {
        var pool = ExpertPooling.Aggregate([Tiny.V(10, "ana"), Tiny.V(20, "ben")], ExpertAggregation.LinearPool);
        var d = pool.Distribution!;
        d.Quantile(0.25).ShouldBe(10);
        d.Median.ShouldBe(10, "the smallest x with CDF(x) >= 0.5 is the first atom");
        d.Quantile(0.75).ShouldBe(20);
        pool.Estimate.ShouldBe(new Estimate(10, 10, 20));
    }

    [Fact]
    public void A_scenario_pools_by_its_choice_and_the_command_line_can_change_it()
    {
        var stances = Tiny.InfluenceIssue.Stances.ToArray();
        var experts = ExpertPooling.Aggregate([J(25, 15, 35, "ana"), J(15, 5, 25, "ben"), J(60, 50, 70, "cem")], ExpertAggregation.LinearPool);
        stances[0] = stances[0] with { Position = experts };
        var s = Tiny.Create(sources: [.. Tiny.Sources, Judge("ana"), Judge("ben"), Judge("cem")], issues: [Tiny.InfluenceIssue with { Stances = stances }]).Value;
        s.Issue("border").StanceOf("A")!.Position.Distribution.ShouldBeOfType<MixtureDistribution>();

        var median = s.WithExpertAggregation(ExpertAggregation.Median);
        median.Header.Aggregation.ShouldBe(ExpertAggregation.Median);
        median.Issue("border").StanceOf("A")!.Position.Estimate.ShouldBe(new Estimate(25, 15, 35));
        median.Inputs.Single(i => i.Path == "issue/border/A/position").Label.ShouldEndWith("(pooled from 3 experts)");

        // A policy's shift applies to every expert, and the pool is formed again: medians 35, 25, 45.
        var shift = new Policy("shift", "", "", [], [new Change(new ChangeTarget(Issue: "border", Actor: "A", Field: "position"), ChangeOperation.Add, Estimate.Point(10), new SourceRef("j"))], []);
        var withPolicy = Tiny.Create(sources: [.. Tiny.Sources, Judge("ana"), Judge("ben"), Judge("cem")], issues: [Tiny.InfluenceIssue with { Stances = stances }], policies: [shift]).Value
            .WithExpertAggregation(ExpertAggregation.Median);
        withPolicy.Apply(withPolicy.Policy("shift")).Issue("border").StanceOf("A")!.Position.Estimate.ShouldBe(new Estimate(35, 25, 45));
    }

    [Fact]
    public void Experts_must_be_distinct_judgements_and_at_least_two()
    {
        var stances = Tiny.InfluenceIssue.Stances.ToArray();
        stances[0] = stances[0] with { Position = ExpertPooling.Aggregate([J(25, 15, 35, "ana"), J(15, 5, 25, "ana")], ExpertAggregation.LinearPool) };
        stances[1] = stances[1] with { Position = ExpertPooling.Aggregate([J(80, 70, 90, "d"), J(75, 70, 80, "ben")], ExpertAggregation.LinearPool) };
        stances[2] = stances[2] with { Position = ExpertPooling.Aggregate([J(70, 60, 80, "ben")], ExpertAggregation.LinearPool) };
        var problems = Tiny.Create(sources: [.. Tiny.Sources, Judge("ana"), Judge("ben")], issues: [Tiny.InfluenceIssue with { Stances = stances }])
            .Problems.Select(p => p.ToString()).ToArray();
        problems.ShouldContain("border/A: position: experts: 'ana' judges this number twice");
        problems.ShouldContain(p => p.StartsWith("border/B: position: experts: 'd' is a dataset; each expert's source must be a judgement", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("border/C: position: experts: expected two or more judgements, found 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_answer_reports_each_expert_s_answer_and_their_spread()
    {
        // Three experts place B (who holds the median by influence) at 80, 60 and 90.
        var stances = Tiny.InfluenceIssue.Stances.ToArray();
        stances[1] = stances[1] with { Position = ExpertPooling.Aggregate([J(80, 70, 90, "ana"), J(60, 50, 70, "ben"), J(90, 85, 95, "cem")], ExpertAggregation.Median) };
        var s = Tiny.Create(sources: [.. Tiny.Sources, Judge("ana"), Judge("ben"), Judge("cem")], issues: [Tiny.InfluenceIssue with { Stances = stances }],
            questions: [Tiny.Questions[0]], policies: []).Value.WithExpertAggregation(ExpertAggregation.Median);
        // All the ensemble's weight on the weighted median, so each expert's answer is a held position.
        var answer = QuestionEngine.Analyze(s, [], new AnalysisOptions(16, 2, TestWeights.Of([0, 0, 0, 1], [0]))).Answers[0];
        var experts = answer.Models.Where(m => m.Model.StartsWith(ExpertSpread.Prefix, StringComparison.Ordinal)).ToDictionary(m => m.Model, m => m.Value!.Value);
        experts.Keys.ShouldBe(["expert:ana", "expert:ben", "expert:cem"]);
        // B holds the weighted median, so the answer is B's position under each expert's judgement.
        experts["expert:ana"].ShouldBe(80, 1e-9);
        experts["expert:ben"].ShouldBe(60, 1e-9);
        experts["expert:cem"].ShouldBe(90, 1e-9);
        answer.Models.Single(m => m.Model == "experts_spread").Value.ShouldBe(30);
    }

    private static Source Judge(string id) => new(id, SourceKind.Judgement, $"Expert {id}'s stated reasoning for the test.");
}
