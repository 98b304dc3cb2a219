using System.Security.Cryptography;
using System.Text;
using ServiceBot.Conversation;
using ServiceBot.Localization;
using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.BotFramework;

/// <summary>Renders engine replies and the welcome as outgoing activities, addressed back to where the incoming one came from.</summary>
public static class BotActivities
{
    private const int MaxCitations = 3;

    public static Activity ReplyTo(Activity incoming, Reply reply) => Message(incoming, incoming.From!, Markdown(reply), reply.Suggestions.Select(s => new CardAction("imBack", s, s)));

    public static Activity Text(Activity incoming, string markdown) => Message(incoming, incoming.From!, markdown, []);

    /// <param name="greeting">The configured greeting (<see cref="ServiceBot.Conversation.Welcome.Greeting"/>).</param>
    public static Activity Welcome(Activity incoming, ChannelAccount member, string greeting)
    {
        var text = new StringBuilder(greeting).Append("\n\n").Append(TaskMenu.Lead).Append("\n\n");
        foreach (var item in TaskMenu.Items) text.Append("- ").Append(item.Label).Append('\n');
        text.Append('\n').Append(TaskMenu.Closing);
        return Message(incoming, member, text.ToString(), TaskMenu.Items.Select(i => new CardAction("imBack", i.Label, i.Trigger)));
    }

    /// <summary>The reply text: the answer's Markdown, then its citations as a short list.</summary>
    public static string Markdown(Reply reply)
    {
        var references = reply.Citations
            .Select(c => $"《{c.Source.Trim().Trim('《', '》')}》{c.Section.Trim()}")
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCitations)
            .ToList();
        if (references.Count == 0) return reply.Markdown;
        var text = new StringBuilder(reply.Markdown.TrimEnd()).Append("\n\n**").Append(BotText.In(reply.Language, nameof(BotTexts.Channel_Basis))).Append("**\n\n");
        foreach (var reference in references) text.Append("- ").Append(reference).Append('\n');
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The engine conversation for a channel conversation: its own id in one-to-one chats (hashed when too long for
    /// the engine); none in group chats, where each member keeps a conversation of their own.
    /// </summary>
    public static string? EngineConversationId(Activity activity)
    {
        if (activity.Conversation is not { Id: { Length: > 0 } id } conversation || conversation.IsGroup == true) return null;
        return id.Length <= 200 ? id : "bf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    private static Activity Message(Activity incoming, ChannelAccount to, string markdown, IEnumerable<CardAction> actions)
    {
        var buttons = actions.ToList();
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            From = incoming.Recipient,
            Recipient = to,
            Conversation = incoming.Conversation,
            ReplyToId = incoming.Type == ActivityTypes.Message ? incoming.Id : null,
            Locale = incoming.Locale ?? "zh-CN",
            Text = markdown,
            TextFormat = "markdown",
            InputHint = "acceptingInput",
            SuggestedActions = buttons.Count == 0 ? null : new SuggestedActions(to.Id is null ? null : [to.Id], buttons),
        };
    }
}
