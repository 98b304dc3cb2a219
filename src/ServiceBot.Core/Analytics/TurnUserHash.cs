using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ServiceBot.Analytics;

/// <summary>
/// The channel user as the turn analytics keep them: a SHA-256 of channel and user id. Enough to count users and to
/// erase one user's rows (删除我的记录), without a readable id in the analytics table.
/// </summary>
public static class TurnUserHash
{
    // Computed on every turn: the bytes hashed are encoded on the stack rather than through a joined string and a new array.
    private const int StackLimit = 256;

    public static string Of(string channel, string userId)
    {
        var length = Encoding.UTF8.GetMaxByteCount(channel.Length + 1 + userId.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(channel, buffer);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(userId, buffer[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
