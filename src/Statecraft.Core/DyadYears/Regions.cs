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
/// Which third parties count in War Trap's EU_i(j). Bueno de Mesquita (The War Trap, 1981, pp. 96-98)
/// limits them to the states involved in the dyad's relevant region; <see cref="All"/> is the whole
/// system, as later models use.
/// </summary>
public enum ThirdPartyRule
{
    /// <summary>
    /// EUGene's relevant region of the pair (<see cref="Regions.RelevantRegion"/>): the common home
    /// region, else the target's when the challenger is involved there, else the challenger's; third
    /// parties are the states of that region and the major powers, taken as involved in every region.
    /// </summary>
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

    /// <summary>
    /// The relevant region of a directed pair as EUGene computes it (The War Trap, pp. 97-98): their
    /// common home region; else the target's region when the challenger is involved in it; else the
    /// challenger's own. EUGene lists each state's involvement outside its home region by years; here
    /// a major power counts as involved in every region and any other state only in its own.
    /// </summary>
    public static HomeRegion RelevantRegion(HomeRegion challenger, HomeRegion target, bool challengerIsMajor) =>
        challenger == target || challengerIsMajor ? target : challenger;

    /// <summary>The region of a COW region code as the MID data number them: 1 Europe, 2 Middle East, 3 Africa, 4 Asia, 5 Americas.</summary>
    public static HomeRegion FromCode(int code) => code switch
    {
        1 => HomeRegion.Europe,
        2 => HomeRegion.MiddleEast,
        3 => HomeRegion.Africa,
        4 => HomeRegion.Asia,
        5 => HomeRegion.Americas,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a COW region code 1-5"),
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
