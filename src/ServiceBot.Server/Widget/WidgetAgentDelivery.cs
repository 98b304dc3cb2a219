using ServiceBot.Handoff;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Staff.AgentDesk;

namespace ServiceBot.Server.Widget;

/// <summary>
/// The widget (and <c>/api/chat</c>) channel: the line is already in the transcript, which the widget's live
/// subscription (<c>GET /api/chat/events</c>) reads; this only wakes that subscription, here and, with a
/// <paramref name="broadcast"/>, on the other replicas.
/// </summary>
public sealed class WidgetAgentDelivery(LiveTranscripts live, ILiveTranscriptBroadcast? broadcast = null) : IAgentMessageDelivery
{
    public string Channel => ChatApi.Channel;

    public async Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken)
    {
        live.Pulse(handoff.ConversationId);
        if (broadcast is not null) await broadcast.PublishAsync(handoff.ConversationId, cancellationToken);
        return DeliveryResult.Sent;
    }
}
