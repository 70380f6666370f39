using Statecraft.Core.Domain;
using Statecraft.Core.Forecasting;
using Statecraft.Core.Scenarios;
using Statecraft.Core.Tests.Scenarios;

namespace Statecraft.Core.Tests.Forecasting;

/// <summary>The tiny two-state scenario with resolvable questions of every kind and link.</summary>
internal static class TestScenarios
{
    public static readonly DateOnly MadeAt = new(2025, 7, 5);
    public static readonly DateOnly Deadline = new(2025, 12, 31);

    public static SourcedPrediction Binary(double p, string reasoning = "Counted for the test.") =>
        new(Prediction.Binary(p), new SourceRef("j"), reasoning, []);

    public static ResolvableQuestion War(ModelLink? link = null, DateOnly? madeAt = null, DateOnly? deadline = null,
        SourcedPrediction? judgement = null, SourcedPrediction? baseRate = null) =>
        new("war-2025", "Will A and B fight?", QuestionKind.Binary, new ResolutionCriteria("25 battle deaths", deadline ?? Deadline, "UCDP"),
            madeAt ?? MadeAt, baseRate ?? Binary(0.05), judgement ?? Binary(0.04),
            link ?? new ModelLink(["a-attacks-b", "b-attacks-a"], ModelLinkKind.WarTrapMid, Share: Tiny.V(0.5)));

    public static ResolvableQuestion[] Forecasts =>
    [
        War(),
        new("deal-2025", "Will the border deal be signed?", QuestionKind.Binary, new ResolutionCriteria("both sign", Deadline, "ministries"),
            MadeAt, Binary(0.02), Binary(0.3), new ModelLink(["deal"], ModelLinkKind.OutcomeAbove, Threshold: 50)),
        new("deal-level-2025", "Where will the border settle?", QuestionKind.Numeric, new ResolutionCriteria("the line agreed", Deadline, "ministries"),
            MadeAt, new SourcedPrediction(Prediction.FromSamples([40.0, 50, 60]), new SourceRef("j"), "Spread of past settlements.", []),
            new SourcedPrediction(Prediction.FromSamples([45.0, 55, 65]), new SourceRef("j"), "Judged.", []),
            new ModelLink(["deal"], ModelLinkKind.Outcome)),
        new("who-wins-2025", "Who leads the talks?", QuestionKind.Categorical, new ResolutionCriteria("the lead negotiator", Deadline, "press"),
            null, new SourcedPrediction(Prediction.Categorical([new("A", 0.5), new("B", 0.5)]), new SourceRef("j"), "Even.", []),
            new SourcedPrediction(Prediction.Categorical([new("A", 0.7), new("B", 0.3)]), new SourceRef("j"), "A is stronger.", []),
            Categories: ["A", "B"]),
    ];

    public static Question[] Questions =>
    [
        .. Tiny.Questions,
        new("a-attacks-b", "Would A attack B?", QuestionModel.WarTrap, ["C1"], "No.", new Expectation(Below: 0), Challenger: "A", Target: "B"),
        new("b-attacks-a", "Would B attack A?", QuestionModel.WarTrap, ["C1"], "No.", new Expectation(Below: 0), Challenger: "B", Target: "A"),
        new("deal", "Where does the border settle?", QuestionModel.Bargaining, ["C1"], "Halfway.", new Expectation(Above: 50), Issue: "border"),
    ];

    public static ParseResult<Scenario> Create(IReadOnlyList<ResolvableQuestion> forecasts, IReadOnlyList<Source>? sources = null) =>
        Scenario.Create(Tiny.Header, sources ?? Tiny.Sources, Tiny.Actors, [Tiny.Issue], Tiny.Ties, Tiny.Parameters, [], Tiny.Policies, Questions, forecasts);

    public static Scenario WithForecasts() => Create(Forecasts).Value;
}
