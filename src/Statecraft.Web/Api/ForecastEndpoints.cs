using Statecraft.Core.Forecasting;
using Statecraft.Store;

namespace Statecraft.Web.Api;

/// <summary>
/// <c>GET /api/forecasts</c>: the forecast ledger (newest first), the resolutions and the scores,
/// in the views <c>statecraft score --json</c> uses, for the dashboard's Forecasts page.
/// </summary>
internal static class ForecastEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/forecasts", (RunStore store) =>
        {
            var ledger = store.Forecasts();
            var resolutions = store.Resolutions();
            return Results.Ok(new
            {
                store = store.Path,
                ledger = ledger.OrderByDescending(e => e.Id).Select(LedgerViews.ToView),
                resolutions = resolutions.OrderByDescending(r => r.Id).Select(LedgerViews.ToView),
                score = LedgerViews.ToView(Scoreboard.Score(ledger, resolutions)),
            });
        });
}
