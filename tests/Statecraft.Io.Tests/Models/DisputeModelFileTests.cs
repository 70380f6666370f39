using Statecraft.Core.Conflict;
using Statecraft.Core.DyadYears;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Scenarios.Analysis;
using Statecraft.Core.Uncertainty;
using Statecraft.Core.Validation;
using Statecraft.Io.Datasets;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;
using Statecraft.Io.Tests.Datasets;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Models;

public sealed class DisputeModelFileTests(ShippedConflictData data) : IClassFixture<ShippedConflictData>
{
    private static readonly DisputeModelSet Shipped = DisputeModelFile.BuiltIn();

    [Fact]
    public void The_shipped_file_is_the_one_embedded_and_names_how_to_remake_it()
    {
        var file = DisputeModelFile.Parse(File.ReadAllText(TestPaths.InRepo("data", "models", "dispute-models.json")), "dispute-models.json");
        file.Problems.ShouldBeEmpty();
        DisputeModelFile.ToJson(file.Value).ShouldBe(File.ReadAllText(TestPaths.InRepo("data", "models", "dispute-models.json")));
        Shipped.Command.ShouldStartWith("statecraft validate conflict --alliances atop --model-out ");
        Shipped.Years.ShouldBe(new YearSpan(1816, 2014));
        Shipped.WithEu.Count.ShouldBe(9);
        Shipped.OpenModels.ShouldContain(Shipped.EuSpec);
        Shipped.BaseRates.Sum(b => b.Rows).ShouldBe(Shipped.Rows);
        Shipped.BaseRates.Sum(b => b.Events).ShouldBe(Shipped.Events);
    }

    [Fact]
    public void Refitting_on_the_shipped_data_gives_the_shipped_coefficients()
    {
        // The standard model and the EU model of the specification answers report EU under, refitted
        // from data/conflict: the same rows, events, coefficients (to the bit) and base rates.
        var spec = ConflictSpec.All.Single(s => s.Name == Shipped.EuSpec);
        var sample = DisputeSample.Build(data.Builder, [spec], Shipped.Years, threads: 2);
        var refit = DisputeModelSet.Fit(sample, Shipped.Years, Shipped.Alliances, Shipped.Data, Shipped.Command, Shipped.OpenModels, spec);
        refit.Rows.ShouldBe(Shipped.Rows);
        refit.Events.ShouldBe(Shipped.Events);
        refit.Standard.Coefficients.ShouldBe(Shipped.Standard.Coefficients);
        refit.WithEu[spec.Name].Coefficients.ShouldBe(Shipped.WithEu[spec.Name].Coefficients);
        refit.BaseRates.ShouldBe(Shipped.BaseRates);
    }

    [Fact]
    public void A_damaged_model_file_is_reported_not_used()
    {
        var text = File.ReadAllText(TestPaths.InRepo("data", "models", "dispute-models.json")).Replace("\"eu_spec\": \"", "\"eu_spec\": \"x", StringComparison.Ordinal);
        var parsed = DisputeModelFile.Parse(text, "damaged.json");
        parsed.Success.ShouldBeFalse();
        parsed.Problems.Single().ToString().ShouldStartWith("damaged.json: eu_spec: names no model in with_eu");
        DisputeModelFile.Parse("{ not json", "broken.json").Problems.Single().ToString().ShouldStartWith("broken.json:1: json: ");
    }
}

/// <summary>The calibrated answer of the built-in scenario's War Trap questions, recomputed by hand from the scenario's numbers.</summary>
public sealed class DisputeForecastTests
{
    private static readonly Scenario Built = ScenarioLoader.LoadFile(TestPaths.InRepo("scenarios", "south-caucasus.yaml")).Value.Scenario;
    private static readonly DisputeModelSet Models = DisputeModelFile.BuiltIn();

    private static double At(string path) => Built.Inputs.Single(i => i.Path == path).Value.Central;

    // The engine's central scenario puts every input at its median (a triangular range's median is not its mode).
    private static double Median(InputSet inputs, string path) => inputs.Medians()[inputs.IndexOf(path)];

