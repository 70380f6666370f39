using SharpFuzz;
using Statecraft.Fuzz;

// statecraft-fuzz TARGET              run under AFL++ (fuzz/run.sh starts it so)
// statecraft-fuzz TARGET FILE|DIR...  replay inputs, print each finding, exit 1 if any
if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: statecraft-fuzz TARGET [FILE|DIR...]; targets: {string.Join(", ", Targets.All.Keys)}");
    return 2;
}

if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        target(memory.ToArray());
    });
    return 0;
}

var findings = 0;
foreach (var file in args.Skip(1).SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories) : [a]).Order(StringComparer.Ordinal))
{
    try
    {
        target(File.ReadAllBytes(file));
    }
    catch (Exception e)
    {
        findings++;
        Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
    }
}

return findings == 0 ? 0 : 1;
