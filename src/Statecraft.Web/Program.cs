using Statecraft.Web;

// `dotnet run --project src/Statecraft.Web` serves the dashboard as `statecraft serve` does.
// (Tests start it through WebApplicationFactory<DashboardOptions>, any public type of this assembly.)
DashboardApp.Build(args).Run();
