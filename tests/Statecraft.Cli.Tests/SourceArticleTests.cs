using System.Text.RegularExpressions;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary>
/// The project paraphrases the source article and cites it by claim id and lines: no shipped text
/// (docs, examples, scenarios, data, README) repeats eight of its words in a row, except its title.
/// </summary>
public sealed partial class SourceArticleTests
{
    private const int Run = 8;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Normal(string text) => Space().Replace(text.Replace('’', '\'').ToLowerInvariant(), " ");

    [Fact]
    public void No_shipped_text_copies_a_sentence_of_the_source_article()
    {
        var article = File.ReadAllLines(Path.Combine(TestPaths.Shared, "seed", "south-caucasus-article.txt"));
        var title = Normal(article[0].Trim());
        var words = Normal(string.Join(' ', article.Skip(1))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var windows = Enumerable.Range(0, Math.Max(0, words.Length - Run + 1)).Select(i => string.Join(' ', words[i..(i + Run)])).ToHashSet();

        string[] roots = ["docs", "examples", "scenarios", "data"];
        var files = roots.Select(r => TestPaths.InRepo(r)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".md" or ".yaml" or ".yml" or ".txt" or ".csv" or ".json")
            .Append(TestPaths.InRepo("README.md"));
        var copies = new List<string>();
        foreach (var file in files)
        {
            var text = Normal(File.ReadAllText(file)).Replace(title, " ");
            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + Run <= tokens.Length; i++)
            {
                var window = string.Join(' ', tokens[i..(i + Run)]);
                if (!windows.Contains(window)) continue;
                copies.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)}: \"{window}...\"");
                break;
            }
        }

        copies.ShouldBeEmpty();
    }
}
