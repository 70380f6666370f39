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
