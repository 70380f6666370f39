using System.Globalization;
using Parquet;
using Parquet.Schema;
using Statecraft.Core.DyadYears;

namespace Statecraft.Io.Datasets;

/// <summary>How a column is stored: whole number, real number, or 0/1 flag.</summary>
public enum DyadColumnKind
{
    Integer,
    Real,
    Flag,
}

/// <summary>
/// One column of the directed dyad-year files: its name, storage, whether it can be missing (a year
/// its dataset does not cover), what it means (docs/dyads.md lists exactly these), and its value.
/// </summary>
public sealed record DyadColumn(string Name, DyadColumnKind Kind, bool Nullable, string Description, Func<DyadYear, double?> Value);

/// <summary>
/// Writes directed dyad-years as CSV (header, one row each, missing values as empty cells, numbers in
/// shortest round-trip form) or Parquet (Parquet.Net, Snappy, one row group per block of years),
/// the same bytes for the same rows.
/// </summary>
public static class DyadYearFile
{
    public static readonly IReadOnlyList<DyadColumn> Columns =
    [
        Int("year", "calendar year", d => d.Year),
        Int("ccode1", "COW code of state 1, the potential challenger i", d => d.Ccode1),
        Int("ccode2", "COW code of state 2, the target j", d => d.Ccode2),
        Real("cinc1", "CINC of state 1 (NMC v7)", d => d.Cinc1),
        Real("cinc2", "CINC of state 2 (NMC v7)", d => d.Cinc2),
        Real("cap_share1", "capability ratio as state 1's share of the dyad's CINC, cinc1 / (cinc1 + cinc2)", d => d.CapabilityShare),
        Real("capital_miles", "great-circle miles between the capitals", d => d.CapitalMiles),
        Real("distance", "capital_miles, or 0 when the two are contiguous by land (as EUGene); War Trap discounts capabilities over it", d => d.Distance),
        Int("contiguity", "COW direct contiguity type: 0 none, 1 land, 2-5 water up to 12, 24, 150, 400 miles (closest type in force in the year)", d => d.Contiguity),
        Flag("major1", "state 1 a COW major power in the year", d => d.Major1),
        Flag("major2", "state 2 a COW major power in the year", d => d.Major2),
        Flag("politically_relevant", "contiguity 1-4 (land or at most 150 miles of water) or either side a major power", d => d.Relevant),
        Int("tie", "strongest alliance tie as War Trap ranks it: 1 defence, 2 neutrality or non-aggression, 3 entente (ATOP consultation), 4 none", d => (int)d.Alliance.Kind),
        Flag("ally_defense", "defence pact in force", d => d.Alliance.Defence),
        Flag("ally_offense", "offence pact in force (ATOP only; 0 with COW alliances)", d => d.Alliance.Offence),
        Flag("ally_neutral", "neutrality pact in force", d => d.Alliance.Neutrality),
        Flag("ally_nonagg", "non-aggression pact in force", d => d.Alliance.NonAggression),
        Flag("ally_entente", "COW entente or ATOP consultation pact in force", d => d.Alliance.Entente),
        Real("similarity", "alliance-portfolio similarity of the two states over the whole system (the chosen measure: tau_b, s or weighted_s)", d => d.Similarity),
        Real("eu", "War Trap expected utility of state 1 attacking state 2, EU_i(j) = eu_bilateral + eu_third_parties", d => d.Eu.Total),
        Real("eu_bilateral", "bilateral part (2P - 1)(1 - U_ij)", d => d.Eu.Bilateral),
        Real("eu_third_parties", "sum of the third parties' terms", d => d.Eu.ThirdParties),
        Int("third_parties", "number of third parties counted under the third-party rule", d => d.Eu.ThirdPartyCount),
        Real("risk1", "state 1's risk attitude R_i in [-1, 1] (EUGene-style risk search over its home region plus the major powers; -1: its actual ties are the most secure portfolio it could have, risk-averse; +1 the least secure, risk-acceptant)", d => d.Risk?.R1, true),
        Real("risk2", "state 2's risk attitude R_j", d => d.Risk?.R2, true),
        Real("r1", "state 1's risk exponent r_i = (1 - R_i/3)/(1 + R_i/3), in [0.5, 2]", d => d.Risk?.Exponent1, true),
        Real("r2", "state 2's risk exponent r_j", d => d.Risk?.Exponent2, true),
        Real("eu_risk", "risk-adjusted EU_i(j): the bilateral part valued with state 1's utilities bent by r_i (Bueno de Mesquita 1985), third parties as in eu", d => d.Risk?.Eu, true),
        Flag("cow_mid_onset", "a COW MID (v5) between the two began this year", d => d.CowMid?.Onset, true),
        Flag("cow_mid_initiator", "state 1 was on side A (the initiating side) of a COW MID begun this year", d => d.CowMid?.Initiator, true),
        Flag("cow_mid_originator", "state 1 was an originator (not a joiner) of a COW MID begun this year", d => d.CowMid?.Originator, true),
        Int("cow_hostlev1", "state 1's highest hostility level (1-5) in COW MIDs begun this year; 0 when none began", d => d.CowMid?.Hostility1, true),
        Int("cow_hostlev2", "state 2's highest hostility level (1-5) in COW MIDs begun this year; 0 when none began", d => d.CowMid?.Hostility2, true),
        Flag("cow_init_force", "state 1 on side A of a COW MID begun this year in which it used force itself (its hostility 4 or 5): the validation's outcome", d => d.CowMid?.InitiatedWithForce, true),
        Flag("cow_mid_ongoing", "a COW MID between the two was under way this year (begun or continuing)", d => d.CowMid?.Ongoing, true),
        Flag("gml_mid_onset", "a GML MID (2.2.1) between the two began this year", d => d.GmlMid?.Onset, true),
        Flag("gml_mid_initiator", "state 1 on side A of a GML MID begun this year", d => d.GmlMid?.Initiator, true),
        Flag("gml_mid_originator", "state 1 an originator of a GML MID begun this year", d => d.GmlMid?.Originator, true),
        Int("gml_hostlev1", "state 1's highest hostility level in GML MIDs begun this year; 0 when none began", d => d.GmlMid?.Hostility1, true),
        Int("gml_hostlev2", "state 2's highest hostility level in GML MIDs begun this year; 0 when none began", d => d.GmlMid?.Hostility2, true),
        Flag("gml_init_force", "state 1 on side A of a GML MID begun this year in which it used force itself", d => d.GmlMid?.InitiatedWithForce, true),
        Flag("gml_mid_ongoing", "a GML MID between the two was under way this year", d => d.GmlMid?.Ongoing, true),
        Flag("war_onset", "a COW inter-state war (v4) between the two began this year", d => d.War?.Onset, true),
        Flag("war_initiator", "state 1 initiated a war against state 2 begun this year", d => d.War?.Initiator, true),
        Flag("war_ongoing", "the two were at war with each other this year", d => d.War?.Ongoing, true),
        Int("peace_years", "years since the last year a COW MID between the two was under way (0 the year after), or since both joined the system", d => d.PeaceYears, true),
        Flag("td_rival", "a Thompson-Dreyer strategic rivalry between the two this year", d => d.Rival, true),
    ];

