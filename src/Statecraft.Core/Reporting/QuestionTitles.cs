using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Reporting;

/// <summary>
/// A question's readable title for tables and headings ("Who governs Armenia", "Russia attacks
/// Azerbaijan"), built from what the question names, so a reader never meets a slug.
/// </summary>
public static class QuestionTitles
{
    public static string Of(Scenario s, Question q) => q.Model switch
    {
        QuestionModel.Bargaining when q.Issue is not null => s.Issue(q.Issue).Title,
        QuestionModel.WarTrap when q.Challenger is not null && q.Target is not null =>
            $"{s.Actor(q.Challenger).Name} attacks {s.Actor(q.Target).Name}"
            + (q.Backer is not null ? $", with or without {s.Actor(q.Backer).Name}" : "")
            + (q.Assume is not null ? $" ({s.Policy(q.Assume).Title})" : ""),
        QuestionModel.Coercion when q.Lever is not null => Lever(s, s.Lever(q.Lever)),
        QuestionModel.PolicyComparison => "Policy packages compared",
        _ => q.Id,
    };

    /// <summary>The short unit of a question's answer, for a table's unit column.</summary>
    public static string Unit(Scenario s, Question q) => q.Model switch
    {
        QuestionModel.Bargaining when q.Issue is not null => $"position, {Numbers.Value(s.Issue(q.Issue).Scale.Min)}-{Numbers.Value(s.Issue(q.Issue).Scale.Max)}",
        QuestionModel.WarTrap => "expected utility, -2 to 2",
        QuestionModel.Coercion => "cost ratio, sender/target",
        QuestionModel.PolicyComparison => "packages that help, of those compared",
        _ => "",
    };

    private static string Lever(Scenario s, Lever l)
    {
        var (actor, target) = (s.Actor(l.Actor).Name, s.Actor(l.Target).Name);
        return l.Kind switch
        {
            LeverKind.DeportMigrants => $"{actor} deports {target}'s migrant workers",
            LeverKind.BanImports => $"{actor} bans imports from {target}",
            LeverKind.CutTransit => $"{actor} cuts {target}'s transit",
            LeverKind.BackFaction => $"{actor} backs a faction in {target}",
            LeverKind.SanctionOfficials => $"{actor} sanctions {target}'s officials",
            _ => $"{actor} attacks {target}",
        };
    }
}
