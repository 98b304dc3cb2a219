using Microsoft.Extensions.Options;
using ServiceBot.Handoff;
using ServiceBot.Server.Staff.AgentDesk;

namespace ServiceBot.Server.WeChat;

/// <summary>WeChat: an agent's message goes to the user (their OpenID) through the customer-service message API.</summary>
public sealed class WeChatAgentDelivery(IServiceProvider services, IOptions<WeChatOptions> options) : IAgentMessageDelivery
{
    public string Channel => WeChatMessageHandler.Channel;

    public async Task<DeliveryResult> DeliverAsync(HandoffRecord handoff, TranscriptEntry line, CancellationToken cancellationToken)
    {
        if (!options.Value.CustomerServiceEnabled)
            return DeliveryResult.Failed("未配置微信客服消息接口（WeChat:CustomerServiceBaseUrl），无法主动发送，消息已记录在对话记录中。");
        var sender = services.GetRequiredService<WeChatCustomerService>();
        try
        {
            foreach (var part in WeChatText.Split(Text(line), WeChatOptions.MaxTextBytes))
                await sender.SendTextAsync(handoff.UserId, part, cancellationToken);
        }
        catch (WeChatApiException)
        {
            return DeliveryResult.Failed("微信接口拒绝了这条消息（用户可能已超过48小时未互动），消息已记录在对话记录中。");
        }
        return DeliveryResult.Sent;
    }

    private static string Text(TranscriptEntry line)
    {
        var text = WeChatText.PlainText(line.Text);
        return line.Speaker == Assist.Speakers.Agent ? $"【人工客服{line.Agent}】{text}" : text;
    }
}
