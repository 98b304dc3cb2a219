using Microsoft.Extensions.Caching.Memory;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// One turn per delivery id, shared by every copy WeChat sends: the first copy starts it, a retry (concurrent or
/// later) awaits the same task and renders the same reply. The engine dedups by message id too; this guard also
/// covers retries that arrive while the first turn is still running, and events, which the engine never sees.
/// </summary>
public sealed class WeChatTurns(IMemoryCache cache, TimeProvider clock)
{
    // WeChat retries within 15 s; keeping turns a few minutes also absorbs late duplicates.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();

    public WeChatTurn GetOrStart(string key, Func<Task<WeChatOutcome>> run)
    {
        lock (_gate)
        {
            if (cache.TryGetValue(key, out WeChatTurn? existing) && existing is not null) return existing;
            var turn = new WeChatTurn(Task.Run(run), clock.GetUtcNow());
            cache.Set(key, turn, Lifetime);
            return turn;
        }
    }
}

/// <summary>What a turn produced: text parts to send, or nothing (WeChat gets <c>success</c>).</summary>
public sealed record WeChatOutcome(IReadOnlyList<string> Parts)
{
    public static WeChatOutcome Silent { get; } = new([]);

    public static WeChatOutcome Text(params IReadOnlyList<string> parts) => new(parts);
}

public sealed class WeChatTurn(Task<WeChatOutcome> completion, DateTimeOffset startedAt)
{
    private const int Open = 0, Passive = 1, Deferred = 2;
    private int _delivery;
    private int _remainderClaimed;

    public Task<WeChatOutcome> Completion { get; } = completion;

    /// <summary>The passive reply's CreateTime, fixed per turn so every retry gets identical bytes.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>True unless the answer was handed to the customer-service API; every retry may repeat the passive reply.</summary>
    public bool TryClaimPassive() => Interlocked.CompareExchange(ref _delivery, Passive, Open) != Deferred;

    /// <summary>True for the one caller that hands the whole answer to the customer-service API, while no passive reply went out.</summary>
    public bool TryDefer() => Interlocked.CompareExchange(ref _delivery, Deferred, Open) == Open;

    public bool IsDeferred => Volatile.Read(ref _delivery) == Deferred;

    /// <summary>True for the one caller that sends the parts after the passive first one.</summary>
    public bool TryClaimRemainder() => Interlocked.Exchange(ref _remainderClaimed, 1) == 0;
}
