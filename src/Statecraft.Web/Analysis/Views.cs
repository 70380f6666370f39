namespace Statecraft.Web.Analysis;

// What the pages show, as the API serves it (snake_case JSON). Every string here is scenario
// text: the page puts it in the document as text, never as markup.

public sealed record ScenarioSummary(string Id, string Title, string Date, string Sha256, bool BuiltIn);

/// <summary>A number with its range and the id of its source.</summary>
public sealed record ValueView(double Value, double Low, double High, string Source);

public sealed record SourceView(string Id, string Kind, string Text, string? Reference);

public sealed record AttributeView(string Name, ValueView Value);

public sealed record ActorView(string Id, string Name, string Kind, string? Country, string Description, ValueView Capability, IReadOnlyList<AttributeView> Attributes);

public sealed record TieView(string Kind, string From, string To, string? Since, string? Until, bool InForce, string Source, string Note);

public sealed record StanceView(string Actor, ValueView Position, ValueView Salience);

public sealed record IssueView(string Id, string Title, double Min, double Max, string LowMeans, string HighMeans, IReadOnlyList<StanceView> Stances);

public sealed record PolicyView(string Id, string Title, string Text, IReadOnlyList<string> Claims, bool WhatIf, IReadOnlyList<string> Changes);

public sealed record QuestionView(string Id, string Text, string Model, IReadOnlyList<string> Claims, string SourceConclusion);

public sealed record ScenarioView(
    ScenarioSummary Scenario,
    string Description,
    IReadOnlyList<SourceView> Sources,
    IReadOnlyList<ActorView> Actors,
    IReadOnlyList<TieView> Ties,
    IReadOnlyList<IssueView> Issues,
    IReadOnlyList<PolicyView> Policies,
    IReadOnlyList<QuestionView> Questions);

/// <summary>One model's path on one issue: positions per actor, round by round.</summary>
public sealed record TrajectoryView(string Issue, string Model, IReadOnlyList<string> Actors, IReadOnlyList<IReadOnlyList<double>> Rounds, double? Forecast);

public sealed record BargainingView(string Scenario, IReadOnlyList<string> Policies, IReadOnlyList<TrajectoryView> Trajectories);
