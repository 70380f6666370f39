using Statecraft.Core.Coercion;

namespace Statecraft.Core.Scenarios;

/// <summary>
/// The readable name of every scenario input (<see cref="Scenario.Inputs"/>), as tables, charts and
/// signposts show it: "Russia's share of forces committed elsewhere", not "actor/RUS/committed_elsewhere".
/// </summary>
internal static class InputLabels
{
    public static string Capability(ScenarioActor a) => $"{a.Name}'s capability";

    public static string Attribute(ScenarioActor a, string field) => field switch
    {
        "committed_elsewhere" => $"the share of {a.Name}'s forces committed elsewhere",
        "effectiveness" => $"{a.Name}'s military effectiveness",
        "un_ideal_point" => $"{a.Name}'s UN voting ideal point",
        _ => $"{a.Name}'s {field.Replace('_', ' ')}",
    };

    // The issue's title is quoted as written: it may read as a sentence of its own ("Who governs Armenia").
    public static string Position(ScenarioActor a, ScenarioIssue i) => $"{a.Name}'s position on \"{i.Title}\"";

    public static string Salience(ScenarioActor a, ScenarioIssue i) => $"{a.Name}'s stake in \"{i.Title}\" (salience)";

    public static string Influence(ScenarioActor a, ScenarioIssue i) => $"{a.Name}'s influence on \"{i.Title}\"";

    /// <summary>A lever input: <c>sender_gdp</c>, a shared channel parameter, or <c>BEARER.CHANNEL.PARAMETER</c>.</summary>
    public static string LeverInput(Lever l, string key, Func<string, string> actorName)
    {
        if (key is "sender_gdp") return $"{actorName(l.Actor)}'s GDP";
        if (key is "target_gdp") return $"{actorName(l.Target)}'s GDP";
        var parts = key.Split('.');
        if (parts.Length == 3 && Channels.TryParse(parts[1], out var kind))
        {
            var bearer = parts[0] == "sender" ? actorName(l.Actor) : actorName(l.Target);
            return $"{Meaning(kind, parts[2])} ({bearer}'s {parts[1].Replace('_', ' ')})";
        }

        var shared = Enum.GetValues<ChannelKind>().SelectMany(Channels.Parameters).FirstOrDefault(p => p.Name == key);
        return shared is null ? $"{l.Id} {key}" : $"{shared.Meaning.Replace(", US$", "")} ({l.Id})";
    }

    private static string Meaning(ChannelKind kind, string parameter) =>
        (Channels.Parameters(kind).FirstOrDefault(p => p.Name == parameter)?.Meaning ?? parameter.Replace('_', ' ')).Replace(", US$", "");
}
