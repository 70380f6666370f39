using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Statecraft.Store;

/// <summary>
/// Every run Statecraft records, in one SQLite file. A run is written in one transaction (WAL
/// journal), so a process killed part-way leaves either the whole run or nothing, and never
/// touches earlier runs. Concurrent writers queue behind SQLite's lock up to <see cref="LockTimeout"/>.
/// </summary>
public sealed partial class RunStore
{
    /// <summary>Environment variable that moves the default store (tests and CI point it at a temporary file).</summary>
    public const string PathVariable = "STATECRAFT_STORE";

    /// <summary>1: runs; 2: the forecast ledger and resolutions (RunStore.Forecasts.cs).</summary>
    private const int SchemaVersion = 2;

    public RunStore(string path, TimeSpan? lockTimeout = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
    }

    public string Path { get; }

    public TimeSpan LockTimeout { get; }

    /// <summary>
    /// <c>$STATECRAFT_STORE</c> if set, else <c>statecraft/runs.db</c> in the user's data directory
    /// (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return System.IO.Path.GetFullPath(fromEnvironment);
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(data)) data = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return System.IO.Path.Combine(data, "statecraft", "runs.db");
        }
    }

    public static RunStore OpenDefault(string? path = null) => new(path ?? DefaultPath);

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Records one run and returns its id. The result must be a JSON document.</summary>
    public long Record(RunManifest manifest, string jsonResult)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        CheckJson(jsonResult);
        return Use(write: true, connection =>
        {
            // BEGIN IMMEDIATE: take the write lock up front so that concurrent writers queue rather than deadlock.
            using var transaction = connection.BeginTransaction(deferred: false);
            var id = InsertRun(connection, transaction, manifest, jsonResult);
            transaction.Commit();
            return id;
        });
    }

    private static void CheckJson(string jsonResult)
    {
        try
        {
            using var _ = JsonDocument.Parse(jsonResult);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("the result to record is not JSON: " + e.Message, nameof(jsonResult), e);
        }
    }

    private static long InsertRun(SqliteConnection connection, SqliteTransaction transaction, RunManifest manifest, string jsonResult) =>
        connection.ExecuteScalar<long>(
                """
                INSERT INTO runs (command, input_id, input_sha256, options, seed, version, started_at, ended_at, result, result_sha256)
                VALUES (@Command, @InputId, @InputSha256, @Options, @Seed, @Version, @StartedAt, @EndedAt, @Result, @ResultSha256);
                SELECT last_insert_rowid();
                """,
                new Row
                {
                    Command = manifest.Command,
                    InputId = manifest.InputId,
                    InputSha256 = manifest.InputSha256,
                    Options = JsonSerializer.Serialize(new SortedDictionary<string, string>(manifest.Options.ToDictionary(), StringComparer.Ordinal), StoreJson.Default.SortedDictionaryStringString),
                    Seed = manifest.Seed,
                    Version = manifest.Version,
                    StartedAt = manifest.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                    EndedAt = manifest.EndedAt.ToString("O", CultureInfo.InvariantCulture),
                    Result = jsonResult,
                    ResultSha256 = Sha256(jsonResult),
                },
                transaction);

    /// <summary>The runs, newest first, without their results; damaged rows are left out (see <see cref="Read"/>).</summary>
    public IReadOnlyList<RunSummary> List(int limit = 1000, string? command = null) => Read(limit, command).Runs;

    /// <summary>
    /// The runs, newest first, without their results, and the rows that could not be read: one
    /// damaged row is reported and skipped, never takes the others down. An absent store has none.
    /// </summary>
    public RunListing Read(int limit = 1000, string? command = null)
    {
        if (!File.Exists(Path)) return new RunListing([], []);
        return Use(write: false, connection =>
        {
            var runs = new List<RunSummary>();
            var damaged = new List<DamagedRun>();
            foreach (var row in connection.Query<Row>(
                         $"SELECT {SummaryColumns}, NULL AS Result, NULL AS ResultSha256 FROM runs WHERE (@command IS NULL OR command = @command) ORDER BY id DESC LIMIT @limit",
                         new { command, limit }))
            {
                if (row.TryManifest(out var manifest, out var reason)) runs.Add(new RunSummary(row.Id, manifest));
                else damaged.Add(new DamagedRun(row.Id, reason));
            }

            return new RunListing(runs, damaged);
        });
    }

    /// <summary>One run with its result, or null if there is no run with that id.</summary>
    public StoredRun? Find(long id)
    {
        if (!File.Exists(Path)) return null;
        return Use(write: false, connection =>
        {
            var row = connection.QuerySingleOrDefault<Row>(
                $"SELECT {SummaryColumns}, result AS Result, result_sha256 AS ResultSha256 FROM runs WHERE id = @id", new { id });
            if (row is null) return null;
            if (!row.TryManifest(out var manifest, out var reason))
                throw new RunStoreException($"run {id} in {Path} is damaged ({reason}); the other runs are unaffected");
            return new StoredRun(row.Id, manifest, row.Result ?? "", row.ResultSha256 ?? "");
        });
    }

    /// <summary>SQLite's own check of the file plus a check that every result still hashes to what was recorded.</summary>
    public IReadOnlyList<string> Verify()
    {
        if (!File.Exists(Path)) return [];
        return Use(write: false, connection =>
        {
            var problems = connection.Query<string>("PRAGMA integrity_check").Where(s => s != "ok").ToList();
            foreach (var row in connection.Query<Row>("SELECT id AS Id, result AS Result, result_sha256 AS ResultSha256 FROM runs"))
            {
                if (Sha256(row.Result ?? "") != row.ResultSha256) problems.Add($"run {row.Id}: result does not match its recorded SHA-256");
            }

            problems.AddRange(VerifyLedger(connection));
            return problems;
        });
    }

    private const string SummaryColumns =
        "id AS Id, command AS Command, input_id AS InputId, input_sha256 AS InputSha256, options AS Options, seed AS Seed, " +
        "version AS Version, started_at AS StartedAt, ended_at AS EndedAt";

    private T Use<T>(bool write, Func<SqliteConnection, T> work)
    {
        try
        {
            if (write)
            {
                var directory = System.IO.Path.GetDirectoryName(Path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            }

            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                // Readers open read-write without create: SQLite falls back to read-only on a write-protected file.
                Mode = write ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(LockTimeout.TotalSeconds)),
            };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            if (write) Prepare(connection);
            else CheckSchema(connection);
            return work(connection);
        }
        catch (SqliteException e)
        {
            throw Explain(e, write);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new RunStoreException($"run store {Path} cannot be written: {e.Message}", e);
        }
    }

    private void Prepare(SqliteConnection connection)
    {
        // WAL: readers never block the writer and a torn write is rolled back on the next open.
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        var version = connection.ExecuteScalar<long>("PRAGMA user_version");
        if (version == SchemaVersion) return;
        if (version > SchemaVersion)
            throw new RunStoreException($"run store {Path} was written by a newer Statecraft (schema {version}, this one knows {SchemaVersion})");
        if (version == 0 && connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master") > 0)
            throw new RunStoreException($"{Path} is an SQLite file but not a Statecraft run store");
        using var transaction = connection.BeginTransaction(deferred: false);
        if (connection.ExecuteScalar<long>("PRAGMA user_version", transaction: transaction) == 0)
        {
            connection.Execute(
                """
                CREATE TABLE runs (
                    id            INTEGER PRIMARY KEY AUTOINCREMENT,
                    command       TEXT NOT NULL,
                    input_id      TEXT,
                    input_sha256  TEXT,
                    options       TEXT NOT NULL,
                    seed          TEXT,
                    version       TEXT NOT NULL,
                    started_at    TEXT NOT NULL,
                    ended_at      TEXT NOT NULL,
                    result        TEXT NOT NULL,
                    result_sha256 TEXT NOT NULL
                );
                CREATE INDEX runs_by_command ON runs (command, id);
                PRAGMA user_version = 1;
                """,
                transaction: transaction);
        }

        if (connection.ExecuteScalar<long>("PRAGMA user_version", transaction: transaction) == 1)
        {
            connection.Execute(LedgerSchema, transaction: transaction);
            connection.Execute("PRAGMA user_version = 2", transaction: transaction);
        }

        transaction.Commit();
    }

    private void CheckSchema(SqliteConnection connection)
    {
        // A store of an earlier schema reads as it is (it has no ledger yet); the next write migrates it.
        var version = connection.ExecuteScalar<long>("PRAGMA user_version");
        if (version is < 1 or > SchemaVersion)
            throw new RunStoreException(version == 0
                ? $"{Path} is not a Statecraft run store"
                : $"run store {Path} has schema {version}; this Statecraft knows {SchemaVersion}");
    }

    private RunStoreException Explain(SqliteException e, bool write) => e.SqliteErrorCode switch
    {
        5 or 6 => new RunStoreException(
            $"run store {Path} is locked by another process (waited {LockTimeout.TotalSeconds:0.#} s); nothing was written, try again", e),
        8 => new RunStoreException($"run store {Path} is read-only; nothing was written (choose another with --store)", e),
        14 => new RunStoreException(write
            ? $"run store {Path} cannot be created or opened for writing (check the directory and its permissions)"
            : $"run store {Path} cannot be opened", e),
        11 or 26 => new RunStoreException($"{Path} is not a Statecraft run store, or it is damaged", e),
        _ => new RunStoreException($"run store {Path}: {e.Message}", e),
    };

    internal sealed class Row
    {
        public long Id { get; init; }
        public string Command { get; init; } = "";
        public string? InputId { get; init; }
        public string? InputSha256 { get; init; }
        public string Options { get; init; } = "{}";
        public string? Seed { get; init; }
        public string Version { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string EndedAt { get; init; } = "";
        public string? Result { get; init; }
        public string? ResultSha256 { get; init; }

        /// <summary>The manifest, or why this row cannot give one (a field edited or damaged outside Statecraft).</summary>
        public bool TryManifest(out RunManifest manifest, out string reason)
        {
            try
            {
                manifest = ToManifest();
                reason = "";
                return true;
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException or NotSupportedException)
            {
                manifest = null!;
                reason = e.Message;
                return false;
            }
        }

        private RunManifest ToManifest() => new(
            Command,
            InputId,
            InputSha256,
            JsonSerializer.Deserialize(Options, StoreJson.Default.SortedDictionaryStringString) ?? [],
            Seed,
            Version,
            DateTimeOffset.ParseExact(StartedAt, "O", CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(EndedAt, "O", CultureInfo.InvariantCulture));
    }
}
