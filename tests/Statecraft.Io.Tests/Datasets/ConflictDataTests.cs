using System.IO.Compression;
using Statecraft.Core.DyadYears;
using Statecraft.Io.Datasets;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Datasets;

public sealed class ConflictDataTests
{
    private static readonly string Shipped = TestPaths.InRepo("data", "conflict");

    [Theory]
    [InlineData(ConflictDataFiles.States, "cow/cow_states2016_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.Capabilities, "cow/nmc_v7/cow_nmc_v7_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.CowAlliances, "cow/alliances/cow_alliance_v4.1_dyadyear_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.AtopAlliances, "cow/alliances/atop_v5_dyadyear_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.Contiguity, "conflict/cow_contdir_v3.2_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.Capitals, "conflict/cow_capitals_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.MajorPowers, "conflict/cow_majors2016_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.CowDisputes, "conflict/cow_mid_v5_dirdisps_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.GmlDisputes, "conflict/gml_mid_v2.2.1_dirdisp_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.Wars, "conflict/cow_interstate_war_v4_dirdyad_peacesciencer.csv")]
    [InlineData(ConflictDataFiles.Rivalries, "conflict/thompson_dreyer_rivalries_peacesciencer.csv")]
    public void Shipped_files_are_the_shared_datasets_unchanged(string shipped, string shared)
    {
        var path = Path.Combine(Shipped, shipped);
        byte[] bytes;
        using (var stream = path.EndsWith(".gz", StringComparison.Ordinal)
                   ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
                   : File.OpenRead(path))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        bytes.ShouldBe(File.ReadAllBytes(Path.Combine(TestPaths.Shared, "data", shared)));
    }

    [Fact]
    public void The_shipped_data_load_with_their_coverage()
    {
        var loaded = ConflictDataFiles.Load(Shipped, AllianceSource.Cow);
        loaded.Problems.ShouldBeEmpty();
        var data = loaded.Value;
        data.States.Count.ShouldBe(243);
        data.CowDisputes.Count.ShouldBe(11390);
        data.GmlDisputes.Count.ShouldBe(10276);
        data.Wars.Count.ShouldBe(1932);
        data.AllianceYears.ShouldBe(new YearSpan(1816, 2012));
        data.Capabilities.Single(c => c.Ccode == 373 && c.Year == 2022).MilitaryPersonnel.ShouldBe(64);
    }

    [Fact]
    public void A_malformed_row_and_an_unknown_country_code_are_reported_with_file_line_and_field()
    {
        var dir = CopyOfShippedData();
        try
        {
            var mids = Path.Combine(dir, ConflictDataFiles.CowDisputes);
            var lines = ReadLines(mids);
            var onset = lines[5].Split(',');
            onset[5] = "x"; // disponset: a flag that is not 0/1
            lines[5] = string.Join(',', onset);
            var fields = lines[9].Split(',');
            fields[1] = "999"; // no such state
            lines[9] = string.Join(',', fields);
            WriteLines(mids, lines);

            var loaded = ConflictDataFiles.Load(dir, AllianceSource.Atop);
            loaded.Success.ShouldBeFalse();
            var text = loaded.Problems.Select(p => p.ToString()).ToArray();
            text.ShouldContain($"{mids}:6: disponset: expected 0 or 1, found 'x'");
            text.ShouldContain(p => p.StartsWith($"{mids}:10: ccode1: unknown COW country code 999", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_line()
    {
        var dir = CopyOfShippedData();
        try
        {
            var wars = Path.Combine(dir, ConflictDataFiles.Wars);
            var lines = ReadLines(wars);
            lines[0] = lines[0].Replace("initiator1", "initiatorA", StringComparison.Ordinal);
            WriteLines(wars, lines);
            var problems = ConflictDataFiles.Load(dir, AllianceSource.Atop).Problems.Select(p => p.ToString()).ToArray();
            problems.ShouldContain(p => p.StartsWith($"{wars}:1: header: expected column(s) initiator1", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    internal static string CopyOfShippedData()
    {
        var dir = Path.Combine(Path.GetTempPath(), "statecraft-conflict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Shipped)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    private static string[] ReadLines(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
        return reader.ReadToEnd().TrimEnd('\n').Split('\n');
    }

    private static void WriteLines(string gz, string[] lines)
    {
        using var writer = new StreamWriter(new GZipStream(File.Create(gz), CompressionLevel.Fastest));
        writer.Write(string.Join('\n', lines) + "\n");
    }
}
