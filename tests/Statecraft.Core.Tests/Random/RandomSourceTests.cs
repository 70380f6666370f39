using Statecraft.Core.Random;

namespace Statecraft.Core.Tests.Random;

public sealed class RandomSourceTests
{
    private static ulong[] Draw(IRandomSource rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextUInt64()).ToArray();

    [Fact]
    public void Same_seed_and_stream_give_the_same_sequence() =>
        Draw(Xoshiro256StarStar.ForStream(42, 7), 100).ShouldBe(Draw(Xoshiro256StarStar.ForStream(42, 7), 100));

    [Fact]
    public void Neighbouring_streams_and_seeds_differ()
    {
        var a = Draw(Xoshiro256StarStar.ForStream(42, 0), 10);
        Draw(Xoshiro256StarStar.ForStream(42, 1), 10).ShouldNotBe(a);
        Draw(Xoshiro256StarStar.ForStream(43, 0), 10).ShouldNotBe(a);
    }

    [Fact]
    public void Doubles_are_uniform_on_the_unit_interval()
    {
        var rng = new Xoshiro256StarStar(1);
        var xs = Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble()).ToArray();
        xs.ShouldAllBe(x => x >= 0 && x < 1);
        xs.Average().ShouldBe(0.5, 0.005);
        xs.Count(x => x < 0.1).ShouldBeInRange(9_500, 10_500);
    }
}
