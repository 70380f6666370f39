using System.Text.Json;
using Statecraft.Core.Domain;
using Statecraft.Tests;

namespace Statecraft.Core.Tests.Bargaining;

/// <summary>The EC car-emission issue, built from the actor table in the reference JSON.</summary>
internal static class EcEmissions
{
    public static JsonElement Round0 { get; } = Load("eu_emissions.round0.three-variants.json");

    public static Issue Issue { get; } = Build();

    public static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Reference("bdm", file))).RootElement;

    private static Issue Build()
    {
        var actors = Round0.GetProperty("inputs").EnumerateArray().Select(row => new Actor(
            row[0].GetString()!,
            new Capability(row[1].GetDouble()),
            new Position(row[2].GetDouble()),
            new Salience(row[3].GetDouble()))).ToArray();
        return Issue.Create("EC car emissions", null, actors).Value;
    }

    public static int IndexOf(string actor) =>
        Issue.Actors.Select((a, i) => (a, i)).Single(t => t.a.Name == actor).i;
}
