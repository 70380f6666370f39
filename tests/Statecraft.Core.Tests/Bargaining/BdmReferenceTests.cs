using System.Globalization;
using System.Text.Json;
using Statecraft.Core.Bargaining;
using Statecraft.Tests;

namespace Statecraft.Core.Tests.Bargaining;

/// <summary>Cross-checks against the reference runs in reference/bdm.</summary>
public sealed class BdmReferenceTests
{
    private static readonly string[] Names = EcEmissions.Issue.Actors.Select(a => a.Name).ToArray();

    [Theory]
    [InlineData("positive_part", ProbabilityVariant.Text)]
    [InlineData("net_floor", ProbabilityVariant.Masad)]
    [InlineData("scholz_code", ProbabilityVariant.ScholzCode)]
    public void Round0_of_each_probability_variant_matches_the_independent_script(string key, ProbabilityVariant variant)
    {
        var expected = EcEmissions.Round0.GetProperty("variants").GetProperty(key);
        var result = BdmModel.Run(EcEmissions.Issue, BdmOptions.Default with { Probability = variant, Rounds = 1 });
        var d = result.Rounds[1].Diagnostics!;

        var checkedValues = 0;
        for (var i = 0; i < Names.Length; i++)
        {
            for (var j = 0; j < Names.Length; j++)
            {
                if (i == j) continue;
                d.Neutral.P[i][j].ShouldBe(expected.GetProperty("P").GetProperty(Names[i]).GetProperty(Names[j]).GetDouble(), 1e-6);
                d.Neutral.ExpectedUtility[i][j].ShouldBe(expected.GetProperty("EU_Q1_r1").GetProperty(Names[i]).GetProperty(Names[j]).GetDouble(), 1e-6);
                checkedValues += 2;
            }

            d.Security[i].ShouldBe(expected.GetProperty("security_sum").GetProperty(Names[i]).GetDouble(), 1e-6);
            d.RiskAcceptance[i].ShouldBe(expected.GetProperty("R").GetProperty(Names[i]).GetDouble(), 1e-6);
            d.RiskExponents[i].ShouldBe(expected.GetProperty("r").GetProperty(Names[i]).GetDouble(), 1e-6);
        }

        checkedValues.ShouldBe(180);
        result.Rounds[0].Median.ShouldBe(EcEmissions.Round0.GetProperty("median").GetDouble());
        result.Rounds[0].Mean.ShouldBe(EcEmissions.Round0.GetProperty("weighted_mean").GetDouble(), 1e-12);
    }

    [Fact]
    public void Scholz_code_preset_reproduces_every_position_of_the_ten_rounds()
    {
        var result = BdmModel.Run(EcEmissions.Issue, BdmOptions.ScholzCode);
        result.Rounds.Count.ShouldBe(11);

        var rows = File.ReadAllLines(TestPaths.Reference("bdm", "eu_emissions.scholz-code.positions.csv")).Skip(1)
            .Select(line => line.Split(',')).ToArray();
        rows.Length.ShouldBe(110);
        foreach (var row in rows)
        {
            var round = int.Parse(row[0], CultureInfo.InvariantCulture);
            var i = EcEmissions.IndexOf(row[1]);
            result.Rounds[round].Positions[i].ShouldBe(double.Parse(row[2], CultureInfo.InvariantCulture), 1e-9, $"{row[1]} round {round}");
            if (round > 0)
                result.Rounds[round].Diagnostics!.RiskExponents[i].ShouldBe(double.Parse(row[3], CultureInfo.InvariantCulture), 1e-9);
            var move = result.Rounds[round].Moves.SingleOrDefault(m => m.Actor == row[1]);
            (move?.Kind.ToString().ToLowerInvariant() ?? "").ShouldBe(row[4], $"{row[1]} round {round}");
            (move?.Toward ?? "").ShouldBe(row[5]);
        }

        result.ForecastMean.ShouldBe(7.242130958473938, 1e-12);
    }

