using ServiceBot.Handoff;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Staff.AgentDesk;

namespace ServiceBot.Server.Widget;

/// <summary>
/// The widget (and <c>/api/chat</c>) channel: the line is already in the transcript, which the widget's live
/// subscription (<c>GET /api/chat/events</c>) reads; this only wakes that subscription.
/// </summary>
public sealed class WidgetAgentDelivery(LiveTranscripts live) : IAgentMessageDelivery
{
    public string Channel => ChatApi.Channel;

    public Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken)
    {
        live.Pulse(handoff.ConversationId);
        return Task.FromResult(DeliveryResult.Sent);
    }
}
