using System.Text;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Curated;

namespace ServiceBot.Answers;

public sealed partial class ExtractiveAnswerComposer
{
    private const string CuratedDisclaimer = "以上答复由工作人员依据所列条款整理，具体办理请以当地主管部门的规定为准。";

    /// <summary>
    /// A curated answer (<see cref="CuratedAnswerFile"/>) for the question: when the best 相似问法 match of all the knowledge
    /// (<see cref="AnswerOptions.MinQuestionMatch"/> at least) is one of an entry's questions, the reply is the editor's text,
    /// citing the clauses the entry names with their standing today. The entry itself is never a citation. Cited clauses that
    /// are gone from the knowledge, or no longer in force for a question that is not about the old policy, are left out; an
    /// entry with none left does not answer, and the question is answered as if it did not exist.
    /// </summary>
    private Answer? Curated(KnowledgeBase knowledge, Analysis analysis)
    {
        if (knowledge.CuratedAnswers.Count == 0) return null;
        var matches = analysis.Matches(knowledge)
            .Where(m => analysis.Speaks(m.Chunk))
            .ToList();
        if (matches.Count == 0 || matches[0].Match < _options.MinQuestionMatch) return null;
        // An editor's answer wins a tie with a clause taught the same question.
        var best = matches.TakeWhile(m => m.Match >= matches[0].Match).FirstOrDefault(m => CuratedAnswerFile.IsCurated(m.Chunk));
        if (best.Chunk is null) return null;
        var cited = CuratedAnswerFile.CitationsOf(best.Chunk)
            .Select(c => knowledge.Chunks.FirstOrDefault(k => k.Title == c.Source && k.Section == c.Section && !CuratedAnswerFile.IsCurated(k)))
            .OfType<KnowledgeChunk>()
            .Where(c => knowledge.IsCitable(c, analysis.AboutOldPolicy))
            .DistinctBy(c => c.Id)
            .ToList();
        if (cited.Count == 0) return null;

        var markdown = new StringBuilder();
        foreach (var line in CuratedAnswerFile.Lines(best.Chunk.Text)) markdown.AppendLine(line).AppendLine();
        markdown.Append("依据：").AppendJoin("；", cited.Select(c => Reference(c) + knowledge.ValidityOf(c).Mark)).AppendLine("。").AppendLine();
        markdown.Append(CuratedDisclaimer);
        return new Answer(markdown.ToString(), Grounded: true, cited.Select(c => Citation.Of(c, knowledge)).ToList(), Handoff: false) { Curated = true };
    }
}
