using System.Collections.Concurrent;
using ServiceBot.Answers;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>An <see cref="IConversationEngine"/> backed by a delegate, for tests that choose every reply.</summary>
public sealed class DelegateConversationEngine(Func<IncomingMessage, CancellationToken, Task<Reply>> handle) : IConversationEngine
{
    public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) => handle(message, cancellationToken);
}

/// <summary>
/// Scripted turns for the widget tests: a policy answer with citations, the fund_withdrawal form from
/// collecting to a ticket, an answer carrying markup, an engine failure, and an echo for anything else.
/// It keeps the engine's promises the widget relies on: one reply per message id, conversation ids kept.
/// </summary>
public sealed class ScriptedConversationEngine
{
    public const string PolicyQuestion = "新就业形态人员职业伤害保障怎么申请？";
    public const string MarkupTrigger = "测试安全显示";
    public const string FailureTrigger = "触发故障";
    public const string Ticket = "GJJ-20261129-000123";

    public const string PolicyAnswer =
        "根据《关于加强新就业群体服务管理的意见》，新就业形态人员在工作中受到事故伤害的，**由平台企业协助申报**职业伤害保障。\n\n" +
        "办理要点：\n- 受伤后及时向平台报告\n- 平台在规定时间内提交申报材料\n- 人社部门作出确认结论\n\n" +
        "> 如有疑问，可拨打 `12345` 政务服务便民热线。";

    public const string MarkupAnswer =
        "请注意以下内容：<img src=x onerror=\"window.__xss=1\"> 以及 <script>window.__xss=2</script>\n\n" +
        "[点击领取](javascript:window.__xss=3) 和 [官方网站](https://www.gov.cn/)";

    private static readonly string[] FundSlots = ["id_number", "reason", "amount", "bank_card"];

    private readonly ConcurrentDictionary<string, Reply> _replies = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _forms = new();
    private readonly ConcurrentDictionary<string, string> _formStates = new();
    private int _conversations;
    private int _turnsRun;

    /// <summary>Every message the engine was handed, in order, including repeats.</summary>
    public ConcurrentQueue<IncomingMessage> Received { get; } = new();

    public int TurnsRun => _turnsRun;

    public IConversationEngine AsEngine() => new DelegateConversationEngine(HandleAsync);

    private Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        if (string.IsNullOrWhiteSpace(message.Text)) throw new InvalidMessageException("text 不能为空。", nameof(message.Text));
        if (message.Text.Length > 500) throw new InvalidMessageException("text 不能超过 500 个字符。", nameof(message.Text));
        if (message.Text == FailureTrigger) throw new InvalidOperationException("scripted failure");
        if (message.MessageId is { } id && _replies.TryGetValue(message.UserId + "\n" + id, out var earlier)) return Task.FromResult(earlier);

        Interlocked.Increment(ref _turnsRun);
        var conversationId = message.ConversationId ?? $"c-test-{Interlocked.Increment(ref _conversations)}";
        var reply = Turn(conversationId, message.Text.Trim());
        if (message.MessageId is { } messageId) _replies[message.UserId + "\n" + messageId] = reply;
        return Task.FromResult(reply);
    }

    private Reply Turn(string conversationId, string text)
    {
        if (_formStates.TryGetValue(conversationId, out var formState) && formState is "collecting" or "confirming")
            return ContinueForm(conversationId, text, formState);
        if (text.Contains("公积金", StringComparison.Ordinal))
        {
            _forms[conversationId] = new Dictionary<string, string>();
            _formStates[conversationId] = "collecting";
            return FormReply(conversationId, "好的，我来帮您办理**住房公积金提取**。请先提供您的**身份证号码**。", "collecting", []);
        }
        if (text.Contains("职业伤害", StringComparison.Ordinal) || text.Contains("政策", StringComparison.Ordinal))
        {
            return new Reply(conversationId, PolicyAnswer,
            [
                new Citation("关于加强新就业群体服务管理的意见", "四、(八)",
                    "平台企业应当依法为新就业形态人员参加职业伤害保障，发生职业伤害事故的，平台企业应当协助劳动者申报，不得拖延。"),
                new Citation("新就业形态人员职业伤害保障办法", "第十二条", "职业伤害确认由人力资源社会保障行政部门作出。"),
            ], ["还有其他问题", "我要提取公积金"], null, false);
        }
        if (text == MarkupTrigger)
        {
            return new Reply(conversationId, MarkupAnswer,
                [new Citation("<b>测试文件</b>", "一", "条文 <img src=x onerror=\"window.__xss=5\"> 结束")],
                ["<img src=x onerror=\"window.__xss=6\">"], null, false);
        }
        return new Reply(conversationId, "您说的是：" + text, [], [], null, false);
    }

    private Reply ContinueForm(string conversationId, string text, string formState)
    {
        var slots = _forms[conversationId];
        if (text is "取消" or "算了")
        {
            _formStates[conversationId] = "cancelled";
            return FormReply(conversationId, "好的，已为您取消本次办理。", "cancelled", []);
        }
        if (formState == "confirming")
        {
            if (text is not ("确认" or "是的" or "对")) return FormReply(conversationId, "请回复“确认”提交，或“取消”放弃办理。", "confirming", []);
            _formStates[conversationId] = "submitted";
            return FormReply(conversationId, $"已为您提交住房公积金提取申请，办件编号 **{Ticket}**。", "submitted", [], Ticket);
        }

        var next = FundSlots.First(s => !slots.ContainsKey(s));
        slots[next] = next == "reason" ? text switch { "租房" => "rent", "购房" => "purchase", _ => text } : text;
        var missing = FundSlots.Where(s => !slots.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            var (question, suggestions) = missing[0] switch
            {
                "reason" => ("请问您提取公积金的**原因**是什么？", new[] { "租房", "购房", "离职" }),
                "amount" => ("请问您要提取**多少金额**（元）？", Array.Empty<string>()),
                _ => ("请提供用于收款的**本人银行卡号**。", Array.Empty<string>()),
            };
            return FormReply(conversationId, question, "collecting", suggestions);
        }
        _formStates[conversationId] = "confirming";
        return FormReply(conversationId, "请核对以下信息，回复“确认”提交：\n- 提取原因：租房\n- 金额：" + slots["amount"] + " 元", "confirming", ["确认", "取消"]);
    }

    private Reply FormReply(string conversationId, string markdown, string state, IReadOnlyList<string> suggestions, string? ticket = null)
    {
        var slots = _forms[conversationId];
        var shown = slots.ToDictionary(p => p.Key, p => p.Key switch
        {
            "id_number" => p.Value[..4] + "**********" + p.Value[^4..],
            "bank_card" => $"{p.Value[..4]} **** **** {p.Value[^4..]}",
            _ => p.Value,
        });
        var missing = state is "collecting" or "confirming" ? FundSlots.Where(s => !slots.ContainsKey(s)).ToList() : [];
        return new Reply(conversationId, markdown, [], suggestions, new TaskSnapshot("fund_withdrawal", state, shown, missing, ticket), false);
    }
}
