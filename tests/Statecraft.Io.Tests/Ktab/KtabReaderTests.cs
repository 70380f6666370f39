using Statecraft.Core.Spatial;
using Statecraft.Io.Ktab;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Ktab;

public sealed class KtabReaderTests
{
    private static string Ref(string name) => TestPaths.Reference("ktab", name);

    [Fact]
    public void Csv_reads_actors_dimensions_and_rescales_to_unit_interval()
    {
        var s = KtabCsvReader.Read(Ref("dummyData_3Dim.csv")).Value;
        s.Name.ShouldBe("DummyData_3Dim");
        s.Dimensions.ShouldBe(["Pstn1", "Pstn2", "Pstn3"]);
        s.Actors.Count.ShouldBe(7);
        var a0 = s.Actors[0];
        a0.Name.ShouldBe("SActor-00");
        a0.Description.ShouldBe("Random Spatial Actor");
        a0.Capability.ShouldBe(102.543);
        a0.Position.ShouldBe([0.7579, 0.0637, 0.7045], tolerance: 1e-15);
        a0.Salience.ShouldBe([0.4953, 0.0591, 0.2815], tolerance: 1e-15);
    }

    [Fact]
    public void Csv_without_trailing_commas_reads_the_same()
    {
        var a = KtabCsvReader.Read(Ref("dummyData_3Dim.csv")).Value;
        var b = KtabCsvReader.Read(Ref("dummyData_3Dim-no-final-comma.csv")).Value;
        b.Actors.Select(x => (x.Name, x.Capability, x.Position[2], x.Salience[2]))
            .ShouldBe(a.Actors.Select(x => (x.Name, x.Capability, x.Position[2], x.Salience[2])));
    }

    [Theory]
    [InlineData("SOE-Pol-Comp.csv", 13, 2)]
    [InlineData("SOE-Policy.csv", 26, 1)]
    [InlineData("SOE-Competitive.csv", 34, 1)]
    [InlineData("dummyData_6Dim.csv", 27, 6)]
    [InlineData("dummyData-a160.csv", 160, 1)]
    public void Every_shipped_csv_example_reads(string file, int actors, int dims)
    {
        var r = KtabCsvReader.Read(Ref(file));
        r.Problems.ShouldBeEmpty();
        r.Value.Actors.Count.ShouldBe(actors);
        r.Value.Dimensions.Count.ShouldBe(dims);
    }

    [Fact]
    public void Xml_gives_the_same_scenario_and_the_same_run_as_the_csv()
    {
        var csv = KtabCsvReader.Read(Ref("dummyData_3Dim.csv")).Value;
        var xml = KtabXmlReader.Read(Ref("dummyData_3Dim-fixed.xml")).Value;
        xml.Actors.Select(a => (a.Name, a.Capability)).ShouldBe(csv.Actors.Select(a => (a.Name, a.Capability)));
        for (var i = 0; i < csv.Actors.Count; i++)
        {
            xml.Actors[i].Position.ShouldBe(csv.Actors[i].Position);
            xml.Actors[i].Salience.ShouldBe(csv.Actors[i].Salience);
        }

        xml.Options!.Seed.ShouldBe(3707583219545544125UL);
        var fromCsv = SmpModel.Run(csv);
        var fromXml = SmpModel.Run(xml);
        fromXml.Turns.Count.ShouldBe(fromCsv.Turns.Count);
        for (var t = 0; t < fromCsv.Turns.Count; t++) fromXml.Turns[t].Positions.ShouldBe(fromCsv.Turns[t].Positions);
    }

    [Fact]
    public void Xml_reads_model_parameters_and_ideal_adjustments()
    {
        var s = KtabXmlReader.Read(Ref("smpExample-fixed.xml")).Value;
        s.Options.ShouldNotBeNull();
        s.Options.Pce.ShouldBe(PceModel.MarkovIncentive);
        s.Options.Transition.ShouldBe(StateTransition.Stochastic);
        s.Options.Voting.ShouldBe(VotingRule.PropCbc);
        s.Options.Seed.ShouldBe(3507583219545544127UL);
        s.Actors[0].Name.ShouldBe("Alice");
        s.IdealAdjustments.ShouldNotBeEmpty();
    }

    [Fact]
    public void Bad_csv_reports_every_problem_with_file_line_and_field()
    {
        const string text = """
            Bad,"Several problems",4,2,
            Actor,Description,Power,P1,S1,P2,S2,
            A,first,10,50,60,20,50,
            B,second,20,30,40,70,
            C,third,x,30,40,70,10,
            """;
        var r = KtabCsvReader.Parse(text, "bad.csv");
        r.Success.ShouldBeFalse();
        var lines = r.Problems.Select(p => p.ToString()).ToList();
        lines.ShouldContain(l => l.StartsWith("bad.csv:3:") && l.Contains("A: salience") && l.Contains("at most 100") && l.Contains("110"));
        lines.ShouldContain(l => l.StartsWith("bad.csv:4") && l.Contains("B: salience on P2") && l.Contains("missing"));
        lines.ShouldContain(l => l.StartsWith("bad.csv:5:9:") && l.Contains("C: Power") && l.Contains("'x'"));
        lines.ShouldContain(l => l.StartsWith("bad.csv:1:") && l.Contains("nActors") && l.Contains("declares 4") && l.Contains("3 actor row"));
    }

    [Fact]
    public void Out_of_range_position_is_reported()
    {
        var r = KtabCsvReader.Parse("S,d,2,1,\nActor,Description,Power,P,S,\nA,,1,120,10,\nB,,1,50,10,\n", "p.csv");
        r.Problems.ShouldHaveSingleItem().ToString().ShouldBe("p.csv:3:6: A: position on P: expected a value in [0, 100], found 120");
    }

    [Fact]
    public void Malformed_xml_names_file_line_and_column()
    {
        var r = KtabXmlReader.Parse("<Scenario>\n  <name>x</name>\n  <Actors>\n</Scenario>\n", "m.xml");
        var p = r.Problems.ShouldHaveSingleItem();
        p.Location!.File.ShouldBe("m.xml");
        p.Location.Line.ShouldBe(4);
        p.Message.ShouldStartWith("malformed XML");
    }

    [Fact]
    public void Xml_with_bad_values_reports_each_with_its_line()
    {
        const string text = """
            <Scenario>
              <name>S</name><desc>d</desc><prngSeed>1</prngSeed>
              <Dimensions><dName>D1</dName><dName>D2</dName></Dimensions>
              <Actors>
                <Actor><name>A</name><description/><capability>10</capability>
                  <Position><dCoord>50</dCoord><dCoord>20</dCoord></Position>
                  <Salience><dSal>70</dSal><dSal>40</dSal></Salience></Actor>
                <Actor><name>B</name><description/><capability>abc</capability>
                  <Position><dCoord>50</dCoord></Position>
                  <Salience><dSal>10</dSal><dSal>10</dSal></Salience></Actor>
              </Actors>
            </Scenario>
            """;
        var lines = KtabXmlReader.Parse(text, "b.xml").Problems.Select(p => p.ToString()).ToList();
        lines.ShouldContain(l => l.StartsWith("b.xml:7:") && l.Contains("A: Salience") && l.Contains("at most 100"));
        lines.ShouldContain(l => l.StartsWith("b.xml:8:") && l.Contains("B: capability") && l.Contains("'abc'"));
        lines.ShouldContain(l => l.StartsWith("b.xml:9:") && l.Contains("B: Position") && l.Contains("expected 2 <dCoord>, found 1"));
    }
}
