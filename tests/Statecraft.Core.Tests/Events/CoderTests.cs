using FsCheck.Xunit;
using Statecraft.Core.Events;

namespace Statecraft.Core.Tests.Events;

public sealed class PhraseTests
{
    [Fact]
    public void Underscore_joins_and_makes_exact_tilde_joins_only()
    {
        var e = PhraseSyntax.Elements("FAILED_TO_* BACK~ POLICY");
        e.Select(x => x.Kind).ShouldBe([ElementKind.Word, ElementKind.Word, ElementKind.Verb, ElementKind.Word, ElementKind.Word]);
        e[0].Word!.Exact.ShouldBeTrue();
        e[1].Adjacent.ShouldBeTrue();
        e[2].Adjacent.ShouldBeTrue();
        e[3].Word!.Exact.ShouldBeFalse();
        e[3].Adjacent.ShouldBeFalse();
        e[4].Adjacent.ShouldBeTrue();
    }

    [Fact]
    public void Designated_actor_tokens_are_recognised()
    {
        PhraseSyntax.Elements("+_WAS_*_BY_$ % ^").Select(x => x.Kind)
            .ShouldBe([ElementKind.Target, ElementKind.Word, ElementKind.Verb, ElementKind.Word, ElementKind.Source, ElementKind.Compound, ElementKind.Skip]);
    }

    [Fact]
    public void Alternatives_and_synsets_expand_keeping_connectors()
    {
        var synsets = new Dictionary<string, List<string>> { ["&TIES"] = ["MILITARY", "ECONOMIC"] };
        PhraseSyntax.Expand("* { GENEVA_ | INTERNATIONAL }_CONVENTIONS", synsets).ShouldBe(["* GENEVA_CONVENTIONS", "* INTERNATIONAL_CONVENTIONS"]);
        PhraseSyntax.Expand("* NEW_&TIES_RELATIONS", synsets).ShouldBe(["* NEW_MILITARY_RELATIONS", "* NEW_ECONOMIC_RELATIONS"]);
    }

    [Theory]
    [InlineData("ACCEPT", false, "ACCEPTED", true)]
    [InlineData("SYRI", false, "SYRACUSE", false)]
    [InlineData("OF", true, "OFFER", false)]
    [InlineData("ARRIVE", true, "ARRIVING", true)]
    [InlineData("STOP", true, "STOPPED", true)]
    [InlineData("DEFEND", true, "DEFENDANT", false)]
    public void Stems_and_exact_words_match_as_TABARI_says(string text, bool exact, string token, bool matches) =>
        Endings.Matches(new PhraseWord(text, exact, false), token, true, Endings.Verb).ShouldBe(matches);

    [Theory]
    [InlineData("PEOPLES", "PEOPLE'S", true)]
    [InlineData("PEOPLE'S", "PEOPLES", true)]
    [InlineData("PEOPLE", "PEOPLE'S", false)]
    [InlineData("PEOPLES", "PEOPLE", false)]
    public void A_possessive_and_its_plain_spelling_are_one_word_inside_a_phrase(string text, string token, bool matches) =>
        Endings.Matches(new PhraseWord(text, true, false), token, false, Endings.Noun).ShouldBe(matches);

    [Fact]
    public void Length_counts_letters_and_digits_only() => PhraseSyntax.Length("+ * TO THE NEXT DAY $").ShouldBe(12);
}

public sealed class TokenizerTests
{
    [Fact]
    public void Filters_as_TABARI_does()
    {
        var tokens = Tokenizer.Tokenize("The U.N. sent 1,500 troops; al-Assad agreed.");
        tokens.Select(t => t.Text).ShouldBe(["THE", "U.N.", "SENT", "1500", "TROOPS", ",", "AL", "ASSAD", "AGREED"]);
    }

    [Property]
    public bool Tokens_lie_inside_the_text(string? text)
    {
        text ??= "";
        return Tokenizer.Tokenize(text).All(t => t.Start >= 0 && t.End <= text.Length && t.Start < t.End);
    }
}

