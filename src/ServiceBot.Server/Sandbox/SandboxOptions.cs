using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Server.Sandbox;

/// <summary>Settings bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Serve the built-in sandbox government backend under <c>/sandbox</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c> (one ticket database several sandbox or bot processes share).</summary>
    [RegularExpression("(?i)^(sqlite|postgres)$", ErrorMessage = "Sandbox:Provider must be sqlite or postgres.")]
    public string Provider { get; set; } = "sqlite";

    public bool UsesPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ticket database: a SQLite connection string (a relative data source resolves against the working directory), or
    /// with <see cref="Provider"/> <c>postgres</c> an Npgsql one.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Sandbox:ConnectionString must not be empty.")]
    public string ConnectionString { get; set; } = "Data Source=.servicebot/sandbox.db";

    /// <summary>
    /// The key (header <c>X-Sandbox-Key</c>) that callers other than loopback must present, and that unmasks personal
    /// numbers in reads. Unset: a random key is generated at start and used by the bot's own backend client.
    /// </summary>
    [MinLength(16, ErrorMessage = "Sandbox:ApiKey must be at least 16 characters.")]
    public string? ApiKey { get; set; }
}
