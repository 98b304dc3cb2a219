using ServiceBot.Handoff;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>Whether a message reached the user's channel; <see cref="Problem"/> says why not, in Chinese for the agent.</summary>
public sealed record DeliveryResult(bool Delivered, string? Problem)
{
    public static DeliveryResult Sent { get; } = new(true, null);

    public static DeliveryResult Failed(string problem) => new(false, problem);
}

/// <summary>Brings an agent's message (or a note about the handoff) to the user on their own channel; one implementation per channel.</summary>
public interface IAgentMessageDelivery
{
    /// <summary>The engine channel name it serves (api, wechat, botframework).</summary>
    string Channel { get; }

    /// <param name="line">Already in the transcript; <see cref="TranscriptEntry.Speaker"/> is agent or system.</param>
    Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken);
}

/// <summary>Picks the delivery for the conversation's channel. A channel without one keeps the message in the transcript only.</summary>
public sealed class AgentMessageDispatcher(IEnumerable<IAgentMessageDelivery> deliveries, ILogger<AgentMessageDispatcher> logger)
{
    private readonly Dictionary<string, IAgentMessageDelivery> _byChannel = deliveries.ToDictionary(d => d.Channel, StringComparer.Ordinal);

    public async Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken)
    {
        if (!_byChannel.TryGetValue(handoff.Channel, out var delivery))
            return DeliveryResult.Failed($"“{handoff.Channel}”渠道不支持主动发送，消息已记录在对话记录中。");
        try
        {
            return await delivery.DeliverAsync(handoff, line, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The text may hold personal data, so only the conversation and the failure are logged.
            logger.LogWarning(e, "An agent message for conversation {ConversationId} could not be delivered on {Channel}.", handoff.ConversationId, handoff.Channel);
            return DeliveryResult.Failed("消息已记录，但未能送达用户，请稍后重试。");
        }
    }
}
