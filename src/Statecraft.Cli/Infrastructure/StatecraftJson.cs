using System.Text.Json.Serialization;
using Statecraft.Cli.Commands;
using Statecraft.Store;

namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// The JSON contract's types, with their serializers generated at build time: no reflection when a
/// command writes JSON, so it starts faster and the native (AOT) build can write it at all. Every type
/// a command passes to <see cref="Output.ToJson{T}"/> is listed here (the types it contains are found
/// from it); a type missing here fails that command's JSON test with "JsonTypeInfo metadata ... was
/// not provided".
/// </summary>
[JsonSerializable(typeof(AnalyzeJson))]
[JsonSerializable(typeof(List<TimelineTrends.TieTrend>))]
[JsonSerializable(typeof(BargainReport))]
[JsonSerializable(typeof(SmpBargainReport))]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(WarTrapJson))]
[JsonSerializable(typeof(WarTrapMatrixJson))]
[JsonSerializable(typeof(CoercionJson))]
[JsonSerializable(typeof(IngestCommand.EventJson))]
[JsonSerializable(typeof(IngestCommand.FigureJson))]
[JsonSerializable(typeof(IngestCommand.StatsJson))]
[JsonSerializable(typeof(WatchCommand.WatchOutput))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(IngestValidateCommand.ValidateOutput))]
[JsonSerializable(typeof(TimelineCommand.TimelineOutput))]
[JsonSerializable(typeof(ManifestView))]
[JsonSerializable(typeof(ManifestView[]))]
[JsonSerializable(typeof(RunDiff))]
[JsonSerializable(typeof(ReportCharts.TornadoSpec))]
[JsonSerializable(typeof(ReportCharts.TrajectorySpec))]
[JsonSerializable(typeof(ReportCharts.PolicySpec))]
internal sealed partial class StatecraftJson : JsonSerializerContext;
