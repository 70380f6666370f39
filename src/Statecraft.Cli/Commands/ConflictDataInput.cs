using Statecraft.Core.Domain;
using Statecraft.Core.DyadYears;
using Statecraft.Io.Datasets;

namespace Statecraft.Cli.Commands;

/// <summary>
/// The conflict-history commands' shared start (validate conflict, backtest conflict): checks
/// <c>--alliances</c> and <c>--threads</c>, finds the datasets and builds the dyad-year builder from them.
/// </summary>
internal static class ConflictDataInput
{
    public static ParseResult<DyadYearBuilder> Load(string alliances, int? threads, string? data)
    {
        var problems = new List<Problem>();
        var source = alliances switch { "cow" => AllianceSource.Cow, "atop" => AllianceSource.Atop, _ => (AllianceSource?)null };
        if (source is null) problems.Add(new Problem("", "--alliances", $"expected cow or atop, found '{alliances}'"));
        if (threads is < 1) problems.Add(new Problem("", "--threads", $"expected a whole number >= 1, found {threads}"));
        if (problems.Count > 0) return ParseResult<DyadYearBuilder>.ForProblems(problems);
        var directory = data ?? ConflictDataFiles.FindDirectory();
        if (directory is null)
            return ParseResult<DyadYearBuilder>.ForProblem(new Problem("", "--data", "the conflict datasets (data/conflict) were not found; give --data DIR or set STATECRAFT_DATA"));
        return ConflictDataFiles.Load(directory, source!.Value).Then(DyadYearBuilder.Create);
    }
}
