namespace Statecraft.Tests;

/// <summary>A temporary folder for one test class's input files, deleted with it.</summary>
internal sealed class TempFiles(string prefix) : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose() => Directory.Delete(Dir, true);
}
