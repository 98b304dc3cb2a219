using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>Where conversation state lives and how long it is kept (section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";
    public const string KeysFolderName = "keys";

    /// <summary>A Microsoft.Data.Sqlite connection string; the default is an embedded file under .servicebot/.</summary>
    [Required] public string ConnectionString { get; set; } = "Data Source=.servicebot/state.db";

    /// <summary>The folder of the keys that encrypt stored user data; by default <c>keys/</c> beside the state database.</summary>
    public string? KeysPath { get; set; }

    /// <summary>Conversations, replies, handoff transcripts and feedback untouched for longer than this are deleted.</summary>
    [Range(1, 3650)] public int RetentionDays { get; set; } = 180;

    /// <summary><see cref="KeysPath"/>, or <c>keys/</c> in the state database's folder (<c>.servicebot/keys</c> for an in-memory database).</summary>
    public string ResolveKeysPath()
    {
        if (!string.IsNullOrWhiteSpace(KeysPath)) return Path.GetFullPath(KeysPath);
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:"
            ? ".servicebot"
            : Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".servicebot";
        return Path.GetFullPath(Path.Combine(folder, KeysFolderName));
    }
}
