using Statecraft.Core.Domain;

namespace Statecraft.Io.Deu;

/// <summary>A DEU issue with an outcome, as the bargaining models see it.</summary>
public sealed record DeuCase(string Id, Issue Issue, double Outcome);

/// <summary>
/// DEU issues as bargaining issues: every actor with a position and a salience, capability from
/// row 2, salience /100, on the 0-100 scale. Issues without an outcome, with fewer than two actors
/// or with no actor carrying weight are left out, and the notes say how many.
/// </summary>
public static class DeuIssues
{
    public static (IReadOnlyList<DeuCase> Cases, IReadOnlyList<string> Notes) WithOutcomes(DeuDataset data)
    {
        var notes = new List<string>(data.Notes);
        var cases = new List<DeuCase>();
        int noOutcome = 0, tooFew = 0;
        foreach (var deu in data.Issues)
        {
            if (deu.Outcome is not { } outcome) { noOutcome++; continue; }
            var actors = deu.Stances
                .Select(s => new Actor(s.Actor, new Capability(data.Capabilities[s.Actor]), new Position(s.Position), new Salience(s.Salience / 100)))
                .ToArray();
            var issue = Issue.Create(deu.Id, IssueScale.Percent, actors);
            if (!issue.Success || actors.All(a => a.Capability.Value * a.Salience.Value <= 0)) { tooFew++; continue; }
            cases.Add(new DeuCase(deu.Id, issue.Value, outcome));
        }

        if (noOutcome > 0) notes.Add($"{noOutcome} issue(s) without an outcome were left out");
        if (tooFew > 0) notes.Add($"{tooFew} issue(s) with fewer than two actors, or no actor with weight, were left out");
        return (cases, notes);
    }
}
