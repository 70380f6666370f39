using Statecraft.Cli.Commands;
using Statecraft.Core.Reporting;
using Statecraft.Io.Scenarios;

namespace Statecraft.Cli.Tests;

public sealed class QuestionTitlesTests
{
    [Fact]
    public void Titles_are_built_from_what_each_question_names()
    {
        var s = ScenarioLoader.Load(AnalyzeCommand.BuiltInText(), "south-caucasus.yaml").Value.Scenario;
        string Title(string id) => QuestionTitles.Of(s, s.Questions.Single(q => q.Id == id));
        Title("armenia-regime-change").ShouldBe("Who governs Armenia");
        Title("russia-attacks-azerbaijan").ShouldBe("Russia attacks Azerbaijan");
        Title("armenia-azerbaijan-war-after-regime-change").ShouldBe("Armenia attacks Azerbaijan, with or without Russia");
        Title("russia-trade-sanctions").ShouldBe("Russia bans imports from Azerbaijan");
        Title("western-strategy").ShouldBe("Policy packages compared");
        s.Questions.Select(q => QuestionTitles.Of(s, q)).Distinct().Count().ShouldBe(s.Questions.Count);
    }
}
