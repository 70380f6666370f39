using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Statecraft.Core.Conflict;
using Statecraft.Core.Conflict.Risk;

namespace Statecraft.Core.Tests.Conflict.Risk;

public sealed class TieTableTests
{
    private static TieKind Kind(int code) => (TieKind)(Math.Abs(code % 4) + 1);

    private static TieTable Build(TieKind[] a, TieKind[] b)
    {
        Span<int> cells = stackalloc int[16];
        for (var p = 0; p < a.Length; p++) cells[((int)a[p] - 1) * 4 + (int)b[p] - 1]++;
        return TieTable.FromCounts(cells);
    }

    [Property(MaxTest = 300)]
    public bool Incremental_tau_b_equals_tau_b_from_scratch_after_every_single_tie_change(NonEmptyArray<int> codes, int[] changes)
    {
        var a = codes.Get.Select(Kind).ToArray();
        var b = codes.Get.Select(c => Kind(c / 4)).ToArray();
        var table = Build(a, b);
        if (table.TauB() != AlliancePortfolio.TauB(a, b)) return false;
        foreach (var change in changes)
        {
            var partner = Math.Abs(change % a.Length);
            var to = Kind(change / 7);
            var onRow = (change & 1) == 0;
            if (onRow)
            {
                if (to != a[partner])
                {
                    var predicted = table.TauBAfterRowMove((int)a[partner] - 1, (int)to - 1, (int)b[partner] - 1);
                    table.MoveRow((int)a[partner] - 1, (int)to - 1, (int)b[partner] - 1);
                    // The what-if and the move agree (and below, both equal a rebuild), to the bit.
                    if (predicted != table.TauB()) return false;
                }

                a[partner] = to;
            }
            else
            {
                if (to != b[partner]) table.MoveCol((int)a[partner] - 1, (int)b[partner] - 1, (int)to - 1);
                b[partner] = to;
            }

            if (table.TauB() != AlliancePortfolio.TauB(a, b)) return false;
            if (table.Count != a.Length) return false;
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool What_if_row_moves_and_added_partners_equal_doing_it(NonEmptyArray<int> codes, int move)
    {
        var a = codes.Get.Select(Kind).ToArray();
        var b = codes.Get.Select(c => Kind(c / 4)).ToArray();
        var table = Build(a, b);
        var partner = Math.Abs(move % a.Length);
        var to = Kind(move / 5);
        var ok = true;
        if (to != a[partner])
        {
            var predicted = table.TauBAfterRowMove((int)a[partner] - 1, (int)to - 1, (int)b[partner] - 1);
            var moved = (TieKind[])a.Clone();
            moved[partner] = to;
            ok &= predicted == AlliancePortfolio.TauB(moved, b);
        }

        var with = new double[16];
        table.TauBWithEach(with);
        for (var cell = 0; cell < 16; cell++)
            ok &= with[cell] == AlliancePortfolio.TauB([.. a, (TieKind)(cell / 4 + 1)], [.. b, (TieKind)(cell % 4 + 1)]);
        return ok;
    }

    [Fact]
    public void EUGenes_test_table_from_counts()
    {
        int[] cells = [0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 6];
        TieTable.FromCounts(cells).TauB().ShouldBe(AlliancePortfolio.TauB(cells));
        TieTable.FromCounts(cells).TauB().ShouldBe(-0.6614378, 1e-7);
    }
}
