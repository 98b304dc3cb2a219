using System.Text;
using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Assist;

/// <summary>
/// The offline summary: what the user wants (the task and the values given so far, masked, and what is still missing)
/// and, in their own words, what they opened with and what they asked last. Nothing is invented.
/// </summary>
public sealed class ExtractiveConversationSummarizer(TaskCatalog catalog) : IConversationSummarizer
{
    private const int QuoteLength = 60;
    private const int MinSubstantialLength = 8;

    public Task<string> SummarizeAsync(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var userLines = transcript.Where(l => l.Speaker == Speakers.User && !string.IsNullOrWhiteSpace(l.Text)).ToList();
        var summary = new StringBuilder();
        if (task is not null && catalog.Find(task.Name) is { } definition)
        {
            summary.Append("用户要办理“").Append(definition.DisplayName).Append('”');
            var given = definition.Slots.Where(s => task.Slots.ContainsKey(s.Id))
                .Select(s => $"{s.Label}{SlotFormatter.Display(s, task.Slots[s.Id])}").ToList();
            if (given.Count > 0) summary.Append("，已提供：").AppendJoin("；", given);
            var missing = task.Missing.Select(id => definition.Slot(id)?.Label ?? id).ToList();
            summary.Append(missing.Count > 0 ? "；尚缺：" + string.Join("、", missing) : "；信息已齐全").Append('。');
        }
        if (userLines.Count == 0)
        {
            if (summary.Length == 0) summary.Append("用户尚未发言。");
            return Task.FromResult(summary.ToString());
        }
        // 喂 / 你好 open most calls; the first line with some substance says what the call is about.
        var opening = Quote((userLines.FirstOrDefault(l => l.Text.Trim().Length >= MinSubstantialLength) ?? userLines[0]).Text);
        summary.Append("用户说：“").Append(opening).Append("”。");
        if (userLines.Count > 1 && Quote(userLines[^1].Text) is var latest && latest != opening)
            summary.Append("最近一句：“").Append(latest).Append("”。");
        return Task.FromResult(summary.ToString());
    }

    private static string Quote(string text) => TranscriptText.Clip(PersonalData.Mask(text), QuoteLength);
}
