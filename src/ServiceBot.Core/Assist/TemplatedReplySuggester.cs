using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Text;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Assist;

/// <summary>
/// The offline suggestions, built from the bot's own answerer and task forms: a direct answer quoting the clause that
/// best covers the user's latest message; a request for the first value the recognised task still lacks; and an offer
/// to register the task (or, with no task, to follow up through 12345). Each cites the clauses it rests on.
/// </summary>
public sealed class TemplatedReplySuggester(
    Func<CancellationToken, Task<KnowledgeBase>> knowledge,
    ExtractiveAnswerComposer composer,
    TranscriptTaskReader reader) : IReplySuggester
{
    private const int MaxSentenceLength = 120;

    public TemplatedReplySuggester(KnowledgeBaseProvider knowledge, ExtractiveAnswerComposer composer, TranscriptTaskReader reader)
        : this(knowledge.GetAsync, composer, reader)
    {
    }

    public async Task<IReadOnlyList<SuggestedReply>> SuggestAsync(IReadOnlyList<TranscriptLine> transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (TranscriptText.LatestUserLine(transcript) is not { } latest) return [];
        var kb = await knowledge(cancellationToken);
        var reading = reader.Read(transcript, latest.At);
        var replies = new List<SuggestedReply>();

        // Numbers the user read out only dilute retrieval.
        var question = PersonalData.Remove(latest.Text);
        var answer = composer.Compose(kb, question);
        if (answer.Grounded)
        {
            var lead = answer.Citations[0];
            replies.Add(new SuggestedReply($"您好，根据《{lead.Source}》{lead.Section}：{BestSentence(kb, lead.Text, question)}", [lead]));
        }

        if (reading.Task is { } task)
        {
            var guide = TaskClauses(kb, task);
            if (reading.Missing.Count > 0 && task.Slot(reading.Missing[0]) is { } slot)
                replies.Add(new SuggestedReply($"为了给您登记{task.DisplayName}，{Plain(slot.Question)}", guide));
            replies.Add(new SuggestedReply(reading.Missing.Count == 0
                ? $"您的{task.DisplayName}信息已经齐全，我跟您逐项核对后为您提交，提交后会告诉您办件编号，之后可以拨打12345查询办理进度。"
                : $"我可以现在就帮您登记{task.DisplayName}，信息核对无误后提交，提交后会告诉您办件编号，之后可以拨打12345查询办理进度。", guide));
        }
        else
        {
            if (!answer.Grounded)
                replies.Add(new SuggestedReply("这个问题我需要进一步核实政策依据，核实后尽快给您答复。", []));
            replies.Add(new SuggestedReply("您反映的情况我已经记录下来，需要的话我现在帮您登记12345诉求，由相关部门跟进办理并回复您。",
                TaskClauses(kb, reader.Catalog.Find(IntentNames.HotlineAppeal))));
        }
        return [.. replies.Take(3)];
    }

    /// <summary>The clauses about the task itself (its guide), when the knowledge has them.</summary>
    private IReadOnlyList<Citation> TaskClauses(KnowledgeBase kb, TaskDefinition? task)
    {
        if (task is null) return [];
        var answer = composer.Compose(kb, task.DisplayName + "怎么办理");
        return answer.Grounded ? [answer.Citations[0]] : [];
    }

    /// <summary>The sentence of the clause that covers the message best, so the reply answers rather than recites.</summary>
    private static string BestSentence(KnowledgeBase kb, string clause, string message)
    {
        var sentences = ChineseText.SplitSentences(clause.Replace('\n', ' ')).Where(s => s.Trim().Length > 0).ToList();
        if (sentences.Count == 0) return TranscriptText.Clip(clause, MaxSentenceLength);
        var terms = new GroundingScorer(kb.Lexical).Terms(message);
        var best = sentences.MaxBy(s => GroundingScorer.Coverage(terms, s))!;
        return TranscriptText.Clip(best, MaxSentenceLength);
    }

    /// <summary>A form question without its Markdown emphasis.</summary>
    private static string Plain(string question) => question.Replace("**", "", StringComparison.Ordinal);
}
