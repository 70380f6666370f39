using System.Globalization;
using System.Text.Json;

namespace Statecraft.Store;

/// <summary>One input of a run (a manifest field or an option) that differs between two runs.</summary>
public sealed record InputChange(string Field, string? Before, string? After);

/// <summary>
/// One leaf of the JSON results that differs. <see cref="Path"/> names it with array elements keyed
/// by their <c>id</c> (or <c>policy</c>, <c>name</c>, <c>input</c>) where they have one, so an
/// analyze result's questions are compared by question id: <c>questions[armenia-alignment].value</c>.
/// <see cref="Delta"/> is after − before when both are numbers.
/// </summary>
/// <see cref="Key"/> marks the answers themselves (a question's value, interval, agreement and
/// headline; a forecast; a package's outcomes, gain and war risk) as against their details
/// (drivers, flip points, rounds), so a reader sees first what moved.
public sealed record AnswerChange(string Path, string? Before, string? After, double? Delta, bool Key);

/// <summary>What changed between two runs: their inputs and each answer.</summary>
public sealed record RunDiff(long Before, long After, IReadOnlyList<InputChange> Inputs, IReadOnlyList<AnswerChange> Answers, int AnswersCompared)
{
    private static readonly string[] Keys = ["id", "policy", "name", "input"];

    public static RunDiff Compare(StoredRun before, StoredRun after)
    {
        var inputs = new List<InputChange>();
        void Field(string name, string? a, string? b)
        {
            if (a != b) inputs.Add(new InputChange(name, a, b));
        }

        var (ma, mb) = (before.Manifest, after.Manifest);
        Field("command", ma.Command, mb.Command);
        Field("input", ma.InputId, mb.InputId);
        Field("input_sha256", ma.InputSha256, mb.InputSha256);
        Field("seed", ma.Seed, mb.Seed);
        Field("version", ma.Version, mb.Version);
        foreach (var key in ma.Options.Keys.Union(mb.Options.Keys).Order(StringComparer.Ordinal))
        {
            Field("option " + key, ma.Options.GetValueOrDefault(key), mb.Options.GetValueOrDefault(key));
        }

        var left = Flatten(before.Result);
        var right = Flatten(after.Result);
        var answers = new List<AnswerChange>();
        // Keep the order of the first result, then whatever only the second has.
        foreach (var path in left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k))))
        {
            var a = left.GetValueOrDefault(path);
            var b = right.GetValueOrDefault(path);
            if (a.Text == b.Text) continue;
            double? delta = a.Number is { } x && b.Number is { } y ? y - x : null;
            answers.Add(new AnswerChange(path, a.Text, b.Text, delta, IsKey(path)));
        }

        return new RunDiff(before.Id, after.Id, inputs, answers, left.Keys.Union(right.Keys).Count());
    }

    private static readonly HashSet<string> KeyFields =
        ["value", "interval", "agrees_with_source", "headline", "gain", "gain_interval", "war_risk", "ratio", "expected_utility", "probability_verdict_holds"];

    private static bool IsKey(string path)
    {
        if (path.StartsWith("forecast", StringComparison.Ordinal) || path.Contains(".outcomes.", StringComparison.Ordinal)) return true;
        if (path.Contains("drivers", StringComparison.Ordinal) || path.Contains("flip_points", StringComparison.Ordinal) || path.Contains("models", StringComparison.Ordinal))
            return false;
        var last = path[(path.LastIndexOf('.') + 1)..];
        return KeyFields.Contains(last);
    }

    private readonly record struct Leaf(string? Text, double? Number);

    private static Dictionary<string, Leaf> Flatten(string json)
    {
        var leaves = new Dictionary<string, Leaf>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, Leaf> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, leaves);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in element.EnumerateArray())
                {
                    var key = KeyOf(item);
                    // An array of plain values is one answer (an interval, a list of claims).
                    if (item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                    {
                        leaves[path] = new Leaf(JsonSerializer.Serialize(element, StoreJson.Default.JsonElement), null);
                        return;
                    }

                    var label = key is not null && seen.Add(key) ? key : index.ToString(CultureInfo.InvariantCulture);
                    Walk(item, $"{path}[{label}]", leaves);
                    index++;
                }

                if (index == 0) leaves[path] = new Leaf("[]", null);
                break;
            case JsonValueKind.Number:
                leaves[path] = new Leaf(element.GetRawText(), element.GetDouble());
                break;
            case JsonValueKind.String:
                leaves[path] = new Leaf(element.GetString(), null);
                break;
            default:
                leaves[path] = new Leaf(element.GetRawText(), null);
                break;
        }
    }

    private static string? KeyOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in Keys)
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        }

        return null;
    }
}
