using System.Collections.Concurrent;
using ServiceBot.Answers;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>A delegate-backed engine that records every call; no mocking library.</summary>
public sealed class ScriptedEngine(Func<IncomingMessage, CancellationToken, Task<Reply>> respond) : IConversationEngine
{
    public const string LongQuestion = "请详细说明";
    public const string SlowQuestion = "慢一点的问题";

    private readonly ConcurrentQueue<IncomingMessage> _calls = new();

    public IReadOnlyList<IncomingMessage> Calls => [.. _calls];

    public int CallCount => _calls.Count;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(1);

    public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        _calls.Enqueue(message);
        return respond(message, cancellationToken);
    }

    public static Reply Answer(string markdown, IReadOnlyList<string>? suggestions = null, IReadOnlyList<Citation>? citations = null, string conversationId = "c-test") =>
        new(conversationId, markdown, citations ?? [], suggestions ?? [], null, false);

    /// <summary>
    /// Echoes the text with one citation and two suggestions; <see cref="LongQuestion"/> gets an answer of about
    /// 9 KB; <see cref="SlowQuestion"/> waits <see cref="SlowDelay"/> first.
    /// </summary>
    public static ScriptedEngine Default()
    {
        ScriptedEngine? engine = null;
        engine = new ScriptedEngine(async (message, cancellationToken) =>
        {
            if (message.Text == SlowQuestion) await Task.Delay(engine!.SlowDelay, cancellationToken);
            var markdown = message.Text == LongQuestion ? LongMarkdown() : $"**收到**：{message.Text}";
            return Answer(markdown, ["还有其他问题", "转人工"],
                [new Citation("关于维护新就业形态劳动者劳动保障权益的指导意见", "第十条", "完善新就业形态劳动者职业伤害保障……")],
                conversationId: message.ConversationId ?? "c-" + message.UserId);
        });
        return engine;
    }

    public static string LongMarkdown() =>
        "## 详细说明\n\n" + string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"{i}. 第{i}段：新就业形态劳动者依法享有劳动报酬、休息休假、劳动安全卫生等权益，平台企业应当履行相应责任。"));
}
