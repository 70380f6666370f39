namespace Statecraft.Core.Conflict;

/// <summary>Great-circle distances between points given in degrees (War Trap's capital-to-capital miles).</summary>
public static class GreatCircle
{
    public const double EarthRadiusMiles = 3958.8;

    /// <summary>The haversine distance in statute miles.</summary>
    public static double Miles(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
