namespace Statecraft.Core.Random;

/// <summary>
/// A seedable source of uniform random numbers, passed explicitly to every sampler (as in SimSharp),
/// so that no model reaches for a global generator.
/// </summary>
public interface IRandomSource
{
    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    double NextDouble();

    ulong NextUInt64();
}

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64. Streams are derived from a
/// master seed and a stream index, so replication k draws the same numbers whichever thread runs it.
/// </summary>
public sealed class Xoshiro256StarStar : IRandomSource
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>The independent stream number <paramref name="stream"/> of <paramref name="masterSeed"/>.</summary>
    public static Xoshiro256StarStar ForStream(ulong masterSeed, ulong stream)
    {
        // Mix the pair through SplitMix64 twice so neighbouring (seed, stream) pairs share no state.
        var sm = masterSeed;
        var a = SplitMix64(ref sm);
        var mixed = a ^ (stream * 0xD1B54A32D192ED03UL + 0x9E3779B97F4A7C15UL);
        var sm2 = mixed;
        return new Xoshiro256StarStar(SplitMix64(ref sm2));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