public sealed class CoderTests
{
    private static Coder Build(CoderOptions? options = null)
    {
        var d = new EventDictionary();
        void Actor(string phrase, params DatedCode[] codes) => d.Actors.Add(new ActorEntry(phrase, PhraseSyntax.Words(phrase), codes));
        Actor("ARNOR_", new DatedCode("ARN"));
        Actor("GONDOR_", new DatedCode("GON"));
        Actor("ROHAN_", new DatedCode("ROH"));
        Actor("BOROMIR_", new DatedCode("GONGOV", 0, 20001231), new DatedCode("---"));
        Actor("SOCCER_", new DatedCode("###"));
        Actor("DEMOCRATIC_PEOPLES_REPUBLIC_", new DatedCode("DPR"));
        Actor("PEOPLES_ARMY_", new DatedCode("PAR"));
        d.Agents.Add(new AgentEntry("MINISTER_", PhraseSyntax.Words("MINISTER_"), "~GOV"));
        var attack = new VerbEntry("ATTACK", "190");
        attack.Forms.Add(PhraseSyntax.Words("ATTACK"));
        d.Verbs.Add(attack);
        d.AddPattern(attack, "* WITH_ARTILLERY", "194");
        var meet = new VerbEntry("MEET", "036");
        meet.Forms.Add(PhraseSyntax.Words("MEET"));
        meet.Forms.Add(PhraseSyntax.Words("MET_"));
        d.Verbs.Add(meet);
        d.AddPattern(meet, "% *", "036:036");
        var say = new VerbEntry("SAY", "010");
        say.Forms.Add(PhraseSyntax.Words("DECLARED_"));
        d.Verbs.Add(say);
        var agree = new VerbEntry("AGREE", "050");
        agree.Forms.Add(PhraseSyntax.Words("AGREE"));
        d.Verbs.Add(agree);
        var send = new VerbEntry("SEND", "070");
        send.Forms.Add(PhraseSyntax.Words("SEND"));
        send.Forms.Add(PhraseSyntax.Words("SENT_"));
        d.Verbs.Add(send);
        var reject = new VerbEntry("REJECT", "120");
        reject.Forms.Add(PhraseSyntax.Words("REJECT"));
        d.Verbs.Add(reject);
        d.AddPattern(reject, "NOT *", "---");
        var grant = new VerbEntry("GRANT", "060");
        grant.Forms.Add(PhraseSyntax.Words("ACCORD"));
        d.Verbs.Add(grant);
        return new Coder(d.Seal(), options);
    }

    private static string Codes(SentenceCoding c) => string.Join(" ", c.Events.Select(e => $"{e.Source}/{e.Target}/{e.Code}"));

    [Fact]
    public void Subject_verb_object() => Codes(Build().Code("Arnor attacked Gondor on Monday.")).ShouldBe("ARN/GON/190");

    [Fact]
    public void Longer_pattern_wins_and_span_is_the_matched_words()
    {
        var c = Build().Code("Arnor attacked Gondor with artillery.");
        Codes(c).ShouldBe("ARN/GON/194");
        c.Events[0].Span.ShouldBe("attacked Gondor with artillery");
    }

    [Fact]
    public void Passive_voice_swaps_source_and_target() =>
        Codes(Build().Code("Gondor was attacked by Arnor.")).ShouldBe("ARN/GON/190");

    [Fact]
    public void Compound_actor_with_paired_code_codes_each_direction() =>
        Codes(Build().Code("Arnor and Gondor met in Rohan.")).ShouldBe("ARN/GON/036 GON/ARN/036");

    [Fact]
    public void Compound_target_duplicates_the_event() =>
        Codes(Build().Code("Rohan attacked Arnor and Gondor.")).ShouldBe("ROH/ARN/190 ROH/GON/190");

    [Fact]
    public void Null_pattern_negates() => Build().Code("Arnor did not reject Gondor.").Events.ShouldBeEmpty();

    [Fact]
    public void Discard_phrase_discards_the_sentence() => Build().Code("Arnor attacked Gondor in a soccer match.").Discarded.ShouldBeTrue();

