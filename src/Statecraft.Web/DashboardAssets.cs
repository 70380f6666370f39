namespace Statecraft.Web;

/// <summary>
/// The dashboard's static files, embedded in this assembly. The analysis report reads the chart
/// library and the chart module from here, so report and dashboard draw with the same code.
/// </summary>
public static class DashboardAssets
{
    /// <summary>The file at <paramref name="path"/> under wwwroot (e.g. <c>lib/echarts.min.js</c>).</summary>
    public static string Read(string path)
    {
        var name = "Statecraft.Web.wwwroot." + path.Replace('/', '.');
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"{path} is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
