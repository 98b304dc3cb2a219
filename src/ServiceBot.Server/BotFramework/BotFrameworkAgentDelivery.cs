using ServiceBot.Handoff;
using ServiceBot.Server.Staff.AgentDesk;

namespace ServiceBot.Server.BotFramework;

/// <summary>Bot Framework: an agent's message is a proactive activity to the conversation reference stored at handoff.</summary>
public sealed class BotFrameworkAgentDelivery(IHandoffStore handoffs, BotConnector connector) : IAgentMessageDelivery
{
    public string Channel => BotMessageHandler.Channel;

    public async Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken)
    {
        if (await handoffs.FindChannelAddressAsync(handoff.ConversationId, cancellationToken) is not { } json
            || BotConversationReference.Parse(json) is not { } reference)
            return DeliveryResult.Failed("没有该用户的 Bot Framework 会话地址，无法主动发送，消息已记录在对话记录中。");
        var text = line.Speaker == Assist.Speakers.Agent ? $"**人工客服{line.Agent}**：{line.Text}" : line.Text;
        await connector.SendAsync(reference.Message(text), cancellationToken);
        return DeliveryResult.Sent;
    }
}
