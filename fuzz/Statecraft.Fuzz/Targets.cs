using Statecraft.Core.Bargaining;
using Statecraft.Core.Conflict;
using Statecraft.Core.Domain;
using Statecraft.Core.Events;
using Statecraft.Core.Uncertainty;
using Statecraft.Io;
using Statecraft.Io.Bdm;
using Statecraft.Io.Deu;
using Statecraft.Io.Events;
using Statecraft.Io.Ktab;
using Statecraft.Io.Region;
using Statecraft.Io.Scenarios;
using Statecraft.Web.Analysis;

namespace Statecraft.Fuzz;

/// <summary>
/// One fuzz target per loader. A target gets raw bytes as a file would hold them and must end in a
/// value or in problems: an exception that escapes, a non-finite number in what it computes from an
/// accepted input, or a hang (the fuzzer's time-out) is a finding. Targets that need a path write the
/// bytes to a scratch file with the extension the format uses.
/// </summary>
public static class Targets
{
    /// <summary>The web API's scenario store, with the built-in scenario from the repository beside it.</summary>
    private static readonly Lazy<ScenarioBackend> Backend = new(() =>
    {
        var builtIn = ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), "scenarios", "south-caucasus.yaml")).Value;
        return new ScenarioBackend(builtIn, (_, _) => "{}");
    });

    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["scenario"] = bytes => Text(bytes, "fuzz.yaml", text =>
        {
            ScenarioLoader.Load(text, "fuzz.yaml");
        }),
        ["region"] = bytes => Text(bytes, "fuzz.yaml", text =>
        {
            var region = RegionFile.Parse(text, "fuzz.yaml");
            if (!region.Success || region.Value.States.Count < 2) return;
            var states = region.Value.States;
            var draw = new ScenarioDraw(region.Value.WarTrap.Inputs, region.Value.WarTrap.Inputs.Medians());
            CheckFinite(region.Value.WarTrap.ExpectedUtility(states[0].Id, states[1].Id, region.Value.Options)(draw), "expected utility");
        }),
        ["coercion"] = bytes => Text(bytes, "fuzz.yaml", text =>
        {
            var file = CoercionFile.Parse(text, "fuzz.yaml");
            if (!file.Success) return;
            var c = file.Value.Case;
            var result = c.Evaluate(new ScenarioDraw(c.Inputs, c.Inputs.Medians()));
            CheckFinite(result.SenderCost, "sender cost");
            CheckFinite(result.TargetCost, "target cost");
            CheckFinite(result.Ratio, "ratio");
        }),
        ["bdm"] = bytes => Text(bytes, "fuzz.csv", text =>
        {
            var table = BdmCsvReader.Parse(text, "fuzz.csv");
            if (!table.Success) return;
            CheckFinite(Baselines.WeightedMean(table.Value.Issue), "weighted mean");
            var run = BdmModel.TryRun(table.Value.Issue, BdmOptions.Default with { Rounds = 3 });
            if (run.Success) CheckFinite(run.Value.ForecastMedian, "BDM forecast");
        }),
        ["ktab-csv"] = bytes => Text(bytes, "fuzz.csv", text => KtabCsvReader.Parse(text, "fuzz.csv")),
        ["ktab-xml"] = bytes => Text(bytes, "fuzz.xml", text => KtabXmlReader.Parse(text, "fuzz.xml")),
        ["deu"] = bytes => Text(bytes, "fuzz.tsv", text => DeuReader.Parse(text, "fuzz.tsv")),
        ["actors"] = bytes => OnDisk(bytes, ".actors", path => DictionaryReader.LoadActors(new EventDictionary(), path)),
        ["agents"] = bytes => OnDisk(bytes, ".agents", path => DictionaryReader.LoadAgents(new EventDictionary(), path)),
        ["verbs"] = bytes => OnDisk(bytes, ".verbs", path => DictionaryReader.LoadTabariVerbs(new EventDictionary(), path)),
        ["petrarch-verbs"] = bytes => OnDisk(bytes, ".txt", path => DictionaryReader.LoadPetrarchVerbs(new EventDictionary(), path)),
        ["icews"] = bytes => OnDisk(bytes, ".tsv", path => Events(EventFiles.Read(path, EventInputFormat.Icews, null))),
        ["gdelt"] = bytes => OnDisk(bytes, ".csv", path => Events(EventFiles.Read(path, EventInputFormat.Gdelt, null))),
        ["petrarch"] = bytes => OnDisk(bytes, ".xml", path => EventFiles.Read(path, EventInputFormat.Petrarch, null)),
        ["tabari"] = bytes => OnDisk(bytes, ".txt", path => EventFiles.Read(path, EventInputFormat.Tabari, null)),
        ["event-csv"] = bytes => OnDisk(bytes, ".csv", path =>
        {
            var read = EventFiles.ReadCsv(path);
            if (read.Success) CheckEvents(read.Value);
        }),
        ["web-upload"] = bytes => Text(bytes, "upload.yaml", text =>
        {
            var outcome = Backend.Value.Upload("upload.yaml", text);
            if (outcome.Added is null && outcome.Problems.Count == 0) throw new FuzzFinding("an upload neither added nor refused");
            if (outcome.Added is { } added)
            {
                Backend.Value.Find(added.Id);
                Backend.Value.Bargaining(added.Id, []);
            }
        }),
    };

    private static void Text(byte[] bytes, string name, Action<string> parse)
    {
        var text = InputFile.Decode(bytes, name);
        if (text.Success) parse(text.Value);
    }

    private static void OnDisk(byte[] bytes, string extension, Action<string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"statecraft-fuzz-{Environment.ProcessId}{extension}");
        File.WriteAllBytes(path, bytes);
        try
        {
            read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Events(ParseResult<EventInput> input)
    {
        if (input.Success) CheckEvents(input.Value.Coded);
    }

    private static void CheckEvents(IReadOnlyList<CodedEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Goldstein is { } g && !(double.IsFinite(g) && g is >= -10 and <= 10))
                throw new FuzzFinding($"event {e.Doc}: Goldstein {g} accepted");
            if (e.QuadClass is < 0 or > 4) throw new FuzzFinding($"event {e.Doc}: QuadClass {e.QuadClass} accepted");
        }

        Timelines.Monthly(events);
    }

    internal static void CheckFinite(double value, string what)
    {
        if (!double.IsFinite(value)) throw new FuzzFinding($"{what} is {value} for an accepted input");
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Environment.GetEnvironmentVariable("STATECRAFT_REPO")
            ?? throw new InvalidOperationException("run from inside the repository or set STATECRAFT_REPO");
    }
}

/// <summary>A wrong answer the fuzzer found: thrown so that the fuzzer records the input as a crash.</summary>
public sealed class FuzzFinding(string message) : Exception(message);
