using System.Security.Cryptography;
using System.Text;

namespace ServiceBot.Analytics;

/// <summary>
/// The channel user as the turn analytics keep them: a SHA-256 of channel and user id. Enough to count users and to
/// erase one user's rows (删除我的记录), without a readable id in the analytics table.
/// </summary>
public static class TurnUserHash
{
    public static string Of(string channel, string userId)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel + "\n" + userId)));
}
