using Statecraft.Core.Events;
using Statecraft.Io.Events;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Events;

/// <summary>The public dictionaries load unchanged; what PETRARCH could not use is skipped and listed.</summary>
public sealed class PublicDictionaryTests
{
    private static string Phoenix(string name) => Path.Combine(TestPaths.Shared, "data", "event_data", "petrarch2", name);

    /// <summary>Every Phoenix and TABARI dictionary in ../shared with the entries it skips, counted by hand
    /// from the files (Phoenix.Countries: 5 unreadable dates, 1 stray ']', 38 phrases left without a code;
    /// Phoenix.International: 1 seven-digit date, 3 phrases without a code; Phoenix.agents: the '[~ENV}'
    /// typo and an agent without a code).</summary>
    [Theory]
    [InlineData("petrarch2/Phoenix.Countries.actors.txt", DictionaryKind.Actors, 54_526, 44)]
    [InlineData("petrarch2/Phoenix.International.actors.txt", DictionaryKind.Actors, 8_013, 4)]
    [InlineData("petrarch2/Phoenix.MilNonState.actors.txt", DictionaryKind.Actors, 2_733, 0)]
    [InlineData("petrarch2/Phoenix.agents.txt", DictionaryKind.Agents, 2_369, 2)]
    [InlineData("petrarch2/Phoenix.discards.txt", DictionaryKind.Discards, 514, 0)]
    [InlineData("petrarch2/CAMEO.2.0.txt", DictionaryKind.Verbs, 9_187, 0)]
    [InlineData("petrarch/PETR.Validate.verbs.txt", DictionaryKind.Verbs, 1_393, 0)]
    [InlineData("petrarch/PETR.Validate.actors.txt", DictionaryKind.Actors, 242, 0)]
    [InlineData("petrarch/PETR.Validate.agents.txt", DictionaryKind.Agents, 98, 0)]
    [InlineData("petrarch/PETR.Validate.discards.txt", DictionaryKind.Discards, 11, 0)]
    [InlineData("tabari/CAMEO.091003.master.verbs", DictionaryKind.Verbs, 16_798, 0)]
    [InlineData("tabari/TABARI.Demo.verbs", DictionaryKind.Verbs, 737, 0)]
    [InlineData("tabari/TABARI.Demo.actors", DictionaryKind.Actors, 156, 0)]
    [InlineData("tabari/Validate.agents", DictionaryKind.Agents, 86, 0)]
    public void Dictionary_loads_unchanged_with_its_skipped_entries_counted(string file, DictionaryKind kind, int lines, int skipped)
    {
        var path = file.StartsWith("petrarch2/", StringComparison.Ordinal)
            ? Path.Combine(TestPaths.Shared, "data", "event_data", file)
            : TestPaths.Reference("events", file);
        var dict = new EventDictionary();
        var report = DictionaryReader.Load(dict, kind, path);
        report.Success.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Value.Lines.ShouldBe(lines);
        report.Value.Skipped.Count.ShouldBe(skipped, string.Join("\n", report.Value.Skipped));
        report.Value.Skipped.ShouldAllBe(p => p.Location!.File == path && p.Location.Line > 0 && p.Message.Contains("skipped"));
        (dict.Actors.Count + dict.Agents.Count + dict.Verbs.Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Summary_line_names_the_file_its_lines_and_what_was_skipped()
    {
        var report = DictionaryReader.LoadActors(new EventDictionary(), Phoenix("Phoenix.Countries.actors.txt")).Value;
        report.Summary().ShouldBe("Phoenix.Countries.actors.txt: 54,526 lines, 44 entries skipped; see --dictionary-report");
        DictionaryReader.LoadActors(new EventDictionary(), Phoenix("Phoenix.MilNonState.actors.txt")).Value.Summary()
            .ShouldBe("Phoenix.MilNonState.actors.txt: 2,733 lines, nothing skipped");
    }

    [Fact]
    public void The_dates_PETRARCH_accepts_are_read_and_the_malformed_ones_named()
    {
        var report = DictionaryReader.LoadActors(new EventDictionary(), Phoenix("Phoenix.Countries.actors.txt")).Value;
        string At(int line) => report.Skipped.Single(p => p.Location!.Line == line).Message;
        At(2039).ShouldContain("'9008223' has 7 digits");
        At(18010).ShouldContain("'201005011' has 9 digits");
        At(15346).ShouldContain("']' without '['");
        At(11939).ShouldContain("no usable [code]");
        // eight-digit and bare dates are forms the file uses, not errors
        report.Skipped.ShouldNotContain(p => p.Location!.Line == 51384 || p.Location!.Line == 31715);
    }

    [Fact]
    public void Strict_refuses_with_file_and_line()
    {
        var strict = DictionaryReader.Build([(DictionaryKind.Agents, Phoenix("Phoenix.agents.txt"))], new CoderOptions(), strict: true);
        strict.Success.ShouldBeFalse();
        strict.Problems.Select(p => p.Location!.Line).ShouldBe([544, 1927]);
        strict.Problems[0].ToString().ShouldStartWith(Phoenix("Phoenix.agents.txt") + ":544:");
        DictionaryReader.Build([(DictionaryKind.Agents, Phoenix("Phoenix.agents.txt"))], new CoderOptions(), strict: false).Success.ShouldBeTrue();
    }

    [Fact]
    public void Phoenix_dictionaries_code_real_news()
    {
        var coder = DictionaryReader.Build([
            (DictionaryKind.Verbs, Phoenix("CAMEO.2.0.txt")),
            (DictionaryKind.Actors, Phoenix("Phoenix.Countries.actors.txt")),
            (DictionaryKind.Agents, Phoenix("Phoenix.agents.txt")),
        ], BuiltInEvents.ReadingOptions, strict: false).Value.Coder;
        var dated = coder.Code("Russian troops attacked Georgian positions near Tskhinvali on Friday.", 20080808);
        dated.Events.ShouldContain(e => e.Source == "RUSMIL" && e.Target == "GEO" && CameoScale.Family(e.Code) == "19");
        // an eight-digit open date in the public file: Burns is a US official from 1982
        coder.Code("William Burns criticized Iran.", 19900101).Events.ShouldContain(e => e.Source.StartsWith("USA", StringComparison.Ordinal) && e.Target == "IRN");
    }
}

/// <summary>Malformed entries in small hand-made files: skipped with file, line and reason.</summary>
public sealed class DictionaryReaderTests : IDisposable
{
    private readonly TempFiles _files = new("statecraft-dict-");

    public void Dispose() => _files.Dispose();

    private string Write(string name, string text) => _files.Write(name, text);

    [Fact]
    public void Malformed_actor_lines_are_skipped_and_named_by_file_and_line()
    {
        var path = Write("bad.actors", "ARNOR [ARN]\nGONDOR [GON\n[XYZ]\nROHAN [ROH 99x101]\nERIADOR [ERI]\n");
        var dict = new EventDictionary();
        var report = DictionaryReader.LoadActors(dict, path).Value;
        report.Skipped.Select(p => p.Location!.Line).ShouldBe([2, 2, 3, 4, 4]);
        report.Skipped.ShouldAllBe(p => p.Location!.File == path);
        report.Skipped[0].ToString().ShouldContain("bad.actors:2");
        dict.Actors.Select(a => a.Phrase).ShouldBe(["ARNOR", "ERIADOR"]);
    }

    [Fact]
    public void Every_date_form_is_read()
    {
        var path = Write("dated.actors", """
            OLD_KING_
              [ARNGOV 950101-19991231]
              [ARNELI >20000101]
            STEWARD_ [GONGOV 19820101]
            QUEEN_ [ROHGOV <950101]
              [ROHELI]
            """);
        var dict = new EventDictionary();
        DictionaryReader.LoadActors(dict, path).Value.Skipped.ShouldBeEmpty();
        var king = dict.Actors.Single(a => a.Phrase == "OLD_KING_");
        king.CodeOn(19970615).ShouldBe("ARNGOV");
        king.CodeOn(20050101).ShouldBe("ARNELI");
        king.CodeOn(19900101).ShouldBe("---");
        king.CodeOn(0).ShouldBe("ARNELI"); // undated text: the code open at its end
        var steward = dict.Actors.Single(a => a.Phrase == "STEWARD_");
        steward.CodeOn(19820101).ShouldBe("GONGOV"); // a bare date: from that day on
        steward.CodeOn(19811231).ShouldBe("---");
        var queen = dict.Actors.Single(a => a.Phrase == "QUEEN_");
        queen.CodeOn(19941231).ShouldBe("ROHGOV");
        queen.CodeOn(19950101).ShouldBe("ROHELI");
        queen.CodeOn(0).ShouldBe("ROHELI");
    }

    [Theory]
    [InlineData("[ARN 9008223-911221]", "'9008223' has 7 digits")]
    [InlineData("[ARN 20100231]", "'20100231' is not a calendar date")]
    [InlineData("[ARN >2010O501]", "'2010O501' is not a number")]
    [InlineData("[900101]", "without a code")]
    public void Unreadable_dates_are_skipped_with_the_reason(string code, string reason)
    {
        var report = DictionaryReader.LoadActors(new EventDictionary(), Write("d.actors", $"ARNOR {code}\n")).Value;
        report.Skipped.Count.ShouldBe(2); // the code, then the actor left without one
        report.Skipped[0].Message.ShouldContain(reason);
        report.Skipped[1].Message.ShouldContain("no usable [code]");
    }

    [Fact]
    public void Verb_pattern_without_star_or_code_is_skipped()
    {
        var path = Write("bad.verbs", "ATTACK [190]\n- WITH ARTILLERY [194]\n- * WITH TANKS\n- * WITH BOMBS [195]\n");
        var dict = new EventDictionary();
        var report = DictionaryReader.LoadTabariVerbs(dict, path).Value;
        report.Skipped.Select(p => (p.Location!.Line, p.Message)).ShouldBe([(2, "missing verb marker '*'; skipped"), (3, "missing [code]; skipped")]);
        dict.Verbs.Single().Patterns.Single().Code.ShouldBe("195");
    }

    [Fact]
    public void Agent_code_without_tilde_is_skipped() =>
        DictionaryReader.LoadAgents(new EventDictionary(), Write("bad.agents", "MINISTER [GOV]\n")).Value.Skipped.Single().Location!.Line.ShouldBe(1);

    [Fact]
    public void Agent_macros_expand_once_per_alternative()
    {
        var dict = new EventDictionary();
        var report = DictionaryReader.LoadAgents(dict, Write("m.agents", "!PERSON! = MAN, WOMAN\n!MIN! = MINISTER, MINISTRY\nPOLICE!PERSON! [~COP]\n!MIN!_OF_!PERSON! [~GOV]\n")).Value;
        report.Skipped.ShouldBeEmpty();
        dict.Agents.Select(a => a.Phrase).ShouldBe(["POLICEMAN", "POLICEWOMAN", "MINISTER_OF_MAN", "MINISTER_OF_WOMAN", "MINISTRY_OF_MAN", "MINISTRY_OF_WOMAN"]);
    }

    [Fact]
    public void A_self_referencing_macro_refuses_the_file_without_looping()
    {
        // hostile, not sloppy: refused whatever --strict says (the public files have no macro naming a macro)
        var refused = DictionaryReader.LoadAgents(new EventDictionary(), Write("self.agents", "!P! = MAN, !P!\nPOLICE!P! [~COP]\n")).Problems.Single();
        refused.Message.ShouldContain("names a macro");
        refused.Location!.Line.ShouldBe(1);
    }

    [Fact]
    public void Twelve_macros_of_ten_alternatives_are_refused_before_expanding()
    {
        var defs = string.Concat(Enumerable.Range(1, 12).Select(i => $"!M{i}! = {string.Join(", ", Enumerable.Range(0, 10).Select(k => $"W{i}X{k}"))}\n"));
        var phrase = string.Join("_", Enumerable.Range(1, 12).Select(i => $"!M{i}!")) + " [~GOV]\n";
        var dict = new EventDictionary();
        var refused = DictionaryReader.LoadAgents(dict, Write("bomb.agents", defs + phrase + "MINISTER [~GOV]\n")).Problems.Single();
        refused.Message.ShouldContain("over the limit of 100,000 macro-expansions");
        refused.Location!.Line.ShouldBe(13);
        dict.Agents.ShouldNotContain(a => a.Phrase.StartsWith("W1X", StringComparison.Ordinal)); // nothing was expanded
    }

    [Fact]
    public void An_undefined_macro_skips_its_entry() =>
        DictionaryReader.LoadAgents(new EventDictionary(), Write("u.agents", "POLICE!PERSON! [~COP]\n")).Value
            .Skipped.Single().Message.ShouldContain("!PERSON! is not defined");
}
