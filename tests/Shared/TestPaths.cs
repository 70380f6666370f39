namespace Statecraft.Tests;

/// <summary>Where the repository and the shared references sit, found from the test binary upwards.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>../shared</c> beside the checkout: reference runs and datasets (CI has it).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Reference(params string[] parts) => Path.Combine([Shared, "reference", .. parts]);

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Statecraft.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Statecraft.slnx not found above " + AppContext.BaseDirectory);
    }
}
