using Spectre.Console.Testing;
using Statecraft.Io.Datasets;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

public sealed class DyadsCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = StatecraftApp.Run(args, console);
        return (code, console.Output);
    }

    [Fact]
    public void Writes_a_csv_of_directed_dyad_years_to_standard_output()
    {
        var (code, output) = Run("dyads", "--from", "1816", "--to", "1816", "--relevant", "--threads", "1");
        code.ShouldBe(0);
        var lines = output.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe(string.Join(",", DyadYearFile.Columns.Select(c => c.Name)));
        var russiaAustria = lines.Single(l => l.StartsWith("1816,365,300,", StringComparison.Ordinal)).Split(',');
        russiaAustria[Array.IndexOf(lines[0].Split(','), "similarity")].ShouldBe("0.4392976851069794");
        lines.Skip(1).ShouldAllBe(l => l.Split(',')[11] == "1"); // politically_relevant
    }

    [Theory]
    [InlineData(new[] { "--from", "1700" }, "error: --from: expected a year in 1816-2016")]
    [InlineData(new[] { "--alliances", "cow", "--to", "2014" }, "error: --to: expected a year in 1816-2012 (the years the state, capability and Cow alliance data share), found 2014")]
    [InlineData(new[] { "--measure", "kappa" }, "error: --measure: expected tau_b, s, weighted_s, found 'kappa'")]
    [InlineData(new[] { "--format", "parquet" }, "error: --out: Parquet is binary: give a file with --out")]
    [InlineData(new[] { "--relevant", "--all" }, "error: --relevant: give --relevant or --all, not both")]
    public void Bad_options_are_refused_with_exit_code_2(string[] options, string message)
    {
        var (code, output) = Run(["dyads", .. options]);
        code.ShouldBe(2);
        output.ShouldContain(message);
    }

    [Fact]
    public void A_malformed_data_file_names_file_line_and_field()
    {
        var dir = Path.Combine(Path.GetTempPath(), "statecraft-dyads-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var f in Directory.GetFiles(TestPaths.InRepo("data", "conflict"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var capitals = Path.Combine(dir, ConflictDataFiles.Capitals);
            var lines = File.ReadAllLines(capitals);
            lines[3] = lines[3].Replace("\"1973-01-01\"", "\"1973-13-01\"", StringComparison.Ordinal);
            File.WriteAllLines(capitals, lines);
            var (code, output) = Run("dyads", "--data", dir, "--to", "1817");
            code.ShouldBe(2);
            output.ShouldContain($"{capitals}:4: stdate: expected a date yyyy-mm-dd, found '1973-13-01'");
            output.ShouldNotContain("   at ");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
