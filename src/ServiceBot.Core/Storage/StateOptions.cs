using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>Where conversation state lives and how long it is kept (section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";
    public const string KeysFolderName = "keys";

    /// <summary><see cref="StateProviders.Sqlite"/> (embedded, the default) or <see cref="StateProviders.Postgres"/> (shared by replicas).</summary>
    [Required] public string Provider { get; set; } = StateProviders.Sqlite;

    /// <summary>
    /// A Microsoft.Data.Sqlite connection string (the default is an embedded file under .servicebot/), or an Npgsql one
    /// (<c>Host=…;Database=…;Username=…;Password=…</c>) when the provider is PostgreSQL.
    /// </summary>
    [Required] public string ConnectionString { get; set; } = "Data Source=.servicebot/state.db";

    /// <summary>The folder of the keys that encrypt stored user data; by default <c>keys/</c> beside the state database.</summary>
    public string? KeysPath { get; set; }

    /// <summary>Conversations, replies, handoff transcripts and feedback untouched for longer than this are deleted.</summary>
    [Range(1, 3650)] public int RetentionDays { get; set; } = 180;

    /// <summary><see cref="KeysPath"/>, or <c>keys/</c> in the state database's folder (<c>.servicebot/keys</c> for an in-memory database).</summary>
    public string ResolveKeysPath()
    {
        if (!string.IsNullOrWhiteSpace(KeysPath)) return Path.GetFullPath(KeysPath);
        if (UsesPostgres) return Path.GetFullPath(Path.Combine(".servicebot", KeysFolderName));
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:"
            ? ".servicebot"
            : Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".servicebot";
        return Path.GetFullPath(Path.Combine(folder, KeysFolderName));
    }

    public bool UsesPostgres => StateProviders.IsPostgres(Provider);
}

/// <summary>The state providers <see cref="StateOptions.Provider"/> accepts.</summary>
public static class StateProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static readonly IReadOnlyList<string> All = [Sqlite, Postgres];

    public static bool IsKnown(string? provider) => All.Contains(provider?.Trim(), StringComparer.OrdinalIgnoreCase);

    public static bool IsPostgres(string? provider) => string.Equals(provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);
}