    [Fact]
    public void Dated_actor_codes_follow_the_date()
    {
        Codes(Build().Code("Boromir attacked Rohan.", 19990101)).ShouldBe("GONGOV/ROH/190");
        Build().Code("Boromir attacked Rohan.", 20050101).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Agent_attaches_to_its_actor() => Codes(Build().Code("Arnor's minister attacked Gondor.")).ShouldBe("ARNGOV/GON/190");

    [Fact]
    public void Pronoun_takes_the_first_actor() => Codes(Build().Code("Arnor said it would attack Gondor.")).ShouldBe("ARN/GON/190");

    [Fact]
    public void Recommendations_and_negations_are_not_events_in_reading_mode()
    {
        var coder = Build(new CoderOptions { SkipRecommendations = true, CommaClauses = true, NoActorPrior = true });
        coder.Code("Arnor should attack Gondor.").Events.ShouldBeEmpty();
        coder.Code("Arnor must attack Gondor.").Events.ShouldBeEmpty();
        coder.Code("Arnor never attacked Gondor.").Events.ShouldBeEmpty();
        Codes(coder.Code("Arnor attacked Gondor.")).ShouldBe("ARN/GON/190");
    }

    [Fact]
    public void A_plain_statement_gives_way_to_the_event_it_reports()
    {
        var reading = new CoderOptions { SkipRecommendations = true, CommaClauses = true, NoActorPrior = true };
        Codes(Build(reading).Code("Rohan declared Arnor attacked Gondor.")).ShouldBe("ROH/ARN/010");
        Codes(Build(reading with { StatementsSubordinate = true }).Code("Rohan declared Arnor attacked Gondor.")).ShouldBe("ARN/GON/190");
        // a statement and nothing else is still a statement
        Codes(Build(reading with { StatementsSubordinate = true }).Code("Rohan declared Gondor was calm.")).ShouldBe("ROH/GON/010");
    }

    [Fact]
    public void Intended_actions_are_coded_as_intents_and_hypotheses_not_at_all()
    {
        var coder = Build(new CoderOptions { SkipRecommendations = true, CommaClauses = true, NoActorPrior = true, StatementsSubordinate = true, Intentions = true });
        Codes(coder.Code("Arnor will meet Gondor.")).ShouldBe("ARN/GON/036");
        Codes(coder.Code("Arnor agreed to send troops to Gondor.")).ShouldBe("ARN/GON/033");
        Codes(coder.Code("Arnor is ready to attack Gondor.")).ShouldBe("ARN/GON/138");
        Codes(coder.Code("Arnor said it would send aid to Gondor.")).ShouldBe("ARN/GON/033");
        Codes(coder.Code("Arnor agreed with Gondor.")).ShouldBe("ARN/GON/050");
        coder.Code("Arnor could attack Gondor.").Events.ShouldBeEmpty();
        coder.Code("Such an attack would hurt Gondor.").Events.ShouldBeEmpty();
        Codes(coder.Code("Arnor sent troops to Gondor.")).ShouldBe("ARN/GON/070");
    }

    [Fact]
    public void A_possessive_spelling_finds_the_plain_one_in_the_dictionary()
    {
        // Phoenix writes DEMOCRATIC_PEOPLES_REPUBLIC_OF_KOREA; news writes People's
        Codes(Build().Code("The Democratic People's Republic attacked Gondor.")).ShouldBe("DPR/GON/190");
        Codes(Build().Code("The People's Army attacked Rohan.")).ShouldBe("PAR/ROH/190");
    }

    [Fact]
    public void According_to_attributes_and_grants_nothing()
    {
        var coder = Build(BuiltInReading);
        Codes(coder.Code("Arnor attacked Gondor, according to Rohan.")).ShouldBe("ARN/GON/190");
        coder.Code("According to Rohan, Gondor was calm.").Events.ShouldBeEmpty();
        Codes(coder.Code("Rohan accorded Gondor recognition.")).ShouldBe("ROH/GON/060");
    }

    [Fact]
    public void Saying_another_actor_must_act_is_a_demand_on_it()
    {
        // CAMEO codes "X said Y must Z" as X's demand on Y; the recommendation itself is not an event
        var coder = Build(BuiltInReading);
        Codes(coder.Code("Rohan declared that Gondor must attack Arnor.")).ShouldBe("ROH/GON/100");
        Codes(coder.Code("Rohan declared Gondor should send troops.")).ShouldBe("ROH/GON/100");
        Codes(coder.Code("Rohan declared Gondor was calm.")).ShouldBe("ROH/GON/010");
        // TABARI's rules (no reading options) keep the statement
        Codes(Build().Code("Rohan declared that Gondor must attack Arnor.")).ShouldNotContain("/100");
    }

    /// <summary>The reading options <c>BuiltInEvents.ReadingOptions</c> gives news.</summary>
    private static readonly CoderOptions BuiltInReading =
        new() { SkipRecommendations = true, NoActorPrior = true, CommaClauses = true, StatementsSubordinate = true, Intentions = true };

    [Theory]
    [InlineData("042", "036")]
    [InlineData("0521", "032")]
    [InlineData("0871", "035")]
    [InlineData("190", "138")]
    [InlineData("1724", "137")]
    [InlineData("112", "112")]
    public void Intent_codes_follow_CAMEO(string done, string intended) => Coder.IntentCode(done).ShouldBe(intended);

    [Property]
    public bool Coding_never_throws(string? text)
    {
        var c = Build().Code(text ?? "");
        return c.Events.All(e => e.Source != e.Target);
    }
}

public sealed class DocumentTests
{
    [Fact]
    public void Dates_in_a_sentence_resolve_against_the_document_date()
    {
        var doc = new DateOnly(2025, 7, 15);
        DateExpressions.Resolve("Tensions escalated in December 2024, when ...", doc).ShouldBe(new DateOnly(2024, 12, 1));
        DateExpressions.Resolve("Aliyev refused to attend the parade on 9 May.", doc).ShouldBe(new DateOnly(2025, 5, 9));
        DateExpressions.Resolve("He refused to attend the May 9th parade.", doc).ShouldBe(new DateOnly(2025, 5, 9));
        DateExpressions.Resolve("They met on 20 December.", doc).ShouldBe(new DateOnly(2024, 12, 20));
        DateExpressions.Resolve("Nothing dated here.", doc).ShouldBe(doc);
        DateExpressions.Resolve("Nothing dated here.", null).ShouldBeNull();
    }

