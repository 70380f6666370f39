using Statecraft.Core.Coercion;
using Statecraft.Tests;

namespace Statecraft.Cli.Tests;

/// <summary>docs/scenario-format.md lists every input a lever's channels read, as the model defines them.</summary>
public sealed class ScenarioFormatDocTests
{
    [Fact]
    public void The_lever_table_lists_every_channel_parameter_with_its_default()
    {
        // The lever table's last column reads "channel: p1, p2 (default); other: ..." per lever kind.
        var documented = new Dictionary<string, HashSet<string>>();
        foreach (var line in File.ReadAllLines(TestPaths.InRepo("docs", "scenario-format.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            if (cells.Length < 5) continue;
            foreach (var entry in cells[3].Split(';', StringSplitOptions.TrimEntries))
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !Channels.TryParse(entry[..colon], out _)) continue;
                var set = documented.TryGetValue(entry[..colon], out var s) ? s : documented[entry[..colon]] = [];
                foreach (var p in entry[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries)) set.Add(p);
            }
        }

        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            var name = Channels.FileName(kind);
            documented.ShouldContainKey(name, $"docs/scenario-format.md lists no parameters for the {name} channel");
            foreach (var p in Channels.Parameters(kind))
                documented[name].ShouldContain(p.Default is { } d ? $"{p.Name} ({d})" : p.Name, $"{name}.{p.Name}");
            documented[name].Count.ShouldBe(Channels.Parameters(kind).Count, name);
        }
    }
}
