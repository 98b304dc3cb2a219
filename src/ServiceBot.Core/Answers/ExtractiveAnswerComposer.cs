using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Answers;

/// <summary>A retrieved clause with its coverage of the question.</summary>
public sealed record GroundedCandidate(RetrievedChunk Retrieved, double Coverage);

/// <summary>
/// The offline engine's answers: quote the best clauses and cite them, or say plainly that the knowledge has
/// no answer. The grounding decision uses <see cref="GroundingScorer"/> coverage, never raw scores.
/// </summary>
public sealed class ExtractiveAnswerComposer(IOptions<AnswerOptions> options)
{
    private readonly AnswerOptions _options = options.Value;

    public ExtractiveAnswerComposer() : this(Microsoft.Extensions.Options.Options.Create(new AnswerOptions()))
    {
    }

    public const string NoAnswerMarkdown =
        "抱歉，知识库中没有找到能回答这个问题的政策或法规依据。\n\n" +
        "如需进一步咨询，您可以拨打 **12345 政务服务便民热线**，或回复“人工客服”转接人工服务。";

    /// <summary>The retrieved candidates with their coverage, in retrieval order.</summary>
    public IReadOnlyList<GroundedCandidate> Candidates(KnowledgeBase knowledge, string question)
    {
        var scorer = new GroundingScorer(knowledge.Lexical);
        var terms = scorer.Terms(question);
        return knowledge.Search(question, _options.Candidates)
            .Select(r => new GroundedCandidate(r, GroundingScorer.Coverage(terms, CoveredText(r.Chunk))))
            .ToList();
    }

    public Answer Compose(KnowledgeBase knowledge, string question)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (string.IsNullOrWhiteSpace(question)) return Refusal();
        var candidates = Candidates(knowledge, question);
        var best = candidates.MaxBy(c => c.Coverage);
        if (best is null || best.Coverage < _options.MinCoverage) return Refusal();

        // Citations keep retrieval order (best first) among the clauses that cover the question nearly as well as
        // the best one; the best-covering clause is always among them.
        var floor = Math.Max(_options.MinCoverage, best.Coverage * _options.CitationCoverageRatio);
        var cited = candidates.Where(c => c.Coverage >= floor).Take(_options.MaxCitations).ToList();
        if (!cited.Contains(best)) cited[^1] = best;

        var scorer = new GroundingScorer(knowledge.Lexical);
        var terms = scorer.Terms(question);
        var markdown = new StringBuilder();
        var lead = cited[0].Retrieved.Chunk;
        markdown.Append("根据").Append(Reference(lead)).AppendLine("：").AppendLine();
        markdown.Append("> ").AppendLine(Quote(lead.Text, terms)).AppendLine();
        markdown.Append('（').Append(Reference(lead));
        if (DateOf(lead) is { } date) markdown.Append('，').Append(date);
        markdown.AppendLine("）");
        if (cited.Count > 1)
        {
            markdown.AppendLine().Append("相关条款：");
            markdown.AppendJoin("；", cited.Skip(1).Select(c => Reference(c.Retrieved.Chunk))).AppendLine("。");
        }
        markdown.AppendLine().Append("以上内容摘自原文，具体办理请以当地主管部门的规定为准。");

        var citations = cited.Select(c => new Citation(c.Retrieved.Chunk.Title, c.Retrieved.Chunk.Section, c.Retrieved.Chunk.Text)).ToList();
        return new Answer(markdown.ToString(), Grounded: true, citations, Handoff: false);
    }

    public static Answer Refusal() => new(NoAnswerMarkdown, Grounded: false, [], Handoff: false);

    private static string CoveredText(KnowledgeChunk chunk) => chunk.Title + "\n" + chunk.HeadingPath + "\n" + chunk.Text;

    private static string Reference(KnowledgeChunk chunk) => $"《{chunk.Title}》{chunk.Section}";

    private static string? DateOf(KnowledgeChunk chunk)
        => chunk.Metadata.TryGetValue(MetadataKeys.Date, out var date) && date.Length > 0 ? date : null;

    /// <summary>
    /// The clause, or for a long one the run of sentences around the sentence that covers the question best,
    /// within the length budget; "……" marks what was left out.
    /// </summary>
    private string Quote(string text, IReadOnlyList<QueryTerm> terms)
    {
        var flat = text.Replace('\n', ' ').Trim();
        if (flat.Length <= _options.QuoteMaxLength) return flat;
        var sentences = ChineseText.SplitSentences(flat);
        if (sentences.Count == 0) return flat[.._options.QuoteMaxLength] + "……";
        var best = Enumerable.Range(0, sentences.Count).MaxBy(i => GroundingScorer.Coverage(terms, sentences[i]));
        int first = best, last = best;
        var length = sentences[best].Length;
        while (true)
        {
            if (last + 1 < sentences.Count && length + sentences[last + 1].Length <= _options.QuoteMaxLength)
                length += sentences[++last].Length;
            else if (first > 0 && length + sentences[first - 1].Length <= _options.QuoteMaxLength)
                length += sentences[--first].Length;
            else break;
        }
        var quote = string.Concat(sentences.Skip(first).Take(last - first + 1)).Trim();
        return (first > 0 ? "……" : "") + quote + (last < sentences.Count - 1 ? "……" : "");
    }
}
