using System.Globalization;

namespace ServiceBot.Server.WeChat;

/// <summary>Whether a signature's timestamp (Unix seconds) lies within the window around the server's clock.</summary>
public static class WeChatSignatureWindow
{
    public static bool IsFresh(string? timestamp, TimeSpan window, TimeProvider clock)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0) return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) <= (long)window.TotalSeconds;
    }
}
