using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Statecraft.Core.Bargaining;
using Statecraft.Core.Domain;

namespace Statecraft.Core.Tests.Bargaining;

public sealed class BdmPropertyTests
{
    private static readonly Gen<Actor> ActorGen =
        from c in Gen.Choose(0, 100)
        from x in Gen.Choose(0, 100)
        from s in Gen.Choose(0, 10)
        select new Actor("", new Capability(c / 100.0), new Position(x), new Salience(s / 10.0));

    private static readonly Gen<Issue> IssueGen =
        from n in Gen.Choose(2, 9)
        from actors in ActorGen.ArrayOf(n)
            // An issue where nobody has weight (capability × salience) is refused since issue 15.
        where actors.Any(a => a.Capability.Value * a.Salience.Value > 0)
        select Issue.Create("generated", null, actors.Select((a, i) => a with { Name = "A" + i }).ToArray()).Value;

    private static readonly Gen<BdmOptions> OptionsGen =
        from preset in Gen.Elements(BdmOptions.Presets.Values.ToArray())
        from q in Gen.Elements(1.0, 0.5, 0.0)
        from t in Gen.Elements(1.0, 0.5)
        select preset with { Q = q, T = t, Rounds = 6 };

    [Property(MaxTest = 200)]
    public Property Positions_stay_within_the_initial_range() =>
        Prop.ForAll(IssueGen.ToArbitrary(), OptionsGen.ToArbitrary(), (issue, options) =>
        {
            var lo = issue.Actors.Min(a => a.Position.Value);
            var hi = issue.Actors.Max(a => a.Position.Value);
            var result = BdmModel.Run(issue, options);
            return result.Rounds.All(r =>
                r.Positions.All(x => x >= lo && x <= hi)
                && r.Median >= lo && r.Median <= hi
                && r.Mean >= lo - 1e-9 && r.Mean <= hi + 1e-9);
        });

    [Property(MaxTest = 300)]
    public Property The_forecast_without_history_is_the_full_runs_to_the_last_bit() =>
        Prop.ForAll(IssueGen.ToArbitrary(), OptionsGen.ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), (issue, options, rounds) =>
        {
            var o = options with { Rounds = rounds, ConvergenceTolerance = rounds % 2 == 0 ? 0.0 : null };
            return BdmModel.ForecastMedian(issue, o).Equals(BdmModel.Run(issue, o).ForecastMedian);
        });

    [Property(MaxTest = 100)]
    public Property The_run_is_deterministic() =>
        Prop.ForAll(IssueGen.ToArbitrary(), OptionsGen.ToArbitrary(), (issue, options) =>
        {
            var a = BdmModel.Run(issue, options);
            var b = BdmModel.Run(issue, options);
            return a.Rounds.Count == b.Rounds.Count
                   && a.Rounds.Zip(b.Rounds).All(p =>
                       p.First.Positions.SequenceEqual(p.Second.Positions)
                       && p.First.Moves.SequenceEqual(p.Second.Moves)
                       && p.First.Median.Equals(p.Second.Median));
        });

    [Property(MaxTest = 200)]
    public Property Risk_exponents_lie_in_half_to_two_and_probabilities_in_zero_to_one() =>
        Prop.ForAll(IssueGen.ToArbitrary(), OptionsGen.ToArbitrary(), (issue, options) =>
        {
            var d = BdmModel.Run(issue, options with { Rounds = 1, ConvergenceTolerance = null }).Rounds[1].Diagnostics!;
            return d.RiskExponents.All(r => r >= 0.5 - 1e-12 && r <= 2 + 1e-12)
                   && d.Final.P.SelectMany(row => row).All(p => p >= 0 && p <= 1)
                   && d.Final.ExpectedUtility.SelectMany(row => row).All(double.IsFinite);
        });
}
