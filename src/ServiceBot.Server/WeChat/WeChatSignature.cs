using System.Security.Cryptography;
using System.Text;

namespace ServiceBot.Server.WeChat;

/// <summary>WeChat's signature: SHA-1 over the parts sorted ordinally and concatenated, as lowercase hex.</summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Compares in fixed time so a forger learns nothing from how long a refusal takes.</summary>
    public static bool Matches(string? signature, params string[] parts)
    {
        if (string.IsNullOrEmpty(signature) || parts.Any(p => p is null)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
