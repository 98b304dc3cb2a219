using ServiceBot.Answers.Refusal;
using ServiceBot.Knowledge;
using ServiceBot.Localization;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>
/// English questions the English guides do not answer, read in the documents' Chinese words (<see cref="EnglishBridge"/>)
/// and answered from the Chinese clauses with the same ranking and refusal decision as a Chinese question, at the English
/// threshold: an English question the English reading refused is not answered by a lower bar in Chinese. The reply stays
/// in English: the English section that rests on the clause when there is one, otherwise the Chinese clause quoted under
/// an English note that no English text of it exists.
/// </summary>
public sealed partial class ExtractiveAnswerComposer
{
    private const string EnglishNoteOnChineseClause =
        "No English text of this rule is available here; the answer is in the Chinese clause quoted below.";

    private Answer Bridged(KnowledgeBase knowledge, Analysis english, Answer answer, string? task)
    {
        if (answer.Grounded || answer.Curated) return answer;
        if (EnglishBridge.Default.Translate(english.Question) is not { IsReadable: true } bridged) return answer;
        var chinese = Analyse(knowledge, bridged.Text, BotLanguages.Chinese) with { AskedInEnglish = true };
        var inChinese = task is null ? AnswerOrRefuse(knowledge, Candidates(knowledge, chinese), chinese) : ComposeForTask(knowledge, chinese, task);
        if (!inChinese.Grounded || inChinese.Citations.Count == 0) return answer;
        return InEnglish(knowledge, inChinese, english, TaskGuideSections.AskedFor(english.Question), answer);
    }

    /// <summary>The Chinese answer told in English: the English section resting on its lead clause, or the clause itself under an English note.</summary>
    /// <param name="englishRefusal">The English reading's own refusal, with the topics it came near, kept when the English section does not answer.</param>
    private Answer InEnglish(KnowledgeBase knowledge, Answer inChinese, Analysis english, string? askedSection, Answer englishRefusal)
    {
        var lead = inChinese.Citations[0];
        var mirror = knowledge.Chunks
            .Where(c => english.Speaks(c) && ClauseBasis.Of(c.Text).Any(r => r.Title == lead.Source && r.Section == lead.Section))
            .OrderByDescending(c => c.Section == TaskGuideSections.EnglishName(lead.Section))
            .FirstOrDefault();
        // The English section says what the Chinese clause does: a kind of fact it does not state (which floor, how many
        // riders) is unanswered in either language, however well the Chinese reading matched the clause.
        if (mirror is not null && RefusalModel.AsksWhatClauseDoesNotState(english.Question, CoveredText(mirror))) return englishRefusal;
        if (mirror is not null)
            return RenderEnglish(knowledge, new GroundedCandidate(new RetrievedChunk(mirror, 0, 0), 1), english, askedSection) with { Decision = inChinese.Decision };
        var body = inChinese.Markdown.Replace(Disclaimer, "", StringComparison.Ordinal).TrimEnd();
        var markdown = $"{EnglishNoteOnChineseClause}\n\n{body}\n\n{EnglishDisclaimer}";
        return inChinese with { Markdown = markdown };
    }
}
