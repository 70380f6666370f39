using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Statecraft.Store;
using Statecraft.Web.Analysis;
using Statecraft.Web.Api;
using Statecraft.Web.Guard;

namespace Statecraft.Web;

/// <summary>
/// The dashboard: static pages (embedded, ECharts included, so it works offline) and the JSON API,
/// served on 127.0.0.1 unless told otherwise, and then only with an access token.
/// </summary>
public static class DashboardApp
{
    public const string TokenHeader = "X-Statecraft-Token";
    private const string TokenCookie = "statecraft_token";

    /// <param name="args">Host arguments (configuration overrides), as <c>dotnet run</c> passes them.</param>
    /// <param name="options">Options from <c>statecraft serve</c>; null reads them from configuration.</param>
    /// <param name="backend">The analysis; null uses <see cref="DefaultBackend"/>.</param>
    public static WebApplication Build(string[] args, DashboardOptions? options = null, IAnalysisBackend? backend = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options is not null) builder.Configuration.AddInMemoryCollection(options.ToConfiguration());
        var configured = DashboardOptions.From(builder.Configuration);
        var host = configured.Host.Contains(':', StringComparison.Ordinal) ? $"[{configured.Host}]" : configured.Host;
        builder.WebHost.UseUrls($"http://{host}:{configured.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = configured.MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failure to start (port in use) is reported by `statecraft serve` in one line, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Read again when the app starts: tests override configuration after this point.
        builder.Services.AddSingleton(sp => DashboardOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new RunStore(sp.GetRequiredService<DashboardOptions>().StorePath));
        builder.Services.AddSingleton(backend ?? DefaultBackend());
        builder.Services.AddSingleton<AnalysisJobs>();
        builder.Services.ConfigureHttpJsonOptions(json => WebJson.Configure(json.SerializerOptions));

        var app = builder.Build();
        var served = app.Services.GetRequiredService<DashboardOptions>();
        if (served.Problem() is { } problem) throw new InvalidOperationException(problem);

        app.Use(SecurityHeaders);
        app.Use(Failures);
        app.Use((context, next) => RequestGuard.Check(context, next, served.AccessToken is not null));
        if (served.AccessToken is { } token) app.Use((context, next) => RequireToken(context, next, token));

        var files = new EmbeddedFileProvider(typeof(DashboardApp).Assembly, "Statecraft.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>The analysis this build ships.</summary>
    public static IAnalysisBackend DefaultBackend() => new NoAnalysisBackend();

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        // Scripts only from our own files: even text that slipped into markup could not run.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next();
    }

    /// <summary>The store's trouble is a 503, anything else a 500, both as problem details, never an empty body.</summary>
    private static async Task Failures(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (RunStoreException e) when (!context.Response.HasStarted)
        {
            await Problems.Write(context, StatusCodes.Status503ServiceUnavailable, "Run store unavailable", e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await Problems.Write(context, StatusCodes.Status500InternalServerError, "Internal error",
                $"{e.GetType().Name}: {e.Message}. This is a bug in statecraft; please report it with the request.");
        }
    }

    private static async Task RequireToken(HttpContext context, Func<Task> next, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        bool Matches(string? given) => given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);

        if (Matches(context.Request.Headers[TokenHeader]) || Matches(context.Request.Cookies[TokenCookie]))
        {
            await next();
            return;
        }

        if (Matches(context.Request.Query["token"]))
        {
            // The link printed by `statecraft serve` carries the token once; a cookie keeps it off the address bar.
            context.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            context.Response.Redirect(RequestGuard.LocalPath(context.Request.PathBase, context.Request.Path));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsJsonAsync(new { error = "this dashboard needs its access token (open the link `statecraft serve` printed)" });
    }
}
