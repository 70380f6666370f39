using Statecraft.Tests;

namespace Statecraft.Io.Tests;

public sealed class PathsTests
{
    [Fact]
    public void Shared_references_are_beside_the_checkout() =>
        File.Exists(TestPaths.Reference("README.md")).ShouldBeTrue($"expected {TestPaths.Shared} to hold reference/README.md");
}