    [Fact]
    public void Sentences_split_at_full_stops_not_abbreviations() =>
        SentenceSplitter.Split("The U.S. refused. Russia agreed! Mr. Smith left.\nNew line")
            .ShouldBe(["The U.S. refused.", "Russia agreed!", "Mr. Smith left.", "New line"]);

    [Fact]
    public void Quad_classes_follow_the_CAMEO_root()
    {
        CameoScale.QuadClass("042").ShouldBe(1);
        CameoScale.QuadClass("073").ShouldBe(2);
        CameoScale.QuadClass("138").ShouldBe(3);
        CameoScale.QuadClass("195").ShouldBe(4);
        CameoScale.QuadClass("abc").ShouldBe(0);
    }

    [Fact]
    public void Goldstein_falls_back_to_the_parent_code()
    {
        var scale = new CameoScale(new Dictionary<string, (string, double)> { ["19"] = ("FIGHT", -10), ["190"] = ("Use conventional military force", -10), ["17"] = ("COERCE", -7) });
        scale.Goldstein("1951").ShouldBe(-10);
        scale.Goldstein("173").ShouldBe(-7);
        scale.Goldstein("042").ShouldBeNull();
    }

    [Fact]
    public void Monthly_dyadic_series_count_and_sum()
    {
        CodedEvent E(string s, string t, string code, double g, int month) =>
            new("d", 1, new DateOnly(2024, month, 3), s, t, code, g, CameoScale.QuadClass(code), "", "");
        var series = Timelines.Monthly([E("RUSGOV", "AZE", "190", -10, 12), E("RUS", "AZE", "173", -5, 12), E("RUS", "AZE", "042", 3.4, 11), E("AZE", "RUS", "100", -5, 12)]);
        series.Count.ShouldBe(3);
        var dec = series.Single(m => m.Source == "RUS" && m.Month == "2024-12");
        dec.Events.ShouldBe(2);
        dec.Goldstein.ShouldBe(-15);
        dec.MaterialConflict.ShouldBe(2);
        series.Single(m => m.Source == "RUS" && m.Month == "2024-11").VerbalCooperation.ShouldBe(1);
    }
}