    [Fact]
    public void The_standard_model_reads_the_sourced_covariates_of_Russia_and_Azerbaijan()
    {
        var q = Built.Questions.Single(x => x.Id == "russia-attacks-azerbaijan");
        var inputs = ScenarioInputs.Create(Built, DisputeForecast.Paths(Built, q));
        var p = MonteCarlo.Evaluate(inputs, DisputeForecast.Probability(Built, q, Models, "standard", withBacker: true), inputs.Medians());

        // By hand: forces tied down in Ukraine remove their share of Russia's military CINC components
        // (expenditure and personnel) only; Azerbaijan's CINC times its effectiveness.
        var shares = new[] { "milex", "milper", "irst", "pec", "tpop", "upop" }.Select(c => At($"actor/RUS/{c}_share")).ToArray();
        var military = (shares[0] + shares[1]) / shares.Sum();
        var russia = At("actor/RUS/capability") * (1 - Median(inputs, "actor/RUS/committed_elsewhere") * military);
        var azerbaijan = At("actor/AZE/capability") * Median(inputs, "actor/AZE/effectiveness");
        var miles = GreatCircle.Miles(At("actor/RUS/lat"), At("actor/RUS/lon"), At("actor/AZE/lat"), At("actor/AZE/lon"));
        var py = Median(inputs, "parameter/rus-aze-peace-years") / 10;
        py.ShouldBe(Math.Sqrt(22 * 22 / 2.0) / 10, 1e-12); // the median of triangular(0, 22, 22)
        double[] x = [1, 0, Math.Log(1 + miles), Math.Log(russia / azerbaijan), 1, 0, 1, py, py * py, py * py * py]; // land, no water, ..., majors 1/0, allied (entente F006)
        var b = Models.Standard.Coefficients;
        var eta = b[0] + x.Select((v, k) => v * b[k + 1]).Sum();
        p.ShouldBe(1 / (1 + Math.Exp(-eta)), 1e-12);
        military.ShouldBe(0.41, 0.01); // expenditure and personnel are 41% of Russia's 2022 CINC
    }

    [Fact]
    public void The_calibrated_answer_has_its_intervals_and_the_base_rate_of_comparable_dyads()
    {
        var result = QuestionEngine.Analyze(Built, [], new AnalysisOptions(40, 3, EnsembleWeightsFile.BuiltIn) { Disputes = Models });
        foreach (var a in result.Answers.Where(x => x.Question.Model == QuestionModel.WarTrap))
        {
            var d = a.Dispute.ShouldNotBeNull(a.Question.Id);
            a.Value.ShouldBe(d.Probability);
            d.HorizonMonths.ShouldBe(12);
            d.Event.ShouldContain(Built.Actor(a.Question.Challenger!).Name);
            d.Probability.ShouldBeInRange(d.StructuralLow, d.StructuralHigh);
            d.Choices.Select(c => c.Model).ShouldBe(Models.OpenModels);
            d.Low.ShouldBeLessThanOrEqualTo(d.High);
            d.PooledLow.ShouldBeLessThanOrEqualTo(d.PooledHigh);
            var rate = Models.BaseRateOf(1, Built.Actor(a.Question.Challenger!).Attributes["major_power"].Central == 1, false)!;
            d.BaseRate.Rate.ShouldBe(rate.Rate);
            d.BaseRate.Group.ShouldStartWith("land neighbours, ");
            a.Models.Single(m => m.Model == "share_of_draws_with_eu_above_0").Note.ShouldContain("not a probability");
            a.Verdict.ShouldNotContain("war risk");
        }

        // The policy comparison's war column is the first War Trap question's probability under each
        // package (the best open model at the package's central scenario), named as such, with its interval.
        var war = Built.Questions.First(q => q.Model == QuestionModel.WarTrap);
        result.Packages.ShouldNotBeEmpty();
        foreach (var package in result.Packages)
        {
            var w = package.War.ShouldNotBeNull(package.Policy);
            w.Question.ShouldBe(war.Id);
            w.IsProbability.ShouldBeTrue();
            w.Measure.ShouldStartWith("probability that RUS initiates a militarized dispute with force against AZE within 12 months");
            var applied = Built.Apply(Built.Policy(package.Policy));
            var inputs = ScenarioInputs.Create(applied, DisputeForecast.Paths(applied, war));
            w.Value.ShouldBe(MonteCarlo.Evaluate(inputs, DisputeForecast.Probability(applied, war, Models, Models.OpenModels[0], withBacker: true), inputs.Medians()), 1e-12);
            w.Low!.Value.ShouldBeLessThanOrEqualTo(w.High!.Value);
        }
    }

    [Fact]
    public void Without_the_models_a_War_Trap_answer_is_its_EU_and_names_no_probability()
    {
        var result = QuestionEngine.Analyze(Built, [], new AnalysisOptions(16, 3, EnsembleWeightsFile.BuiltIn));
        var a = result.Answers.Single(x => x.Question.Id == "russia-attacks-azerbaijan");
        a.Dispute.ShouldBeNull();
        a.Unit.ShouldStartWith("War Trap expected utility");
        a.Verdict.ShouldContain("No calibrated probability");
        result.Packages.ShouldNotBeEmpty();
        result.Packages.ShouldAllBe(p => p.War != null && !p.War.IsProbability && p.War.Measure.Contains("not a probability"));
    }
}
