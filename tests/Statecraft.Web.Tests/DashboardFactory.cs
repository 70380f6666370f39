using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Statecraft.Store;
using Statecraft.Web.Analysis;

namespace Statecraft.Web.Tests;

/// <summary>The dashboard in-process, with a run store of its own in a temporary directory.</summary>
public sealed class DashboardFactory : WebApplicationFactory<DashboardOptions>
{
    private readonly Dictionary<string, string?> _settings = new();

    public DashboardFactory(IAnalysisBackend? backend = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("statecraft-web-").FullName;
        StorePath = Path.Combine(Directory, "runs.db");
        Backend = backend;
        _settings["Statecraft:Store"] = StorePath;
    }

    public string Directory { get; }

    public string StorePath { get; }

    public IAnalysisBackend? Backend { get; }

    public RunStore Store => new(StorePath);

    public DashboardFactory With(string key, string value)
    {
        _settings["Statecraft:" + key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Backend is not null)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Backend)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
