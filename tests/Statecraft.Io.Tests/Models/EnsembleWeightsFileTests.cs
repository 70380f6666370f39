using Statecraft.Core.Ensemble;
using Statecraft.Io.Deu;
using Statecraft.Io.Models;
using Statecraft.Io.Scenarios;
using Statecraft.Tests;

namespace Statecraft.Io.Tests.Models;

public sealed class EnsembleWeightsFileTests
{
    [Fact]
    public void The_shipped_weights_are_what_the_public_deu_file_gives()
    {
        // Recompute from ../shared exactly as `statecraft evaluate --weights-out` does.
        var path = TestPaths.Reference("deu", "deu3_public.tsv");
        var text = File.ReadAllText(path);
        var (cases, _) = DeuIssues.WithOutcomes(DeuReader.Parse(text, path).Value);
        var fitted = EnsembleCalibration.Fit(EnsembleCalibration.Cases(cases.Select(c => (c.Id, c.Issue, c.Outcome))), new CalibrationProvenance("", "", ""));

        var shipped = EnsembleWeightsFile.Read(TestPaths.InRepo(EnsembleWeightsFile.ShippedPath)).Value;
        shipped.Provenance.DataSha256.ShouldBe(ScenarioLoader.Sha256(text));
        shipped.Issues.ShouldBe(fitted.Issues);
        shipped.Method.ShouldBe(fitted.Method);
        for (var m = 0; m < EnsembleMembers.Count; m++)
        {
            var (a, b) = (shipped.Members[m], fitted.Members[m]);
            a.Model.ShouldBe(b.Model);
            a.Weight.ShouldBe(b.Weight, 1e-12);
            a.MeanAbsoluteError.ShouldBe(b.MeanAbsoluteError, 1e-9);
            a.RootMeanSquaredError.ShouldBe(b.RootMeanSquaredError, 1e-9);
            a.Residuals.Count.ShouldBe(b.Residuals.Count);
            for (var i = 0; i < a.Residuals.Count; i++) a.Residuals[i].ShouldBe(b.Residuals[i], 1e-9);
        }

        // The build embeds the same file.
        EnsembleWeightsFile.BuiltIn.Members.Select(m => m.Weight).ShouldBe(shipped.Members.Select(m => m.Weight));
    }

    [Fact]
    public void The_weights_round_trip_through_the_file()
    {
        var w = EnsembleWeightsFile.BuiltIn;
        var again = EnsembleWeightsFile.Parse(EnsembleWeightsFile.ToJson(w), "x.json").Value;
        again.Members.Select(m => (m.Model, m.Weight, m.MeanAbsoluteError)).ShouldBe(w.Members.Select(m => (m.Model, m.Weight, m.MeanAbsoluteError)));
        again.Members[2].Residuals.ShouldBe(w.Members[2].Residuals);
        again.Provenance.ShouldBe(w.Provenance);
    }

    [Fact]
    public void A_broken_file_is_reported_with_its_place()
    {
        var json = EnsembleWeightsFile.ToJson(EnsembleWeightsFile.BuiltIn);
        var truncated = EnsembleWeightsFile.Parse(json[..200], "w.json");
        truncated.Success.ShouldBeFalse();
        truncated.Problems.Single().ToString().ShouldStartWith("w.json:");

        var misordered = EnsembleWeightsFile.Parse(json.Replace("\"model\": \"bdm\"", "\"model\": \"smp-x\""), "w.json");
        misordered.Problems.Single().Message.ShouldContain("expected the members bdm, smp, weighted-mean, weighted-median in that order");

        var unknown = EnsembleWeightsFile.Parse(json.Replace("\"issues\":", "\"issuez\": 1, \"issues\":"), "w.json");
        unknown.Success.ShouldBeFalse();
    }
}
