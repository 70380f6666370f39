namespace Statecraft.Store;

/// <summary>
/// What a run was asked to do, enough to reproduce it: the command, the input it read (an id and
/// the SHA-256 of its bytes), the options as given, the seed, the Statecraft version, and when it ran.
/// </summary>
public sealed record RunManifest(
    string Command,
    string? InputId,
    string? InputSha256,
    IReadOnlyDictionary<string, string> Options,
    string? Seed,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt)
{
    // Options compare by content, so a manifest read back from the store equals the one recorded.
    public bool Equals(RunManifest? other) =>
        other is not null
        && Command == other.Command
        && InputId == other.InputId
        && InputSha256 == other.InputSha256
        && Seed == other.Seed
        && Version == other.Version
        && StartedAt == other.StartedAt
        && StartedAt.Offset == other.StartedAt.Offset
        && EndedAt == other.EndedAt
        && EndedAt.Offset == other.EndedAt.Offset
        && Options.Count == other.Options.Count
        && Options.All(o => other.Options.TryGetValue(o.Key, out var v) && v == o.Value);

    public override int GetHashCode() => HashCode.Combine(Command, InputId, InputSha256, Seed, StartedAt, EndedAt);

    /// <summary>The manifest as the CLI's <c>runs --json</c> and the web API both show it, with its run id.</summary>
    public object ToView(long id) => new
    {
        id,
        command = Command,
        input_id = InputId,
        input_sha256 = InputSha256,
        options = Options,
        seed = Seed,
        version = Version,
        started_at = StartedAt,
        ended_at = EndedAt,
    };
}

/// <summary>A run as the store lists it: its id and manifest, without the (possibly large) result.</summary>
public sealed record RunSummary(long Id, RunManifest Manifest);

/// <summary>A recorded run: its id, its manifest and its JSON result exactly as it was recorded.</summary>
public sealed record StoredRun(long Id, RunManifest Manifest, string Result, string ResultSha256)
{
    /// <summary>True when the result still hashes to the SHA-256 recorded with it: nobody changed it since.</summary>
    public bool Intact { get; } = RunStore.Sha256(Result) == ResultSha256;

    /// <summary>What to tell a reader when the result is not <see cref="Intact"/>, else null.</summary>
    public string? IntegrityWarning => Intact ? null
        : $"run {Id}'s result does not match the SHA-256 recorded with it: it was changed after it was recorded, so it is shown as stored but is not a trustworthy result";
}

/// <summary>A row of the store that could not be read back, and why.</summary>
public sealed record DamagedRun(long Id, string Reason);

/// <summary>The runs a listing could read, and the damaged rows it skipped.</summary>
public sealed record RunListing(IReadOnlyList<RunSummary> Runs, IReadOnlyList<DamagedRun> Damaged);

/// <summary>
/// The store could not be used: locked by another process, read-only, missing, or not a run
/// store. The message says which, and names the file; nothing already stored is touched.
/// </summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
