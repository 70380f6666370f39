using System.Globalization;
using Statecraft.Core.Forecasting;
using Statecraft.Store;

// Usage: Statecraft.Store.Writer STORE COUNT PAYLOAD_CHARS [forecasts]
// Records COUNT runs whose results carry their own number and a large payload, printing
// "recorded N" after each commit, so that a test can kill it in the middle of a write. With
// "forecasts", each run is a forecast run with ten ledger records whose details carry the payload.
var store = new RunStore(args[0], TimeSpan.FromSeconds(30));
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var payload = new string('x', int.Parse(args[2], CultureInfo.InvariantCulture));
var forecasts = args.Length > 3 && args[3] == "forecasts";
for (var i = 0; i < count; i++)
{
    var n = i.ToString(CultureInfo.InvariantCulture);
    var started = DateTimeOffset.UtcNow;
    var manifest = new RunManifest(forecasts ? "forecast" : "writer", "child", null, new Dictionary<string, string> { ["n"] = n },
        n, "test", started, DateTimeOffset.UtcNow);
    var result = $$"""{"n":{{i}},"payload":"{{payload}}"}""";
    if (forecasts)
    {
        var entries = Enumerable.Range(0, 10).Select(k => new LedgerEntry(0, $"q{k}", $"question {k} of run {n}", QuestionKind.Binary, [],
            "judgement", true, Prediction.Binary(k / 10.0), Prediction.Binary(0.5), new DateOnly(2025, 7, 5), new DateOnly(2025, 12, 31),
            "child", new string('c', 64), "test", started, null, $$"""{"n":{{i}},"payload":"{{payload}}"}""")).ToArray();
        store.RecordForecasts(manifest, result, entries);
    }
    else store.Record(manifest, result);

    Console.Out.WriteLine($"recorded {i}");
    Console.Out.Flush();
}

return 0;