    [Fact]
    public void Scholz_code_preset_reproduces_probabilities_utilities_and_offers_of_every_round()
    {
        var detail = EcEmissions.Load("eu_emissions.scholz-code.detail.json");
        var result = BdmModel.Run(EcEmissions.Issue, BdmOptions.ScholzCode);

        foreach (var expected in detail.GetProperty("rounds").EnumerateArray())
        {
            var round = result.Rounds[expected.GetProperty("round").GetInt32()];
            var final = round.Diagnostics!.Final;
            for (var i = 0; i < Names.Length; i++)
            {
                var pRow = expected.GetProperty("prob_success").GetProperty(Names[i]);
                var euRow = expected.GetProperty("eu_i_challenges_j_from_i").GetProperty(Names[i]);
                for (var j = 0; j < Names.Length; j++)
                {
                    final.P[i][j].ShouldBe(pRow.GetProperty(Names[j]).GetDouble(), 1e-12);
                    if (i != j) final.ExpectedUtility[i][j].ShouldBe(euRow.GetProperty(Names[j]).GetDouble(), 1e-12);
                }

                var offer = expected.GetProperty("best_offer").GetProperty(Names[i]);
                var move = round.Moves.SingleOrDefault(m => m.Actor == Names[i]);
                if (offer.ValueKind == JsonValueKind.Null)
                {
                    move.ShouldBeNull();
                    continue;
                }

                move.ShouldNotBeNull();
                move.Toward.ShouldBe(offer.GetProperty("from").GetString());
                move.OwnEu.ShouldBe(offer.GetProperty("eu_self").GetDouble(), 1e-12);
                move.OtherEu.ShouldBe(offer.GetProperty("eu_other").GetDouble(), 1e-12);
                move.To.ShouldBe(offer.GetProperty("new_x").GetDouble(), 1e-9);
            }

            round.Mean.ShouldBe(expected.GetProperty("mean_after").GetDouble(), 1e-9);
            round.Median.ShouldBe(expected.GetProperty("median_after").GetDouble(), 1e-9);
        }
    }

    [Fact]
    public void Masad_preset_reproduces_the_moves_of_the_log()
    {
        var result = BdmModel.Run(EcEmissions.Issue, BdmOptions.Masad);
        var expected = new List<string>();
        var actual = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Reference("bdm", "eu_emissions.masad.log")))
        {
            if (line.StartsWith("ROUND ", StringComparison.Ordinal)) expected.Add(line);
            else if (line.Contains(" loses confrontation to ", StringComparison.Ordinal)
                     || line.Contains(" compromises with ", StringComparison.Ordinal)
                     || line.Contains(" capituates to ", StringComparison.Ordinal)) expected.Add(line);
        }

        foreach (var round in result.Rounds.Skip(1))
        {
            actual.Add($"ROUND {round.Number}");
            foreach (var m in round.Moves)
                actual.Add(m.Kind switch
                {
                    MoveKind.Confrontation => $"{m.Actor} loses confrontation to {m.Toward}",
                    MoveKind.Compromise => $"{m.Actor} compromises with {m.Toward}",
                    _ => $"{m.Actor} capituates to {m.Toward}",
                });
        }

        expected.Count.ShouldBe(30);
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Masad_preset_reproduces_the_risk_neutral_pass_and_every_round()
    {
        var detail = EcEmissions.Load("eu_emissions.masad.detail.json");
        var pass0 = detail.GetProperty("EU_emissions_pass0");
        var result = BdmModel.Run(EcEmissions.Issue, BdmOptions.Masad);
        var d = result.Rounds[1].Diagnostics!;

        d.Neutral.Mu.ShouldBe(pass0.GetProperty("mu_vote").GetDouble());
        d.Final.Mu.ShouldBe(pass0.GetProperty("mean").GetDouble(), 1e-12);
        for (var i = 0; i < Names.Length; i++)
        {
            for (var j = 0; j < Names.Length; j++)
            {
                if (i == j) continue;
                d.Neutral.P[i][j].ShouldBe(pass0.GetProperty("P_r1").GetProperty(Names[i]).GetProperty(Names[j]).GetDouble(), 1e-12);
                d.Neutral.ExpectedUtility[i][j].ShouldBe(pass0.GetProperty("EU_r1").GetProperty(Names[i]).GetProperty(Names[j]).GetDouble(), 1e-12);
            }

            d.RiskExponents[i].ShouldBe(pass0.GetProperty("r_after_pass0").GetProperty(Names[i]).GetDouble(), 1e-12);
        }

        var rounds = detail.GetProperty("EU_emissions_rounds").EnumerateArray().ToArray();
        rounds.Length.ShouldBe(10);
        foreach (var expected in rounds)
        {
            var k = expected.GetProperty("round").GetInt32();
            var round = result.Rounds[k];
            for (var i = 0; i < Names.Length; i++)
            {
                round.Positions[i].ShouldBe(expected.GetProperty("x").GetProperty(Names[i]).GetDouble(), 1e-9, $"{Names[i]} round {k}");
                round.Diagnostics!.RiskExponents[i].ShouldBe(expected.GetProperty("r").GetProperty(Names[i]).GetDouble(), 1e-9);
            }

            round.Mean.ShouldBe(expected.GetProperty("mean").GetDouble(), 1e-9);
            // Masad's "vote" after round k is the μ of round k + 1's risk-neutral pass.
            if (k < 10) result.Rounds[k + 1].Diagnostics!.Neutral.Mu.ShouldBe(expected.GetProperty("vote").GetDouble(), 1e-9);
        }
    }
}
