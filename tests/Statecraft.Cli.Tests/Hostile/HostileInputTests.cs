using Spectre.Console.Testing;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests.Hostile;

/// <summary>
/// The catalogue of issue 15: every hostile input in fuzz/regressions goes through the command a
/// user would give it to, and must end in exit 2 with the file and a line number, no stack trace,
/// no NaN or Infinity, within bounded time and allocation.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>The command each regression folder's files are given to.</summary>
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["scenario"] = ["analyze", "{0}", "--samples", "10"],
        ["region"] = ["wartrap", "{0}", "--attacker", "A", "--target", "B"],
        ["coercion"] = ["coercion", "{0}"],
        ["bdm"] = ["bargain", "{0}"],
        ["ktab-csv"] = ["bargain", "{0}", "--model", "smp"],
        ["icews"] = ["timeline", "{0}"],
        ["gdelt"] = ["timeline", "{0}"],
        ["event-csv"] = ["timeline", "{0}"],
        ["agents"] = ["ingest", "{1}", "--agents", "{0}"],
        ["deu"] = ["evaluate", "{0}"],
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = TestPaths.InRepo("fuzz", "regressions");
        foreach (var folder in Commands.Keys)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder)).Order(StringComparer.Ordinal))
                data.Add($"{folder}/{Path.GetFileName(file)}");
        return data;
    }

    internal static (int Code, string Output, long Allocated) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        // A hang guard, not a timing: every case finishes in about a second.
        var run = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            return (StatecraftApp.Run(args, console), GC.GetAllocatedBytesForCurrentThread() - before);
        });
        run.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue($"statecraft {string.Join(' ', args)} did not finish");
        return (run.Result.Item1, console.Output, run.Result.Item2);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_hostile_input_is_refused_with_its_location(string name)
    {
        var folder = name.Split('/')[0];
        var file = TestPaths.InRepo("fuzz", "regressions", folder, name.Split('/')[1]);
        var text = TestPaths.InRepo("README.md");
        var args = Commands[folder].Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, file, text)).ToArray();

        var (code, output, _) = Run(args);

        output.ShouldNotContain("   at ", customMessage: output);
        // The input may be echoed in quotes ("found 'NaN'"); an answer may never be NaN or Infinity.
        var answers = System.Text.RegularExpressions.Regex.Replace(output, "'[^']*'", "''");
        answers.ShouldNotContain("NaN", Case.Sensitive, output);
        answers.ShouldNotContain("Infinity", Case.Sensitive, output);
        output.ShouldNotContain("internal error", customMessage: output);
        code.ShouldBe(2, output);
        output.ShouldMatch(System.Text.RegularExpressions.Regex.Escape(file) + @":\d+", output);
    }

    [Fact]
    public void A_ten_megabyte_actor_name_is_refused_quickly_and_not_printed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"statecraft-long-name-{Environment.ProcessId}.csv");
        File.WriteAllText(file, "Actor,Capability,Position,Salience\n" + new string('N', 10_000_000) + ",1,4,0.8\nB,1,7,0.5\n");
        try
        {
            var (code, output, allocated) = Run("bargain", file);
            code.ShouldBe(2);
            output.ShouldContain(file + ":2");
            output.Length.ShouldBeLessThan(2_000);
            allocated.ShouldBeLessThan(500L * 1024 * 1024);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("coercion", "examples/coercion-deport-migrants.yaml")]
    [InlineData("wartrap", "examples/wartrap-toy.yaml")]
    public void Samples_beyond_the_limit_are_refused_before_any_work(string command, string file)
    {
        string[] extra = command == "wartrap" ? ["--attacker", "A", "--target", "B"] : [];
        var (code, output, _) = Run([command, TestPaths.InRepo(file.Split('/')), .. extra, "--samples", "2000000000"]);
        code.ShouldBe(2);
        output.ShouldContain("--samples: 2,000,000,000 is over the limit of 1,000,000 samples");
    }

    [Fact]
    public void An_unreadable_file_is_a_located_problem_for_every_command()
    {
        var dir = Directory.CreateTempSubdirectory("statecraft-unreadable-").FullName;
        try
        {
            foreach (var args in new[]
                     {
                         new[] { "bargain", dir }, ["bargain", dir, "--model", "smp"], ["timeline", dir], ["ingest", dir],
                         ["ingest", TestPaths.InRepo("README.md"), "--agents", dir], ["analyze", dir], ["coercion", dir],
                         ["wartrap", dir, "--attacker", "A", "--target", "B"], ["evaluate", dir],
                     })
            {
                var (code, output, _) = Run(args);
                code.ShouldBe(2, string.Join(' ', args) + "\n" + output);
                output.ShouldContain(dir, customMessage: string.Join(' ', args));
                output.ShouldNotContain("internal error");
            }
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}
