using System.Runtime.CompilerServices;

namespace Statecraft.Tests;

/// <summary>
/// Commands record their runs in the run store; tests must never write to the user's own store.
/// Each test process gets a store of its own in the temporary directory, unless one is set.
/// </summary>
internal static class TestStore
{
    [ModuleInitializer]
    internal static void UseTemporaryStore()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("STATECRAFT_STORE"))) return;
        var path = Path.Combine(Path.GetTempPath(), "statecraft-tests", $"runs-{Environment.ProcessId}.db");
        Environment.SetEnvironmentVariable("STATECRAFT_STORE", path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        };
    }
}
