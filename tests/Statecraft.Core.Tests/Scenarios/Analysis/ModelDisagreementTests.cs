using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios.Analysis;

namespace Statecraft.Core.Tests.Scenarios.Analysis;

public sealed class ModelDisagreementTests
{
    [Fact]
    public void Each_model_is_explained_by_the_actors_that_pull_or_move_it()
    {
        // Weights 0.5, 0.3, 0.2 (capability × salience): the mean is 42, pulled down by A (0.5 × −42 = −21)
        // and up by B (0.3 × 58 = 17.4) and C (0.2 × 18 = 3.6).
        var issue = Issue.Create("i", new IssueScale(0, 100, "", ""),
        [
            new Actor("A", new Capability(0.5), new Position(0), new Salience(1)),
            new Actor("B", new Capability(0.3), new Position(100), new Salience(1)),
            new Actor("C", new Capability(0.2), new Position(60), new Salience(1)),
        ]).Value;
        var why = ModelDisagreement.Explain(issue, bdmFinal: [55, 60, 60], smpFinal: [double.NaN, 70, 60], forecasts: [60, 70, 42, 0]);
        why.ShouldBe("BDM 60 (ends on B's position after A 0→55, B 100→60); "
                     + "SMP 70 (ends on B's position after B 100→70); "
                     + "weighted mean 42 (pulled up by B +17, C +4, down by A -21); "
                     + "weighted median 0 (A's stated position)");
        // Without SMP (it could not run) the others are still explained.
        ModelDisagreement.Explain(issue, [0, 100, 60], null, [0, double.NaN, 42, 0])
            .ShouldBe("BDM 0 (nobody moves; ends on A's position); weighted mean 42 (pulled up by B +17, C +4, down by A -21); weighted median 0 (A's stated position)");
    }
}
