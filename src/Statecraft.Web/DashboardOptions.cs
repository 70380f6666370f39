using System.Net;
using Microsoft.Extensions.Configuration;
using Statecraft.Store;

namespace Statecraft.Web;

/// <summary>
/// How the dashboard serves: address, port, access token, run store, request size limit. Read
/// from the configuration section <c>Statecraft</c> (<c>statecraft serve</c> fills it from its options).
/// </summary>
public sealed record DashboardOptions
{
    public const string Section = "Statecraft";

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5080;

    /// <summary>Required (checked on every request) when <see cref="Host"/> is not a loopback address.</summary>
    public string? AccessToken { get; init; }

    public string StorePath { get; init; } = RunStore.DefaultPath;

    /// <summary>Largest request body accepted (a scenario upload is the largest): 1 MiB.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    public static DashboardOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new DashboardOptions();
        return new DashboardOptions
        {
            Host = section["Host"] ?? defaults.Host,
            Port = int.TryParse(section["Port"], out var port) ? port : defaults.Port,
            AccessToken = string.IsNullOrEmpty(section["AccessToken"]) ? null : section["AccessToken"],
            StorePath = section["Store"] is { Length: > 0 } store ? Path.GetFullPath(store) : defaults.StorePath,
            MaxRequestBytes = long.TryParse(section["MaxRequestBytes"], out var max) ? max : defaults.MaxRequestBytes,
        };
    }

    /// <summary>Why these options cannot serve safely, or null.</summary>
    public string? Problem() =>
        Port is < 0 or > 65535 ? $"--port must be between 0 and 65535, not {Port}"
        : !IsLoopback && string.IsNullOrEmpty(AccessToken) ? $"serving on {Host} (not this machine only) needs an access token"
        : AccessToken is { Length: < 16 } ? "the access token must be at least 16 characters"
        : null;

    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
    [
        new($"{Section}:Host", Host),
        new($"{Section}:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{Section}:AccessToken", AccessToken),
        new($"{Section}:Store", StorePath),
        new($"{Section}:MaxRequestBytes", MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
