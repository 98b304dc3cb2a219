using System.Text.RegularExpressions;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>
/// The STARD pool (articles plus LawRefBook distractors) grown to <c>scale</c> times its size with near-duplicates:
/// copy k of an article has the id <c>{id}#k</c>, the same law title and article number, and its text rotated, as
/// amended laws and local rules that copy national text look. Judgements keep pointing to the originals.
/// </summary>
public static partial class ScaledPool
{
    private const string CorpusFile = "corpus.jsonl";
    private const string DistractorFile = "corpus_distractors_lawrefbook.jsonl";

    /// <summary>Streams the originals, then every copy 1, every copy 2, …: the order an ingest of the copies would see them in.</summary>
    public static IEnumerable<IndexDocument> Read(string stardDirectory, int scale)
    {
        for (var copy = 0; copy < scale; copy++)
            foreach (var file in new[] { CorpusFile, DistractorFile })
                foreach (var original in JsonlCorpusReader.Read(Path.Combine(stardDirectory, file)))
                    yield return copy == 0 ? original : Copy(original, copy);
    }

    public static IndexDocument Copy(IndexDocument original, int copy) =>
        original with { Id = $"{original.Id}#{copy}", Text = Rotate(original.Text, copy) };

    /// <summary>
    /// Sentences rotated by <paramref name="steps"/>; a one-sentence text (or a rotation that comes full circle)
    /// has its first <paramref name="steps"/> characters moved to the end instead, so no copy equals its original.
    /// </summary>
    public static string Rotate(string text, int steps)
    {
        var sentences = SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0).ToArray();
        var shift = sentences.Length >= 2 ? steps % sentences.Length : 0;
        if (shift != 0) return string.Concat(sentences[shift..]) + string.Concat(sentences[..shift]);
        var trimmed = text.Trim();
        var moved = Math.Min(steps, Math.Max(0, trimmed.Length - 1));
        return trimmed[moved..] + trimmed[..moved];
    }

    /// <summary>The judged dev queries, the first <paramref name="limit"/> of them when given.</summary>
    public static List<EvaluationQuery> Queries(string stardDirectory, int? limit) =>
        QueryFileReader.Read(Path.Combine(stardDirectory, StardBenchmark.DevFile))
            .Where(RetrievalMetrics.IsJudged)
            .Take(limit ?? int.MaxValue)
            .ToList();

    // Split after a sentence or clause end, keeping it with its sentence.
    [GeneratedRegex(@"(?<=[。；！？\n])")]
    private static partial Regex SentenceEnd();
}
