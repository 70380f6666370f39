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

/// <summary>
/// The forecasting commands' JSON (forecast, score, backtests), generated at build time like
/// <see cref="StatecraftJson"/>; a context of its own because some of its type names (ModelScore)
/// repeat names of the analysis contract. <see cref="Output.JsonOptions"/> reads both.
/// </summary>
[JsonSerializable(typeof(ForecastJson))]
[JsonSerializable(typeof(ForecastJson.LedgerDetail))]
[JsonSerializable(typeof(double))] // a forecast's base rate (an object: a probability, a distribution or category probabilities)
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(LedgerViews.Score))]
[JsonSerializable(typeof(Statecraft.Core.Forecasting.Backtests.DeuBacktestReport))]
[JsonSerializable(typeof(Statecraft.Core.Forecasting.Backtests.ConflictBacktestReport))]
internal sealed partial class ForecastingJson : JsonSerializerContext;
