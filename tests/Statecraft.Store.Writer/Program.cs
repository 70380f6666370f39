using Statecraft.Store;

// Usage: Statecraft.Store.Writer STORE COUNT PAYLOAD_CHARS
// Records COUNT runs whose results carry their own number and a large payload, printing
// "recorded N" after each commit, so that a test can kill it in the middle of a write.
var store = new RunStore(args[0], TimeSpan.FromSeconds(30));
var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var payload = new string('x', int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
for (var i = 0; i < count; i++)
{
    var started = DateTimeOffset.UtcNow;
    var manifest = new RunManifest("writer", "child", null, new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        i.ToString(System.Globalization.CultureInfo.InvariantCulture), "test", started, DateTimeOffset.UtcNow);
    store.Record(manifest, $$"""{"n":{{i}},"payload":"{{payload}}"}""");
    Console.Out.WriteLine($"recorded {i}");
    Console.Out.Flush();
}

return 0;
