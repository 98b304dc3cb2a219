using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Storage;

/// <summary>Where conversation state lives (section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";

    /// <summary><see cref="StateProviders.Sqlite"/> (embedded, the default) or <see cref="StateProviders.Postgres"/> (shared by replicas).</summary>
    [Required] public string Provider { get; set; } = StateProviders.Sqlite;

    /// <summary>
    /// A Microsoft.Data.Sqlite connection string (the default is an embedded file under .servicebot/), or an Npgsql one
    /// (<c>Host=…;Database=…;Username=…;Password=…</c>) when the provider is PostgreSQL.
    /// </summary>
    [Required] public string ConnectionString { get; set; } = "Data Source=.servicebot/state.db";

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
