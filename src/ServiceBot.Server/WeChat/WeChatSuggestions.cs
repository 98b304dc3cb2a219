using Microsoft.Extensions.Caching.Memory;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// WeChat text has no quick-reply buttons, so suggestions are shown numbered; this remembers each user's last list
/// so a bare digit can be sent to the engine as the words it stands for.
/// </summary>
public sealed class WeChatSuggestions(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public void Remember(string userId, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0) cache.Remove(Key(userId));
        else cache.Set(Key(userId), suggestions, Lifetime);
    }

    /// <summary>The suggestion a digit picks, or the text itself.</summary>
    public string Resolve(string userId, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 2 || !int.TryParse(trimmed, out var number)) return text;
        return cache.TryGetValue(Key(userId), out IReadOnlyList<string>? list) && list is not null && number >= 1 && number <= list.Count
            ? list[number - 1]
            : text;
    }

    private static string Key(string userId) => "wechat-suggestions\n" + userId;
}
