using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Understanding.Intents;

/// <summary>
/// The words a chat message must name before it can open a task (<c>knowledge/lexicons/task-anchors.txt</c>). The router
/// learns the shape of a request as much as its subject, so "北京朝阳区的劳动仲裁院在哪" reads like a station look-up and
/// "老公赌博欠了十几万" like a wage complaint; neither names what the task is about, so neither may open its form. The
/// message is then answered or refused from the knowledge like any question. A handoff and a greeting are held back the
/// same way: 厂里……能不能找个人兼着干 reads like 叫个人来 and 在你这儿说一下就能直接登记吗 like 在吗, yet neither asks for a
/// person or says hello. A task without anchors is never held back.
/// A call transcript is read without them: a caller's lines add up to the task (头磕破了 … 卸货的时候), none need name it.
/// </summary>
public sealed class TaskAnchors
{
    // Per task, groups of anchors: the message names one anchor of every group.
    private readonly IReadOnlyDictionary<string, string[][]> _anchorsByTask;

    private TaskAnchors(IReadOnlyDictionary<string, string[][]> anchorsByTask) => _anchorsByTask = anchorsByTask;

    /// <summary>No task held back.</summary>
    public static TaskAnchors None { get; } = new(new Dictionary<string, string[][]>(StringComparer.Ordinal));

    /// <summary>The embedded anchors.</summary>
    public static TaskAnchors LoadDefault() => Parse(UnderstandingData.ReadLexicon("task-anchors.txt"));

    /// <summary>
    /// Lines "task: anchor, anchor". A Chinese anchor matches anywhere in the normalised message; an English one as whole
    /// words or an inflection of them (<see cref="EnglishWords"/>: rest is not restaurant). A task on several lines needs
    /// an anchor of each: what the task is about (工资) and what went wrong with it (拖欠, 没发), so 工资给涨三百 tells of
    /// wages without asking to complain.
    /// </summary>
    public static TaskAnchors Parse(string text)
    {
        var groups = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var (line, number) in UnderstandingData.ContentLines(text))
        {
            var (task, written) = AliasLexicon.SplitEntry(line);
            var anchors = written.Select(TextNormalizer.Normalize).Where(a => a.Length > 0).ToArray();
            if (task.Length == 0 || anchors.Length == 0)
                throw new FormatException($"task anchors, line {number}: expected \"task: anchor, anchor\".");
            if (!groups.TryGetValue(task, out var list)) groups[task] = list = [];
            list.Add(anchors);
        }
        return new TaskAnchors(groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The tasks that have anchors.</summary>
    public IEnumerable<string> Tasks => _anchorsByTask.Keys;

    /// <summary>
    /// <paramref name="prediction"/> for <paramref name="text"/> with the share of every task it does not name dropped, ranked
    /// again, and its topic kept only when named: a task question about no named task is a question.
    /// </summary>
    /// <param name="message">
    /// The whole message when <paramref name="text"/> is only what it asks (its focus). A task question keeps its topic when
    /// the question names what the task is about (the first line) and the message names the rest anywhere, since a story
    /// tells the move (准备把社保关系转过来 … 这段时间的医药费还能报吗 asks about the transfer without naming it again). Opening
    /// the task still needs the question itself to name it all: 不给工资清单 … 他们是不是应该给我一张单子 complains of nothing.
    /// </param>
    public IntentPrediction Apply(IntentPrediction prediction, string text, string? message = null)
    {
        if (_anchorsByTask.Count == 0) return prediction;
        var normalized = TextNormalizer.Normalize(text);
        // An errand (帮我写条朋友圈说公积金提出来了, 帮我叫个跑腿去驿站取充电宝) names a task's word, but asks for something else.
        var errand = ErrandRequest.AsksForAnotherService(normalized);
        var unnamed = _anchorsByTask.Keys.Where(task => errand || !Names(normalized, normalized, task)).ToHashSet(StringComparer.Ordinal);
        var context = message is null ? null : TextNormalizer.Normalize(message);
        var noTopic = context is null || context == normalized
            ? unnamed
            : _anchorsByTask.Keys.Where(task => errand || !Names(normalized, context, task)).ToHashSet(StringComparer.Ordinal);
        if (!prediction.Ranked.Any(r => unnamed.Contains(r.Intent)) && (prediction.Topic is null || !noTopic.Contains(prediction.Topic)))
            return prediction;
        var ranked = prediction.Ranked.Select(r => (r.Intent, Score: unnamed.Contains(r.Intent) ? 0 : r.Score))
            .OrderByDescending(r => r.Score).ToList();
        var best = ranked[0];
        var topic = best.Intent == IntentNames.TaskQuestion ? (prediction.Topic is { } named && !noTopic.Contains(named) ? named : null)
            : IntentNames.IsTask(best.Intent) ? best.Intent : null;
        return new IntentPrediction(best.Intent, best.Score, ranked, topic);
    }

    /// <summary>Whether <paramref name="text"/> may open <paramref name="task"/>: it names one of its anchors, or the task has none.</summary>
    public bool Allows(string task, string text)
        => !_anchorsByTask.ContainsKey(task) || TextNormalizer.Normalize(text) is var normalized && Names(normalized, normalized, task);

    /// <summary>The first group named in the question, every other group in the question or its message.</summary>
    private bool Names(string question, string message, string task)
    {
        var groups = _anchorsByTask[task];
        return NamesOneOf(question, groups[0]) && groups.Skip(1).All(group => NamesOneOf(question, group) || NamesOneOf(message, group));
    }

    private static bool NamesOneOf(string normalized, string[] group)
        => group.Any(anchor => char.IsAsciiLetter(anchor[0])
            ? EnglishWords.Contains(normalized, anchor)
            : normalized.Contains(anchor, StringComparison.Ordinal));
}
