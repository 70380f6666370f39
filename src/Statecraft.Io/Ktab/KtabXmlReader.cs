using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Statecraft.Core.Domain;
using Statecraft.Core.Spatial;

namespace Statecraft.Io.Ktab;

/// <summary>
/// Reads KTAB's scenario XML (<c>smpSchema.xsd</c>): name, description, seed, optional model
/// parameters, dimensions, actors, and optional ideal-adjustment pairs. Coordinates and saliences are
/// on 0-100 in the file and [0, 1] in the scenario. The seed and parameters become the scenario's options.
/// </summary>
public static class KtabXmlReader
{
    public static ParseResult<SpatialScenario> Read(string path) =>
        InputFile.ReadText(path).Then(t => Parse(t, path));

    public static ParseResult<SpatialScenario> Parse(string text, string file)
    {
        XDocument doc;
        try { doc = XDocument.Parse(text, LoadOptions.SetLineInfo); }
        catch (XmlException e)
        {
            return ParseResult<SpatialScenario>.ForProblem(
                new Problem("scenario", "XML", "malformed XML: " + e.Message, new SourceLocation(file, e.LineNumber, e.LinePosition)));
        }

        var problems = new List<Problem>();
        var root = doc.Root!;
        if (root.Name.LocalName != "Scenario")
            return ParseResult<SpatialScenario>.ForProblem(
                new Problem("scenario", root.Name.LocalName, "expected the root element <Scenario>", Where(root)));

        var name = (string?)root.Element("name") ?? "";
        var description = (string?)root.Element("desc") ?? "";
        var options = SmpOptions.Default;
        var seedElement = root.Element("prngSeed");
        if (seedElement is not null)
        {
            if (ulong.TryParse(seedElement.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                options = options with { Seed = seed };
            else problems.Add(new Problem(name, "prngSeed", $"expected a whole number in [0, 2^64), found '{seedElement.Value}'", Where(seedElement)));
        }

        var parameters = root.Element("ModelParameters");
        if (parameters is not null) options = ReadParameters(parameters, options, name, problems);

        var dimensions = root.Element("Dimensions")?.Elements("dName").Select(e => e.Value.Trim()).ToList() ?? [];
        if (dimensions.Count == 0)
            problems.Add(new Problem(name, "Dimensions", "expected at least one <dName>", Where(root.Element("Dimensions") ?? root)));

        var tooMany = Limits.Current.Check("dimensions", dimensions.Count, name, "Dimensions", Where(root.Element("Dimensions") ?? root))
            ?? Limits.Current.Check("actors", root.Element("Actors")?.Elements("Actor").Count() ?? 0, name, "Actors", Where(root.Element("Actors") ?? root));
        if (tooMany is not null) return ParseResult<SpatialScenario>.ForProblem(tooMany);

        var actors = new List<SpatialActor>();
        var actorsElement = root.Element("Actors");
        if (actorsElement is null) problems.Add(new Problem(name, "Actors", "missing <Actors>", Where(root)));
        foreach (var a in actorsElement?.Elements("Actor") ?? [])
        {
            var who = ((string?)a.Element("name"))?.Trim() ?? "";
            var subject = who.Length > 0 ? who : $"actor {actors.Count + 1}";
            var before = problems.Count;
            if (who.Length == 0) problems.Add(new Problem(subject, "name", "expected a non-empty <name>", Where(a)));
            var cap = Number(a, "capability", subject);
            if (cap is <= 0) problems.Add(new Problem(subject, "capability", $"expected a number > 0, found {cap}", Where(a.Element("capability")!)));
            var coords = Numbers(a, "Position", "dCoord", subject);
            var sals = Numbers(a, "Salience", "dSal", subject);
            if (coords.Count != dimensions.Count)
                problems.Add(new Problem(subject, "Position", $"expected {dimensions.Count} <dCoord>, found {coords.Count}", Where(a.Element("Position") ?? a)));
            if (sals.Count != dimensions.Count)
                problems.Add(new Problem(subject, "Salience", $"expected {dimensions.Count} <dSal>, found {sals.Count}", Where(a.Element("Salience") ?? a)));
            foreach (var (value, element) in coords)
                if (value is < 0 or > 100) problems.Add(new Problem(subject, "dCoord", $"expected a value in [0, 100], found {value}", Where(element)));
            foreach (var (value, element) in sals)
                if (value is < 0 or > 100) problems.Add(new Problem(subject, "dSal", $"expected a value in [0, 100], found {value}", Where(element)));
            var sum = sals.Sum(x => x.Value);
            if (sum > 100)
                problems.Add(new Problem(subject, "Salience", $"expected saliences summing to at most 100, found {sum:0.###}", Where(a.Element("Salience") ?? a)));
            if (problems.Count == before)
                actors.Add(new SpatialActor(who, ((string?)a.Element("description"))?.Trim() ?? "", cap!.Value,
                    coords.Select(x => x.Value / 100.0).ToArray(), sals.Select(x => x.Value / 100.0).ToArray()));
        }

        var adjustments = new List<IdealAdjustment>();
        foreach (var pair in root.Element("IdealAdjustment")?.Elements("iaPair") ?? [])
        {
            var adjusting = ((string?)pair.Element("adjustingIdeal"))?.Trim() ?? "";
            var reference = ((string?)pair.Element("referencePos"))?.Trim() ?? "";
            var rate = Number(pair, "adjust", adjusting);
            if (rate is not null) adjustments.Add(new IdealAdjustment(adjusting, reference, rate.Value));
        }

        if (problems.Count > 0) return ParseResult<SpatialScenario>.ForProblems(problems);
        var scenario = SpatialScenario.Create(name.Trim(), description.Trim(), dimensions, actors, adjustments, options);
        return scenario.Success
            ? scenario
            : ParseResult<SpatialScenario>.ForProblems(scenario.Problems.Select(p => p.At(new SourceLocation(file))).ToArray());

        SourceLocation Where(XObject x) =>
            x is IXmlLineInfo li && li.HasLineInfo() ? new SourceLocation(file, li.LineNumber, li.LinePosition) : new SourceLocation(file);

        double? Number(XElement parent, string child, string subject)
        {
            var e = parent.Element(child);
            if (e is null)
            {
                problems.Add(new Problem(subject, child, $"missing <{child}>", Where(parent)));
                return null;
            }

            if (double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Finite.IsUsable(v)) return v;
            problems.Add(new Problem(subject, child, $"expected a number, found '{e.Value}'", Where(e)));
            return null;
        }

        List<(double Value, XElement Element)> Numbers(XElement actor, string group, string item, string subject)
        {
            var list = new List<(double, XElement)>();
            var g = actor.Element(group);
            if (g is null) return list;
            foreach (var e in g.Elements(item))
            {
                if (double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Finite.IsUsable(v))
                    list.Add((v, e));
                else problems.Add(new Problem(subject, item, $"expected a number, found '{e.Value}'", Where(e)));
            }

            return list;
        }

        SmpOptions ReadParameters(XElement p, SmpOptions o, string subject, List<Problem> found)
        {
            T Pick<T>(string element, T current, params (string Name, T Value)[] names)
            {
                var e = p.Element(element);
                if (e is null)
                {
                    found.Add(new Problem(subject, element, $"missing <{element}> in <ModelParameters>", Where(p)));
                    return current;
                }

                foreach (var (n, v) in names)
                    if (string.Equals(n, e.Value.Trim(), StringComparison.Ordinal)) return v;
                found.Add(new Problem(subject, element,
                    $"expected one of {string.Join(", ", names.Select(x => x.Name))}, found '{e.Value.Trim()}'", Where(e)));
                return current;
            }

            static (string, T)[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => (v.ToString(), v)).ToArray();

            return o with
            {
                VictoryProbability = Pick("VictoryProbModel", o.VictoryProbability, Names<VictoryProbabilityModel>()),
                Pce = Pick("PCEModel", o.Pce, Names<PceModel>()),
                Transition = Pick("StateTransitions", o.Transition, Names<StateTransition>()),
                Voting = Pick("VotingRule", o.Voting, Names<VotingRule>()),
                RiskAdjustment = Pick("BigRAdjust", o.RiskAdjustment,
                    ("Full", RiskAdjustment.Full), ("TwoThirds", RiskAdjustment.TwoThirds), ("Half", RiskAdjustment.Half),
                    ("OneThird", RiskAdjustment.OneThird), ("No", RiskAdjustment.None)),
                RiskRange = Pick("BigRRange", o.RiskRange, Names<RiskRange>()),
                ThirdParty = Pick("ThirdPartyCommit", o.ThirdParty, Names<ThirdPartyCommit>()),
                Interpolation = Pick("InterVecBrgn", o.Interpolation, Names<BargainInterpolation>()),
                Bargains = Pick("BargnModel", o.Bargains, Names<BargainModel>()),
            };
        }
    }
}
