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

    /// <summary>The retrieved candidates, best-covering first; equal coverage keeps retrieval order.</summary>
    public IReadOnlyList<GroundedCandidate> Candidates(KnowledgeBase knowledge, string question)
        => Candidates(knowledge, new GroundingScorer(knowledge.Lexical, (float)_options.DomainWordWeight).Terms(question), question);

    private List<GroundedCandidate> Candidates(KnowledgeBase knowledge, IReadOnlyList<QueryTerm> terms, string question)
        => knowledge.Search(question, _options.Candidates)
            .Select(r => new GroundedCandidate(r, GroundingScorer.Coverage(terms, CoveredText(r.Chunk))))
            .OrderByDescending(c => c.Coverage).ThenBy(c => c.Retrieved.Rank)
            .ToList();

    /// <summary>
    /// The grounding rule: the best clause answers the question when it covers most of it
    /// (<see cref="AnswerOptions.MinCoverage"/>), or when the question uses a word of the domain dictionary
    /// (骑手, 公积金, 工伤 …) and the clause covers a fair part of it (<see cref="AnswerOptions.MinDomainCoverage"/>).
    /// The second arm admits lay questions whose wording the statutes never use ("骑手落下职业病"); questions about
    /// things the knowledge never mentions (weather, recipes, flights) have no domain word and match only
    /// incidental words, staying below the first threshold.
    /// </summary>
    public bool IsGrounded(double coverage, bool questionInDomain)
        => coverage >= _options.MinCoverage || (questionInDomain && coverage >= _options.MinDomainCoverage);

    public Answer Compose(KnowledgeBase knowledge, string question)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (string.IsNullOrWhiteSpace(question)) return Refusal();
        var terms = new GroundingScorer(knowledge.Lexical, (float)_options.DomainWordWeight).Terms(question);
        var candidates = Candidates(knowledge, terms, question);
        var inDomain = terms.Any(t => t.IsDomain);
        if (candidates.Count == 0 || !IsGrounded(candidates[0].Coverage, inDomain)) return Refusal();

        // Further citations must themselves be grounded and cover nearly as much as the best one.
        var floor = candidates[0].Coverage * _options.CitationCoverageRatio;
        var cited = candidates.Where(c => IsGrounded(c.Coverage, inDomain) && c.Coverage >= floor).Take(_options.MaxCitations).ToList();

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
