using Statecraft.Core.Coercion;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary>docs/scenario-format.md lists every input a lever's channels read, as the model defines them.</summary>
public sealed class ScenarioFormatDocTests
{
    [Fact]
    public void The_lever_table_lists_every_channel_parameter_and_whether_it_is_needed()
    {
        var rows = File.ReadAllLines(TestPaths.InRepo("docs", "scenario-format.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => Channels.TryParse(c[1].Trim('`'), out _))
            .ToDictionary(c => (c[1].Trim('`'), c[2].Trim('`')), c => c[3]);
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            foreach (var p in Channels.Parameters(kind))
            {
                var key = (Channels.FileName(kind), p.Name);
                rows.ShouldContainKey(key, $"docs/scenario-format.md has no row for {key}");
                rows[key].ShouldBe(p.Default is { } d ? $"default {d}" : "yes", key.ToString());
            }
        }

        rows.Count.ShouldBe(Enum.GetValues<ChannelKind>().Sum(k => Channels.Parameters(k).Count));
    }
}
