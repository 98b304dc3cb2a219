using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
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

    // A user's token is a pure function of the channel and the user id, and every turn checks it: the HMAC is computed
    // once per user while the user stays among the most recent ones. Forgotten all at once past the bound.
    private const int RememberedUsers = 16_384;
    private readonly ConcurrentDictionary<(string Channel, string UserId), string> _issued = new();

    public UserTokens(IOptions<ChatIdentityOptions> identity, IOptions<StateOptions> state)
    {
        _secret = string.IsNullOrEmpty(identity.Value.TokenSecret)
            ? StoredSecret(KeyFolder(state.Value.ConnectionString))
            : Encoding.UTF8.GetBytes(identity.Value.TokenSecret);
    }

    private const int SignatureBytes = HMACSHA256.HashSizeInBytes;

    // Unpadded base64url of the signature: 43 characters.
    private const int TokenLength = (SignatureBytes * 8 + 5) / 6;

    public string Issue(string channel, string userId)
    {
        if (_issued.TryGetValue((channel, userId), out var token)) return token;
        Span<byte> signature = stackalloc byte[SignatureBytes];
        Sign(channel, userId, signature);
        token = Base64Url.EncodeToString(signature);
        if (_issued.Count >= RememberedUsers) _issued.Clear();
        _issued[(channel, userId)] = token;
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is exactly what <see cref="Issue"/> gives, compared in constant time.</summary>
    public bool IsValid(string channel, string userId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != TokenLength) return false;
        var expected = Issue(channel, userId);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(token.AsSpan()));
    }

    /// <summary>HMAC-SHA256 of the UTF-8 of <c>channel + "\n" + userId</c>.</summary>
    private void Sign(string channel, string userId, Span<byte> signature)
    {
        var length = Encoding.UTF8.GetByteCount(channel) + 1 + Encoding.UTF8.GetByteCount(userId);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var message = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        var written = Encoding.UTF8.GetBytes(channel, message);
        message[written++] = (byte)'\n';
        Encoding.UTF8.GetBytes(userId, message[written..]);
        HMACSHA256.HashData(_secret, message, signature);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
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
