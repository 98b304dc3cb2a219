using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Server.Sandbox;

/// <summary>Settings bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Serve the built-in sandbox government backend under <c>/sandbox</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>SQLite connection string for tickets; a relative data source resolves against the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Sandbox:ConnectionString must not be empty.")]
    public string ConnectionString { get; set; } = "Data Source=.servicebot/sandbox.db";
}
