using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Storage;

namespace ServiceBot.Server.Chat.Identity;

/// <summary>
/// Stateless user tokens: HMAC-SHA256 over the channel and user id under a server secret, so only the server
/// can issue one and any replica sharing the secret can check it.
/// </summary>
public sealed class UserTokens
{
    public const string KeyFileName = "chat-token.key";

    private readonly byte[] _secret;

    public UserTokens(IOptions<ChatIdentityOptions> identity, IOptions<StateOptions> state)
    {
        _secret = string.IsNullOrEmpty(identity.Value.TokenSecret)
            ? StoredSecret(KeyFolder(state.Value.ConnectionString))
            : Encoding.UTF8.GetBytes(identity.Value.TokenSecret);
    }

    public string Issue(string channel, string userId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(channel + "\n" + userId)));

    public bool IsValid(string channel, string userId, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Issue(channel, userId)), Encoding.ASCII.GetBytes(token));
    }

    /// <summary>Beside the SQLite state database, so tokens survive a restart on the same files; else under .servicebot/.</summary>
    private static string KeyFolder(string connectionString)
    {
        try
        {
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!string.IsNullOrWhiteSpace(dataSource) && dataSource != ":memory:")
                return Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".servicebot";
        }
        catch (ArgumentException)
        {
            // Not a SQLite connection string (PostgreSQL): fall back to the default folder.
        }
        return ".servicebot";
    }

    private static byte[] StoredSecret(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, KeyFileName);
        if (File.Exists(path)) return File.ReadAllBytes(path);
        var secret = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new FileStream(path, options);
            file.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both issue the same tokens.
            return File.ReadAllBytes(path);
        }
    }
}
