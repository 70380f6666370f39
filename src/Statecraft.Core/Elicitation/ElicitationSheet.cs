using Statecraft.Core.Domain;
using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Elicitation;

/// <summary>One value an expert judged on a sheet row: the stance field, the estimate, and where it was written.</summary>
public sealed record SheetJudgement(string Field, Estimate Estimate, SourceLocation Where);

/// <summary>An expert's row for one actor: the values judged (any of position, salience, influence) and why.</summary>
public sealed record SheetRow(string Actor, IReadOnlyList<SheetJudgement> Judgements, string Reasoning, SourceLocation Where, SourceLocation ActorWhere, SourceLocation ReasoningWhere);

/// <summary>
/// A filled elicitation sheet: one expert's judgements of the stances on one issue
/// (docs/elicitation.md). <see cref="SourceId"/> is the judgement source the expert becomes in the scenario.
/// </summary>
public sealed record ElicitationSheet(string File, string Expert, string Issue, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>The stance fields a sheet asks for, in column order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["position", "salience", "influence"];

    public string SourceId => SourceIdOf(Expert);

    /// <summary>expert-NAME, the name lower-cased with runs of other characters as one hyphen.</summary>
    public static string SourceIdOf(string expert)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in expert.Trim().ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        return "expert-" + slug.ToString().Trim('-');
    }

    /// <summary>
    /// Every problem of the sheet against the scenario, each at its file, line and column: an unknown
    /// issue or actor (or one without a stance on the issue), a value off the issue's scale or out
    /// of its domain, a range not around its value, a row with values but no reasoning.
    /// </summary>
    public IReadOnlyList<Problem> Check(Scenario scenario)
    {
        var problems = new List<Problem>();
        var issue = scenario.Issues.FirstOrDefault(i => i.Id == Issue);
        if (issue is null)
        {
            problems.Add(new Problem(Issue, "issue", $"unknown issue '{Issue}'; the scenario has: {string.Join(", ", scenario.Issues.Select(i => i.Id))}",
                Rows.Count > 0 ? Rows[0].Where : new SourceLocation(File)));
            return problems;
        }

        var seen = new HashSet<string>();
        foreach (var row in Rows)
        {
            var subject = $"{Issue}/{row.Actor}";
            if (!scenario.HasActor(row.Actor))
                problems.Add(new Problem(subject, "actor", $"unknown actor '{row.Actor}'; this issue's actors are: {string.Join(", ", issue.Stances.Select(s => s.ActorId))}", row.ActorWhere));
            else if (issue.StanceOf(row.Actor) is null)
                problems.Add(new Problem(subject, "actor", $"'{row.Actor}' has no stance on '{Issue}'; add the stance to the scenario first", row.ActorWhere));
            else if (!seen.Add(row.Actor))
                problems.Add(new Problem(subject, "actor", "a second row for this actor", row.ActorWhere));

            if (row.Judgements.Count > 0 && string.IsNullOrWhiteSpace(row.Reasoning))
                problems.Add(new Problem(subject, "reasoning", "missing: say why you judge these values (every judgement states its reasoning)", row.ReasoningWhere));

            foreach (var j in row.Judgements)
            {
                var (min, max, expected) = j.Field switch
                {
                    "position" => (issue.Scale.Min, issue.Scale.Max, $"a position on the scale [{issue.Scale.Min:R}, {issue.Scale.Max:R}]"),
                    "salience" => (0.0, 1.0, "a salience in [0, 1]"),
                    _ => (0.0, double.PositiveInfinity, "an influence >= 0"),
                };
                var e = j.Estimate;
                if (!(e.Low <= e.Central && e.Central <= e.High))
                    problems.Add(new Problem(subject, j.Field, $"expected {j.Field}_low <= {j.Field} <= {j.Field}_high, found {e}", j.Where));
                else if (e.Low < min || e.High > max)
                    problems.Add(new Problem(subject, j.Field, $"expected {expected}, found {e}", j.Where));
            }
        }

        return problems;
    }
}
