using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Localization;
using ServiceBot.Places;
using ServiceBot.Text;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// Turns one decoded message or event into the text to send back. Text, recognised voice and menu clicks go to the
/// engine; subscribing gets the welcome menu; a door-plate QR code (subscribe with <c>qrscene_CODE</c>, SCAN with <c>CODE</c>)
/// opens the conversation at that place; other media, and voice WeChat could not recognise, get a request to type;
/// other events get no reply.
/// </summary>
public sealed class WeChatMessageHandler(
    IServiceProvider services,
    WeChatSuggestions suggestions,
    IOptions<WeChatOptions> options,
    IOptions<AssistantOptions> assistant,
    PlaceGazetteer places,
    ILogger<WeChatMessageHandler> logger)
{
    public const string Channel = "wechat";
    public const string PleaseType = "抱歉，我目前只能看懂文字消息，请输入文字描述您的问题或要办理的事项。";
    public const string PleaseTypeVoice = "抱歉，没能听清您的语音，请用文字描述您的问题或要办理的事项。";
    public const string Unavailable = "抱歉，系统暂时无法处理您的消息，请稍后再试，或拨打 12345 热线。";

    public async Task<WeChatOutcome> HandleAsync(WeChatInbound message, CancellationToken cancellationToken)
    {
        switch (message.MsgType)
        {
            case "text" when string.IsNullOrWhiteSpace(message.Content):
                return WeChatOutcome.Text(PleaseType);
            case "text":
                return await AskEngineAsync(message, suggestions.Resolve(message.FromUserName, message.Content!), cancellationToken);
            case "voice" when string.IsNullOrWhiteSpace(message.Recognition):
                return WeChatOutcome.Text(PleaseTypeVoice);
            case "voice":
                return await AskEngineAsync(message, message.Recognition!.Trim(), cancellationToken, heard: true);
            case "event":
                return await OnEventAsync(message, cancellationToken);
            default:
                return WeChatOutcome.Text(PleaseType);
        }
    }

    private async Task<WeChatOutcome> OnEventAsync(WeChatInbound message, CancellationToken cancellationToken)
    {
        switch (message.Event?.ToLowerInvariant())
        {
            case "subscribe" when places.Find(SceneCode(message.EventKey)) is { } place:
                return await ArriveAsync(message, place, cancellationToken);
            case "scan" when places.Find(message.EventKey) is { } place:
                return await ArriveAsync(message, place, cancellationToken);
            case "subscribe":
                suggestions.Remember(message.FromUserName, [.. TaskMenu.Items.Select(i => i.Trigger)]);
                return WeChatOutcome.Text(WeChatText.Welcome(Welcome.Greeting(assistant.Value)));
            case "click" when TaskMenu.FindByKey(message.EventKey) is { } item:
                return await AskEngineAsync(message, item.Trigger, cancellationToken);
            default:
                // unsubscribe, VIEW, LOCATION, unknown keys: WeChat expects no reply.
                return WeChatOutcome.Silent;
        }
    }

    /// <summary>A subscription through a parametric QR code carries its scene as <c>qrscene_</c> followed by the value.</summary>
    private static string? SceneCode(string? eventKey)
        => eventKey is not null && eventKey.StartsWith("qrscene_", StringComparison.Ordinal) ? eventKey["qrscene_".Length..] : null;

    private Task<WeChatOutcome> ArriveAsync(WeChatInbound message, Place place, CancellationToken cancellationToken)
        => AskEngineAsync(message, new IncomingMessage(message.FromUserName, Channel, null, message.DeliveryId, "") { Place = place.Code, Arrival = true },
            cancellationToken);

    /// <param name="heard">The text is WeChat's recognition of a voice message: the reply first says what was heard, so a mishearing shows.</param>
    private Task<WeChatOutcome> AskEngineAsync(WeChatInbound message, string text, CancellationToken cancellationToken, bool heard = false)
        => AskEngineAsync(message, new IncomingMessage(message.FromUserName, Channel, null, message.DeliveryId, text), cancellationToken,
            heard ? BotText.In(LanguageDetector.Detect(text, BotLanguages.Chinese), nameof(BotTexts.Channel_Heard), MarkdownInline.Escape(text)) + "\n\n" : "");

    private async Task<WeChatOutcome> AskEngineAsync(WeChatInbound message, IncomingMessage incoming, CancellationToken cancellationToken, string lead = "")
    {
        // A scope per turn: the engine may depend on scoped services (stores, HTTP clients).
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IConversationEngine>();
        Reply reply;
        try
        {
            reply = await engine.HandleAsync(incoming, cancellationToken);
        }
        catch (InvalidMessageException e)
        {
            return WeChatOutcome.Text("抱歉，这条消息无法处理：" + e.Message.Split(" (Parameter", 2)[0]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The engine failed on WeChat message {DeliveryId}.", message.DeliveryId);
            return WeChatOutcome.Text(Unavailable);
        }
        suggestions.Remember(message.FromUserName, reply.Suggestions);
        if (lead.Length > 0) reply = reply with { Markdown = lead + reply.Markdown };
        return new WeChatOutcome(WeChatText.Render(reply, canContinue: options.Value.CustomerServiceEnabled));
    }
}
