namespace Statecraft.Io;

/// <summary>Where the data Statecraft ships (<c>data/</c> in the repository) is found at run time.</summary>
public static class DataDirectory
{
    /// <summary>
    /// <c>data/SUBFOLDER</c> holding <paramref name="marker"/>: under STATECRAFT_DATA when that variable
    /// is set, else the first one above the working directory or the program.
    /// </summary>
    public static string? Find(string subfolder, string marker)
    {
        var env = Environment.GetEnvironmentVariable("STATECRAFT_DATA");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, subfolder, marker))) return Path.Combine(env, subfolder);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", subfolder);
                if (File.Exists(Path.Combine(candidate, marker))) return candidate;
            }
        }

        return null;
    }
}
