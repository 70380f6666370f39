using System.Net;

namespace Statecraft.Web.Guard;

/// <summary>
/// What a request must be before the API looks at it (issue 15): addressed to this machine by a
/// loopback name unless an access token protects the server (so a DNS-rebinding page cannot reach
/// it), sent from the dashboard's own origin (a page on another site cannot drive it), with a body
/// of a type a cross-site form cannot send without asking first, and with a method the API has.
/// Every refusal is a problem details response (RFC 9457).
/// </summary>
public static class RequestGuard
{
    /// <summary>Body types the API takes: JSON for analyses, YAML for scenario uploads.</summary>
    private static readonly string[] BodyTypes = ["application/json", "text/yaml", "application/yaml", "application/x-yaml"];

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static async Task Check(HttpContext context, Func<Task> next, bool hasToken)
    {
        var request = context.Request;
        if (!hasToken && !IsLoopbackName(request.Host.Host))
        {
            await Problems.Write(context, StatusCodes.Status421MisdirectedRequest, "Not this server",
                $"this dashboard answers only requests addressed to localhost, 127.0.0.1 or [::1], not '{request.Host.Host}'");
            return;
        }

        if (request.Headers.Origin is { Count: > 0 } origin && !SameOrigin(origin.ToString(), request))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                $"requests from {origin} are refused; open the dashboard itself");
            return;
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            if (!Methods.Contains(request.Method))
            {
                context.Response.Headers.Allow = string.Join(", ", Methods);
                await Problems.Write(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                    $"the API answers {string.Join(", ", Methods)}, not {request.Method}");
                return;
            }

            if (HttpMethods.IsPost(request.Method)
                && !BodyTypes.Any(t => string.Equals(request.ContentType?.Split(';')[0].Trim(), t, StringComparison.OrdinalIgnoreCase)))
            {
                await Problems.Write(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                    $"send the body as {string.Join(" or ", BodyTypes)}, not '{request.ContentType}'");
                return;
            }
        }

        await next();
    }

    /// <summary>localhost, *.localhost, or a loopback address (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a link carrying the token may send the browser afterwards: a path on this server only
    /// (<c>//evil.example/</c> or <c>/\evil.example</c> would leave it).
    /// </summary>
    public static string LocalPath(PathString pathBase, PathString path)
    {
        var target = (pathBase + path).Value ?? "/";
        return target.Length == 0 || target[0] != '/' || (target.Length > 1 && target[1] is '/' or '\\') ? "/" : target;
    }
}

/// <summary>Problem details (RFC 9457), with <c>error</c> kept beside them for the dashboard's pages.</summary>
public static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { type = "about:blank", title, status, detail, error = detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
