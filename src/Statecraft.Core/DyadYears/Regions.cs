namespace Statecraft.Core.DyadYears;

/// <summary>The five home regions of the COW state system, by country-code range.</summary>
public enum HomeRegion
{
    /// <summary>Western hemisphere, codes 2-199.</summary>
    Americas,

    /// <summary>Codes 200-399 (the South Caucasus states 371-373 fall here).</summary>
    Europe,

    /// <summary>Sub-Saharan Africa, codes 400-599.</summary>
    Africa,

    /// <summary>North Africa and the Middle East, codes 600-699 (Morocco 600 to Yemen 698, Turkey 640, Iran 630).</summary>
    MiddleEast,

    /// <summary>Asia and Oceania, codes 700-999.</summary>
    Asia,
}

/// <summary>
/// Which third parties count in War Trap's EU_i(j). Bueno de Mesquita (The War Trap, 1981, p. 97)
/// limits them to the states of the region where the war would be fought plus the major powers, who
/// can reach any region; <see cref="All"/> is the whole system, as later models use.
/// </summary>
public enum ThirdPartyRule
{
    /// <summary>The target's home region plus every major power (the relevant region, as EUGene applies it).</summary>
    Region,

    /// <summary>The home regions of both the challenger and the target plus every major power.</summary>
    Dyad,

    /// <summary>Every member of the state system that year.</summary>
    All,
}

/// <summary>Home regions by COW country code (the ranges of the COW and MID codebooks).</summary>
public static class Regions
{
    public static HomeRegion Of(int ccode) => ccode switch
    {
        < 200 => HomeRegion.Americas,
        < 400 => HomeRegion.Europe,
        < 600 => HomeRegion.Africa,
        < 700 => HomeRegion.MiddleEast,
        _ => HomeRegion.Asia,
    };

    public static string Name(ThirdPartyRule rule) => rule switch
    {
        ThirdPartyRule.Region => "region",
        ThirdPartyRule.Dyad => "dyad",
        _ => "all",
    };

    public static bool TryParse(string text, out ThirdPartyRule rule)
    {
        foreach (var r in Enum.GetValues<ThirdPartyRule>())
        {
            if (Name(r) != text) continue;
            rule = r;
            return true;
        }

        rule = default;
        return false;
    }
}
