using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Answers;

/// <summary>
/// Answers to English questions, from the English guides (knowledge/guides/en). The answer quotes the English section and
/// cites the Chinese clauses it rests on (<see cref="ClauseBasis"/>) as well, with their Chinese text, so what the answer
/// says can be checked against the original.
/// </summary>
public sealed partial class ExtractiveAnswerComposer
{
    public const string EnglishOutOfScopeMarkdown =
        "Sorry, this question is outside what I can help with. I answer questions about government services, such as the " +
        "housing provident fund, social insurance, work injuries, unpaid wages and registering a foreign-invested company, " +
        "and I can handle these matters with you in the chat.\n\n" + EnglishHelpLine;

    private const string EnglishHelpLine =
        "For other questions, call the **12345 government service hotline**, or reply \"human agent\" to talk to a person.";

    private const string EnglishDisclaimer =
        "The text above is quoted from the guide; the rules of the local authority prevail for your case.";

    private const string EnglishTranslationDisclaimer =
        "The text above is an unofficial English translation; the Chinese text it cites is the authoritative one.";

    /// <param name="related">Further English sections to cite after the lead and its Chinese clauses, as a Chinese answer cites further clauses.</param>
    private Answer RenderEnglish(KnowledgeBase knowledge, GroundedCandidate lead, Analysis analysis, string? askedSection,
        IReadOnlyList<KnowledgeChunk>? related = null)
    {
        related ??= [];
        var chunk = lead.Retrieved.Chunk;
        var text = ClauseBasis.WithoutBasis(chunk.Text);
        var basis = ClauseBasis.Of(chunk.Text);
        var sentences = EnglishSentences(text);
        var fromStart = TaskGuideSections.IsSection(chunk.Section, askedSection);

        var markdown = new StringBuilder();
        if (sentences.Count > 1)
        {
            var best = fromStart ? 0 : Enumerable.Range(0, sentences.Count).MaxBy(i => GroundingScorer.Coverage(analysis.Terms, sentences[i]));
            markdown.AppendLine(StripListMarker(sentences[best])).AppendLine();
        }
        markdown.Append("> ").AppendLine(EnglishQuote(text, sentences, analysis.Terms).Replace("\n", "\n> ")).AppendLine();
        markdown.Append('(').Append(chunk.Title).Append(", ").Append(EnglishSectionLabel(chunk.Section));
        if (chunk.Metadata.GetValueOrDefault(MetadataKeys.Date) is { Length: > 0 } date) markdown.Append(", ").Append(date);
        markdown.AppendLine(")");
        if (basis.Count > 0)
            markdown.AppendLine().Append("Chinese source: ").AppendJoin("; ", basis.Select(b => $"《{b.Title}》{b.Section}")).AppendLine();
        // The lead's guide is named once: its other sections go by their heading alone.
        if (related.Count > 0)
            markdown.AppendLine().Append("Related sections: ")
                .AppendJoin("; ", related.Select(c => c.DocumentId == chunk.DocumentId ? EnglishSectionLabel(c.Section) : $"{c.Title}, {EnglishSectionLabel(c.Section)}"))
                .AppendLine(".");
        markdown.AppendLine().Append(IsTranslation(chunk) ? EnglishTranslationDisclaimer : EnglishDisclaimer);

        // The English section, then the Chinese clauses it rests on that the knowledge holds (a law may be configured out),
        // then the clauses the related sections rest on, and the related English sections last: a reader checking the
        // answer against the original finds the Chinese clauses first.
        var citations = new List<Citation> { Citation.Of(chunk, knowledge) with { Text = text } };
        citations.AddRange(ClauseBasis.Resolve(knowledge, chunk).Select(c => Citation.Of(c, knowledge)));
        citations.AddRange(related.SelectMany(c => ClauseBasis.Resolve(knowledge, c)).Select(c => Citation.Of(c, knowledge)));
        citations.AddRange(related.Select(c => Citation.Of(c, knowledge) with { Text = ClauseBasis.WithoutBasis(c.Text) }));
        // Every piece of a named clause is cited, as one citation: a long news section is stored in several chunks.
        return new Answer(markdown.ToString(), Grounded: true, MergePieces(citations), Handoff: false);
    }

