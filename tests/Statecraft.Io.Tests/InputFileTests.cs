using Statecraft.Io.Bdm;
using Statecraft.Io.Ktab;
using Statecraft.Io.Scenarios;
using Statecraft.Io.Yaml;

namespace Statecraft.Io.Tests;

/// <summary>Every reader turns an unreadable path into a located problem, never an exception.</summary>
public sealed class InputFileTests
{
    public static TheoryData<string, Func<string, IEnumerable<Core.Domain.Problem>>> Readers => new()
    {
        { "bdm", p => BdmCsvReader.ReadFile(p).Problems },
        { "ktab-csv", p => KtabCsvReader.Read(p).Problems },
        { "ktab-xml", p => KtabXmlReader.Read(p).Problems },
        { "scenario", p => ScenarioLoader.LoadFile(p).Problems },
        { "yaml", p => YamlFile.Load(p).Problems },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_directory_or_a_missing_file_is_a_problem_naming_the_path(string reader, Func<string, IEnumerable<Core.Domain.Problem>> read)
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-input-").FullName;
        foreach (var path in new[] { dir, Path.Combine(dir, "missing.txt") })
        {
            var problem = read(path).ShouldHaveSingleItem(reader);
            problem.Location!.File.ShouldBe(path);
            problem.ToString().ShouldContain("file: expected a readable file");
        }

        Directory.Delete(dir);
    }
}

/// <summary>Text must be UTF-8 and within the limits; anything else is a located problem.</summary>
public sealed class InputTextTests
{
    [Fact]
    public void Latin1_is_refused_at_its_first_non_utf8_byte_not_turned_into_replacement_characters()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("Actor,Capability\nNederl\u00e4nd,1\n");
        var problem = InputFile.Decode(bytes, "t.csv").Problems.ShouldHaveSingleItem();
        problem.ToString().ShouldStartWith("t.csv:2:7: encoding: expected UTF-8 text; byte 0xE4 is not UTF-8");
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_read_without_it()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("Nederl\u00e4nd")).ToArray();
        InputFile.Decode(bytes, "t.csv").Value.ShouldBe("Nederl\u00e4nd");
    }

    [Fact]
    public void A_line_over_the_line_length_limit_is_refused_with_its_line_number()
    {
        var text = "ok\n" + new string('x', Core.Domain.Limits.Current.LineLength + 1) + "\n";
        var problem = InputFile.CheckLines(text, "t.csv").Problems.ShouldHaveSingleItem();
        problem.Location.ShouldBe(new Core.Domain.SourceLocation("t.csv", 2));
        problem.Message.ShouldContain("line-length");
    }
}
