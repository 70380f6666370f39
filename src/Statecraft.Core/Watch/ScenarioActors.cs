using Statecraft.Core.Events;
using Statecraft.Core.Scenarios;

namespace Statecraft.Core.Watch;

/// <summary>Which scenario actor a coded event's actor code stands for.</summary>
public static class ScenarioActors
{
    /// <summary>A faction (<c>AZEGOV</c> to <c>AZE_GOV</c>) if the scenario has it, else the country
    /// (<c>RUSGOV</c> to <c>RUS</c>); CAMEO's Europe code <c>EUR</c> stands for the scenario's <c>EU</c>.
    /// Null when the scenario has no such actor.</summary>
    public static string? Of(Scenario scenario, string code)
    {
        var ids = scenario.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (code.Length >= 6 && ids.Contains($"{code[..3]}_{code[3..6]}")) return $"{code[..3]}_{code[3..6]}";
        var country = Timelines.Country(code);
        if (ids.Contains(country)) return country;
        if (country == "EUR" && ids.Contains("EU")) return "EU";
        return null;
    }

    /// <summary>Whether an event actor (already a scenario actor id) counts as <paramref name="actor"/>: the same
    /// actor, or the country of a government faction (news names "Armenia" for Pashinyan's government).</summary>
    public static bool Is(Scenario scenario, string? eventActor, string actor)
    {
        if (eventActor is null) return false;
        if (eventActor == actor) return true;
        var a = scenario.Actors.FirstOrDefault(x => x.Id == actor);
        return a?.Country is { } country && actor == $"{country}_GOV" && eventActor == country;
    }
}