    /// <summary>Writes a header and every row of every block; <paramref name="blockDone"/> after each block.</summary>
    public static long WriteCsv(TextWriter writer, IEnumerable<DyadYearBlock> blocks, Action<DyadYearBlock>? blockDone = null)
    {
        writer.Write(string.Join(",", Columns.Select(c => c.Name)));
        writer.Write('\n');
        long rows = 0;
        foreach (var block in blocks)
        {
            var line = new System.Text.StringBuilder(512);
            foreach (var row in block.Rows)
            {
                line.Clear();
                for (var c = 0; c < Columns.Count; c++)
                {
                    if (c > 0) line.Append(',');
                    var value = Columns[c].Value(row);
                    if (value is { } v) line.Append(Columns[c].Kind == DyadColumnKind.Real ? v.ToString("R", CultureInfo.InvariantCulture) : ((long)v).ToString(CultureInfo.InvariantCulture));
                }

                line.Append('\n');
                writer.Write(line);
                rows++;
            }

            blockDone?.Invoke(block);
        }

        writer.Flush();
        return rows;
    }

    /// <summary>Writes every row as Parquet, one row group per <paramref name="rowsPerGroup"/> rows or more (whole years).</summary>
    public static long WriteParquet(Stream stream, IEnumerable<DyadYearBlock> blocks, Action<DyadYearBlock>? blockDone = null, int rowsPerGroup = 250_000)
    {
        var fields = Columns.Select(c => new DataField(c.Name, c.Kind switch
        {
            DyadColumnKind.Integer => c.Nullable ? typeof(int?) : typeof(int),
            DyadColumnKind.Real => c.Nullable ? typeof(double?) : typeof(double),
            _ => c.Nullable ? typeof(bool?) : typeof(bool),
        })).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options).GetAwaiter().GetResult();
        var pending = new List<DyadYear>();
        long rows = 0;
        try
        {
            foreach (var block in blocks)
            {
                pending.AddRange(block.Rows);
                if (pending.Count >= rowsPerGroup) Flush();
                blockDone?.Invoke(block);
            }

            if (pending.Count > 0 || rows == 0) Flush();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return rows;

        void Flush()
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < Columns.Count; c++)
            {
                var column = Columns[c];
                var field = fields[c];
                switch (column.Kind, column.Nullable)
                {
                    case (DyadColumnKind.Integer, false):
                        group.WriteAsync<int>(field, pending.Select(r => (int)column.Value(r)!.Value).ToArray()).GetAwaiter().GetResult();
                        break;
                    case (DyadColumnKind.Integer, true):
                        group.WriteAsync<int>(field, pending.Select(r => column.Value(r) is { } v ? (int?)v : null).ToArray()).GetAwaiter().GetResult();
                        break;
                    case (DyadColumnKind.Real, false):
                        group.WriteAsync<double>(field, pending.Select(r => column.Value(r)!.Value).ToArray()).GetAwaiter().GetResult();
                        break;
                    case (DyadColumnKind.Real, true):
                        group.WriteAsync<double>(field, pending.Select(r => column.Value(r)).ToArray()).GetAwaiter().GetResult();
                        break;
                    case (DyadColumnKind.Flag, false):
                        group.WriteAsync<bool>(field, pending.Select(r => column.Value(r)!.Value != 0).ToArray()).GetAwaiter().GetResult();
                        break;
                    default:
                        group.WriteAsync<bool>(field, pending.Select(r => column.Value(r) is { } v ? (bool?)(v != 0) : null).ToArray()).GetAwaiter().GetResult();
                        break;
                }
            }

            rows += pending.Count;
            pending.Clear();
        }
    }

    private static DyadColumn Int(string name, string description, Func<DyadYear, int?> value, bool nullable = false) =>
        new(name, DyadColumnKind.Integer, nullable, description, d => value(d));

    private static DyadColumn Real(string name, string description, Func<DyadYear, double?> value, bool nullable = false) =>
        new(name, DyadColumnKind.Real, nullable, description, value);

    private static DyadColumn Flag(string name, string description, Func<DyadYear, bool?> value, bool nullable = false) =>
        new(name, DyadColumnKind.Flag, nullable, description, d => value(d) is { } b ? (b ? 1 : 0) : null);
}
