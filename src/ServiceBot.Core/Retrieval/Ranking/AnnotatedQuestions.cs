using System.Text.Json;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>A clause named by citation: the document title and the section label, as the chunker produces them.</summary>
public sealed record CitedClause(string Source, string Section);

/// <summary>One line of an annotated-questions file: a question people asked and the clauses that answer it.</summary>
/// <param name="Id">
/// The development item the line was written from, if any: a measure that leaves an item's own line out finds it by this,
/// whatever wording the line holds.
/// </param>
public sealed record AnnotatedQuestionLine(string Question, IReadOnlyList<CitedClause> Clauses, string? Id = null);

/// <summary>
/// The annotated questions the knowledge ranker's neighbour features read: every clause's linked questions (相似问法, a
/// FAQ's question) and the labelled lay questions shipped as <c>ranking/annotated-questions.jsonl</c> (written by the
/// benchmarks' <c>train-knowledge-ranker</c>). Lines name clauses by citation, so they survive re-chunking; a line naming
/// no indexed clause is skipped.
/// </summary>
public static class AnnotatedQuestions
{
    public const string RelativePath = "ranking/annotated-questions.jsonl";

    // Questions stay readable in the file: they are data to review, and a JSON-lines file is never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <exception cref="InvalidDataException">A line is not an annotated question.</exception>
    public static IReadOnlyList<AnnotatedQuestionLine> Load(string path)
    {
        var lines = new List<AnnotatedQuestionLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            AnnotatedQuestionLine? line;
            try
            {
                line = JsonSerializer.Deserialize<AnnotatedQuestionLine>(text, Json);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{path}:{number}: {error.Message}", error);
            }
            if (line is null || string.IsNullOrWhiteSpace(line.Question) || line.Clauses is null || line.Clauses.Any(c => c is null))
                throw new InvalidDataException($"{path}:{number}: expected {{\"question\": …, \"clauses\": [{{\"source\": …, \"section\": …}}]}}");
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Writes <paramref name="lines"/> as JSON lines (UTF-8, no BOM), in the order given.</summary>
    public static void Save(string path, IEnumerable<AnnotatedQuestionLine> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, lines.Select(l => JsonSerializer.Serialize(l, Json)), new System.Text.UTF8Encoding(false));
    }

    /// <summary>
    /// The lines the options name: none when turned off, the configured file (which must load), or the shipped file, and
    /// none when that is absent.
    /// </summary>
    /// <exception cref="InvalidDataException">The configured or shipped file is missing or malformed.</exception>
    public static IReadOnlyList<AnnotatedQuestionLine> FromOptions(KnowledgeRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseAnnotatedQuestions) return [];
        if (!string.IsNullOrWhiteSpace(options.AnnotatedQuestionsPath))
            return File.Exists(options.AnnotatedQuestionsPath)
                ? Load(options.AnnotatedQuestionsPath)
                : throw new InvalidDataException($"{options.AnnotatedQuestionsPath} does not exist.");
        return Shipped.Value;
    }

    // Loaded once: every composer built with the defaults shares it.
    private static readonly Lazy<IReadOnlyList<AnnotatedQuestionLine>> Shipped = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(path) ? Load(path) : [];
    });

    /// <summary>What <see cref="Absent"/> names as the clause of a question no clause of the knowledge answers.</summary>
    public const string AbsentClause = "";

    /// <summary>
    /// The lines of <paramref name="lines"/> none of whose clauses <paramref name="knowledge"/> holds (laws a deployment does
    /// not index), each naming <see cref="AbsentClause"/>: a question nearest to one of them asks what this knowledge lacks.
    /// </summary>
    public static IEnumerable<AnnotatedQuestion> Absent(KnowledgeBase knowledge, IEnumerable<AnnotatedQuestionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(lines);
        var held = knowledge.Chunks.Select(c => (c.Title, c.Section)).ToHashSet();
        return lines.Where(line => !line.Clauses.Any(c => held.Contains((c.Source, c.Section))))
            .Select(line => new AnnotatedQuestion(line.Question, [AbsentClause]));
    }

    /// <summary>
    /// The clauses' linked questions of <paramref name="knowledge"/>, then <paramref name="lines"/> resolved to its chunks: the
    /// clauses a line names, and the translated sections that rest on them ("Based on:"), so an English question labelled
    /// with a law's article names the article's English text as well.
    /// </summary>
    public static IEnumerable<AnnotatedQuestion> Of(KnowledgeBase knowledge, IEnumerable<AnnotatedQuestionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var chunk in knowledge.Chunks)
            foreach (var question in SimilarQuestionMatcher.LinkedQuestions(chunk))
                yield return new AnnotatedQuestion(question, [chunk.Id]);
        var byCitation = knowledge.Chunks.ToLookup(c => (c.Title, c.Section));
        var translations = knowledge.Chunks
            .Where(c => c.Metadata.ContainsKey(MetadataKeys.TranslationOf))
            .SelectMany(c => ClauseBasis.Of(c.Text).Select(basis => (Basis: (basis.Title, basis.Section), Chunk: c)))
            .ToLookup(x => x.Basis, x => x.Chunk);
        foreach (var line in lines)
        {
            var ids = line.Clauses.SelectMany(c => byCitation[(c.Source, c.Section)].Concat(translations[(c.Source, c.Section)]))
                .Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count > 0) yield return new AnnotatedQuestion(line.Question, ids);
        }
    }
}
