using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>Small delegate-backed stand-ins for the assist services, which the desk only consumes.</summary>
internal sealed class DelegateSummarizer(Func<IReadOnlyList<TranscriptLine>, TaskSnapshot?, string> summarize) : IConversationSummarizer
{
    public Task<string> SummarizeAsync(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task, CancellationToken cancellationToken)
        => Task.FromResult(summarize(transcript, task));
}

internal sealed class DelegateReplySuggester(Func<IReadOnlyList<TranscriptLine>, IReadOnlyList<SuggestedReply>> suggest) : IReplySuggester
{
    public Task<IReadOnlyList<SuggestedReply>> SuggestAsync(IReadOnlyList<TranscriptLine> transcript, CancellationToken cancellationToken)
        => Task.FromResult(suggest(transcript));
}

internal sealed class DelegateDraftChecker(Func<string, IReadOnlyList<Citation>, IReadOnlyList<DraftFlag>> check) : IDraftChecker
{
    public Task<IReadOnlyList<DraftFlag>> CheckAsync(string draft, IReadOnlyList<Citation> citations, CancellationToken cancellationToken)
        => Task.FromResult(check(draft, citations));
}

internal sealed class DelegateCallAssistant(Func<CallAssistRequest, CallAssistResult> assist) : ICallAssistant
{
    public List<CallAssistRequest> Requests { get; } = [];

    public Task<CallAssistResult> AssistAsync(CallAssistRequest request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(request);
        return Task.FromResult(assist(request));
    }
}

/// <summary>The behaviour the desk tests give the assist services: plain enough to assert on.</summary>
internal static partial class AssistScript
{
    public static readonly Citation RentClause = new("住房公积金提取管理办法", "一、(一)", "职工连续足额缴存住房公积金满3个月……可以申请提取住房公积金支付房租。");

    public static string Summary(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task)
        => "摘要：" + (transcript.LastOrDefault(l => l.Speaker == Speakers.User)?.Text ?? "无") + (task is null ? "" : "；事项 " + task.Name);

    public static IReadOnlyList<SuggestedReply> Suggest(IReadOnlyList<TranscriptLine> transcript)
        => [new("关于“" + (transcript.LastOrDefault(l => l.Speaker == Speakers.User)?.Text ?? "") + "”，租房满3个月可以提取公积金。", [RentClause])];

    public static IReadOnlyList<DraftFlag> Check(string draft, IReadOnlyList<Citation> citations)
        => FullIdNumber().IsMatch(draft) ? [new DraftFlag(DraftFlagKinds.PersonalData, "包含完整的身份证号", "1304**********4510")] : [];

    public static CallAssistResult Assist(CallAssistRequest request)
    {
        var caller = string.Join(" ", request.Utterances.Where(u => u.Speaker == Speakers.User).Select(u => u.Text));
        var slots = new Dictionary<string, string>();
        if (FullIdNumber().Match(caller) is { Success: true } id) slots["id_number"] = id.Value;
        if (Phone().Match(caller) is { Success: true } phone) slots["phone"] = phone.Value;
        return new CallAssistResult(
            new AssistedTask("wage_complaint", slots, ["employer", "amount", "period"]),
            "来电人反映欠薪",
            [new("您好，欠薪可以向劳动保障监察机构投诉。", [RentClause])]);
    }

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Phone();
}
