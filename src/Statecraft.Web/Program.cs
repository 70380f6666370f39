using Statecraft.Web;

// `dotnet run --project src/Statecraft.Web` serves the dashboard as `statecraft serve` does.
DashboardApp.Build(args).Run();

/// <summary>The entry point, named for WebApplicationFactory.</summary>
public partial class Program;
