using Microsoft.Extensions.Options;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// Decides what one delivery answers within WeChat's 5-second limit. A turn ready within
/// <see cref="WeChatOptions.ReplyTimeout"/> is the passive reply (its first part; later parts follow through the
/// customer-service API). A slower turn: with the customer-service API the delivery answers <c>success</c> and the
/// answer is sent when ready; without it the delivery keeps waiting until <see cref="WeChatOptions.RetryWindow"/>
/// so that WeChat's own retries, which share the turn, can still carry the answer.
/// </summary>
public sealed class WeChatDelivery(
    IOptions<WeChatOptions> options,
    WeChatCustomerService customerService,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<WeChatDelivery> logger)
{
    /// <summary>The passive text for this delivery, or null to answer <c>success</c>.</summary>
    public async Task<string?> PassiveTextAsync(WeChatTurn turn, string openId, CancellationToken requestAborted)
    {
        var settings = options.Value;
        if (turn.IsDeferred) return null;
        if (await CompletesWithinAsync(turn, settings.ReplyTimeout, requestAborted)) return Passive(turn, openId);

        if (settings.CustomerServiceEnabled)
        {
            if (turn.TryDefer()) _ = SendWhenReadyAsync(turn, openId);
            return null;
        }
        var left = turn.StartedAt + settings.RetryWindow - clock.GetUtcNow();
        return left > TimeSpan.Zero && await CompletesWithinAsync(turn, left, requestAborted) ? Passive(turn, openId) : null;
    }

    private string? Passive(WeChatTurn turn, string openId)
    {
        var parts = Outcome(turn).Parts;
        if (parts.Count == 0 || !turn.TryClaimPassive()) return null;
        if (parts.Count > 1 && options.Value.CustomerServiceEnabled && turn.TryClaimRemainder())
            _ = SendAsync(openId, parts.Skip(1).ToList());
        return parts[0];
    }

    private async Task SendWhenReadyAsync(WeChatTurn turn, string openId)
    {
        try { await turn.Completion.WaitAsync(lifetime.ApplicationStopping); }
        catch (OperationCanceledException) { return; }
        catch (Exception) { /* Outcome() below turns the fault into an apology. */ }
        await SendAsync(openId, Outcome(turn).Parts);
    }

    private async Task SendAsync(string openId, IReadOnlyList<string> parts)
    {
        try
        {
            foreach (var part in parts) await customerService.SendTextAsync(openId, part, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A customer-service message to a WeChat user could not be sent.");
        }
    }

    private static WeChatOutcome Outcome(WeChatTurn turn) =>
        turn.Completion.IsCompletedSuccessfully ? turn.Completion.Result : WeChatOutcome.Text(WeChatMessageHandler.Unavailable);

    private async Task<bool> CompletesWithinAsync(WeChatTurn turn, TimeSpan wait, CancellationToken requestAborted)
    {
        try
        {
            await turn.Completion.WaitAsync(wait, clock, requestAborted);
            return true;
        }
        catch (TimeoutException) { return false; }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested) { return false; }
        catch (Exception) { return true; }
    }
}
