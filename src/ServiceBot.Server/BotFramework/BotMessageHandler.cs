using ServiceBot.Conversation;
using Microsoft.Extensions.Options;
using ServiceBot.Handoff;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// Runs accepted activities: a message becomes one engine turn and one reply; a conversation update welcomes new members.
/// While a conversation is handed off, its reference is kept so an agent can write to the user proactively.
/// </summary>
public sealed class BotMessageHandler(IServiceProvider services, BotConnector connector, IOptions<AssistantOptions> assistant, ILogger<BotMessageHandler> logger)
{
    public const string Channel = "botframework";
    public const string PleaseType = "抱歉，我目前只能看懂文字消息，请输入文字描述您的问题或要办理的事项。";
    public const string Unavailable = "抱歉，系统暂时无法处理您的消息，请稍后再试，或拨打 12345 热线。";

    public async Task OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activity.Text))
        {
            await connector.SendAsync(BotActivities.Text(activity, PleaseType), cancellationToken);
            return;
        }

        Activity reply;
        await using (var scope = services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<IConversationEngine>();
            var message = new IncomingMessage(activity.From!.Id!, Channel, BotActivities.EngineConversationId(activity), activity.Id, activity.Text);
            try
            {
                var answer = await engine.HandleAsync(message, cancellationToken);
                if (answer.Handoff && BotConversationReference.From(activity) is { } reference)
                    await scope.ServiceProvider.GetRequiredService<IHandoffStore>().SetChannelAddressAsync(answer.ConversationId, reference.ToJson(), cancellationToken);
                reply = BotActivities.ReplyTo(activity, answer);
            }
            catch (InvalidMessageException e)
            {
                reply = BotActivities.Text(activity, "抱歉，这条消息无法处理：" + e.Message.Split(" (Parameter", 2)[0]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The engine failed on Bot Framework activity {ActivityId}.", activity.Id);
                reply = BotActivities.Text(activity, Unavailable);
            }
        }
        await connector.SendAsync(reply, cancellationToken);
    }

    public async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        // The bot is itself announced as a member; it is the activity's recipient.
        foreach (var member in activity.MembersAdded ?? [])
            if (!string.IsNullOrEmpty(member.Id) && member.Id != activity.Recipient?.Id)
                await connector.SendAsync(BotActivities.Welcome(activity, member, Welcome.Greeting(assistant.Value)), cancellationToken);
    }
}