    /// <summary>One citation a section, in the order first cited, its pieces' texts joined in order, each piece once.</summary>
    private static List<Citation> MergePieces(IEnumerable<Citation> citations)
        => citations
            .GroupBy(c => (c.Source, c.Section))
            .Select(pieces => pieces.First() with { Text = string.Join("\n", pieces.Select(p => p.Text).Distinct(StringComparer.Ordinal)) })
            .ToList();

    /// <summary>An English law or policy text translated from the Chinese original, rather than a guide written in English.</summary>
    private static bool IsTranslation(KnowledgeChunk chunk)
        => chunk.Metadata.ContainsKey(MetadataKeys.TranslationOf) && chunk.Metadata.GetValueOrDefault(MetadataKeys.Type) != DocumentTypes.Guide;

    /// <summary>A section's heading as an English reader sees it: a guide's untitled opening part is its overview.</summary>
    private static string EnglishSectionLabel(string section) => section == HeadingChunking.OverviewSection ? "Overview" : section;

    /// <summary>An English refusal offers the nearest English topics when the question touched one, otherwise says what the service covers.</summary>
    private Answer EnglishRefusal(IReadOnlyList<GroundedCandidate> candidates)
    {
        var topics = candidates
            .Where(c => c.Coverage >= _options.MinDomainCoverage)
            .Select(c => EnglishTopicOf(c.Retrieved.Chunk))
            .Distinct(StringComparer.Ordinal)
            .Take(_options.RefusalTopics)
            .ToList();
        if (topics.Count == 0) return new Answer(EnglishOutOfScopeMarkdown, Grounded: false, [], Handoff: false) { OutOfScope = true };
        var markdown = new StringBuilder("Sorry, I could not find a policy or guide that answers this question directly.\n\n")
            .Append("Related questions I can answer: ").AppendJoin("; ", topics).Append(". Tap one below to learn more.\n\n")
            .Append(EnglishHelpLine);
        return new Answer(markdown.ToString(), Grounded: false, [], Handoff: false) { Suggestions = topics };
    }

    /// <summary>A question a user could send about <paramref name="chunk"/>: its FAQ question, its first taught question, or its section and title.</summary>
    private static string EnglishTopicOf(KnowledgeChunk chunk)
    {
        if (chunk.Section.EndsWith('?')) return chunk.Section;
        if (chunk.SimilarQuestions.Count > 0) return chunk.SimilarQuestions[0];
        return $"{EnglishSectionLabel(chunk.Section)} ({chunk.Title})";
    }

    /// <summary>The section, or for a long one the run of sentences around the one covering the question best.</summary>
    private string EnglishQuote(string text, IReadOnlyList<string> sentences, IReadOnlyList<QueryTerm> terms)
    {
        var budget = _options.QuoteMaxLength * Localization.BotLanguages.EnglishLengthFactor;
        if (text.Length <= budget || sentences.Count <= 1) return text;
        var best = Enumerable.Range(0, sentences.Count).MaxBy(i => GroundingScorer.Coverage(terms, sentences[i]));
        int first = best, last = best;
        var length = sentences[best].Length;
        while (true)
        {
            if (last + 1 < sentences.Count && length + sentences[last + 1].Length <= budget) length += sentences[++last].Length + 1;
            else if (first > 0 && length + sentences[first - 1].Length <= budget) length += sentences[--first].Length + 1;
            else break;
        }
        var quote = string.Join(' ', sentences.Skip(first).Take(last - first + 1));
        return (first > 0 ? "… " : "") + quote + (last < sentences.Count - 1 ? " …" : "");
    }

    /// <summary>Sentences of English text: a break after . ! ? before a capital or digit, and every line (list items) on its own.</summary>
    private static List<string> EnglishSentences(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => SentenceBreak().Split(line))
            .Where(s => s.Length > 0)
            .ToList();

    private static string StripListMarker(string sentence) => ListMarker().Replace(sentence, "");

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""“])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+|\d+[.)]\s*)")]
    private static partial Regex ListMarker();
}
