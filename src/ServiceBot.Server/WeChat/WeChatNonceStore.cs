using Microsoft.Extensions.Caching.Memory;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// Remembers which message each signed (timestamp, nonce) pair carried, so a captured signature set cannot carry
/// another message. A store shared by every replica makes the binding hold across them.
/// </summary>
public interface IWeChatNonceStore
{
    /// <summary>
    /// Binds the pair to <paramref name="delivery"/> when it is new. True when the pair is new or already bound to
    /// the same delivery (WeChat retrying a message); false when it carried a different one.
    /// </summary>
    /// <param name="lifetime">How long the binding must last: past it, the timestamp alone refuses the pair.</param>
    ValueTask<bool> TryBindAsync(string timestamp, string nonce, string delivery, TimeSpan lifetime, CancellationToken cancellationToken);
}

/// <summary>The single-process store: bindings live in memory and expire once their timestamp has left the window.</summary>
public sealed class MemoryWeChatNonceStore(IMemoryCache cache) : IWeChatNonceStore
{
    private readonly Lock _gate = new();

    public ValueTask<bool> TryBindAsync(string timestamp, string nonce, string delivery, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = $"wechat-nonce\n{timestamp}\n{nonce}";
        lock (_gate)
        {
            if (cache.TryGetValue(key, out string? bound)) return ValueTask.FromResult(bound == delivery);
            cache.Set(key, delivery, lifetime);
            return ValueTask.FromResult(true);
        }
    }
}
