using System.Text.Json;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Scenarios;

/// <summary>The JSON Schema shipped for editors describes the same format the loader reads.</summary>
public sealed class SchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(TestPaths.InRepo("scenarios", "scenario.schema.json"))).RootElement;

    [Fact]
    public void It_names_the_top_level_sections_the_loader_reads()
    {
        Schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(
            ["scenario", "sources", "actors", "issues", "ties", "parameters", "levers", "policies", "questions", "forecasts"]);
        Schema.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void A_number_must_carry_a_source()
    {
        var forms = Schema.GetProperty("$defs").GetProperty("value").GetProperty("oneOf").EnumerateArray().ToArray();
        forms.Length.ShouldBe(3);
        forms[0].GetProperty("required").EnumerateArray().Select(x => x.GetString()).ShouldBe(["value", "source"]);
        forms[1].GetProperty("required").EnumerateArray().Select(x => x.GetString()).ShouldBe(["dist", "source"]);
        // Several experts' judgements: each item is itself a sourced number.
        forms[2].GetProperty("required").EnumerateArray().Select(x => x.GetString()).ShouldBe(["experts"]);
        forms[2].GetProperty("properties").GetProperty("experts").GetProperty("items").GetProperty("$ref").GetString().ShouldBe("#/$defs/value");
    }

    [Fact]
    public void Its_enumerations_match_the_loader()
    {
        string[] Enum(string def, string prop) =>
            Schema.GetProperty("$defs").GetProperty(def).GetProperty("properties").GetProperty(prop).GetProperty("enum")
                .EnumerateArray().Select(x => x.GetString()!).ToArray();
        Enum("source", "kind").ShouldBe(["dataset", "claim", "fact", "judgement"]);
        Enum("actor", "kind").ShouldBe(["state", "bloc", "faction"]);
        Enum("tie", "kind").ShouldBe(["defence", "non-aggression", "entente", "rivalry", "backing", "dependence", "basing"]);
        Enum("question", "model").ShouldBe(["bargaining", "war-trap", "coercion", "policy-comparison"]);
        Enum("forecast", "kind").ShouldBe(Core.Forecasting.ResolvableQuestion.KindNames.Keys);
        Schema.GetProperty("$defs").GetProperty("forecast").GetProperty("properties").GetProperty("model").GetProperty("properties")
            .GetProperty("link").GetProperty("enum").EnumerateArray().Select(x => x.GetString()!).ShouldBe(Core.Forecasting.ModelLink.Names.Keys);
        Enum("question", "measure").ShouldBe(Statecraft.Io.Scenarios.ScenarioLoader.Measures.Keys);
        Schema.GetProperty("properties").GetProperty("scenario").GetProperty("properties").GetProperty("expert_aggregation").GetProperty("enum")
            .EnumerateArray().Select(x => x.GetString()!).ShouldBe(Statecraft.Core.Elicitation.ExpertPooling.Names.Keys);
        foreach (var kind in Enum("tie", "kind"))
        {
            var yaml = BadScenarioTests.Valid.Replace("kind: rivalry", $"kind: {kind}");
            Statecraft.Io.Scenarios.ScenarioLoader.Load(yaml, "t.yaml").Success.ShouldBeTrue(kind);
        }
    }
}
