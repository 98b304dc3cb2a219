using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Knowledge;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>A clause that answers a lay question: the citation's source (document title) and section, exactly as indexed.</summary>
public sealed record ExpectedClause(string Source, string Section);

/// <summary>
/// One line of a lay-question set (tests/datasets/lay-questions/*.jsonl). <see cref="Batch"/> names a slice written later
/// than the first items, so its first-sight figures can be read apart from the rest.
/// </summary>
public sealed record LayQuestion(
    string Id,
    string Persona,
    string Style,
    IReadOnlyList<string> History,
    string Query,
    bool Answerable,
    IReadOnlyList<ExpectedClause> Expect,
    string Kind,
    string? Batch = null)
{
    /// <summary>The batch name of a coverage slice: questions written one per clause no earlier item named.</summary>
    public const string CoverageBatchPrefix = "coverage-";

    /// <summary>
    /// Whether the item belongs to a coverage slice: it teaches how people ask about a clause nobody had asked about, and is
    /// no sample of the mix users send.
    /// </summary>
    [JsonIgnore]
    public bool IsCoverage => Batch?.StartsWith(CoverageBatchPrefix, StringComparison.Ordinal) ?? false;

    public bool Hits(IEnumerable<(string Source, string Section)> citations)
        => citations.Any(c => Expect.Any(e => e.Source == c.Source && e.Section == c.Section));
}

/// <summary>Reads a lay-question set, rejecting malformed lines with their line number.</summary>
public static class LayQuestionSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="InvalidDataException">A line is not a complete item, or an id repeats.</exception>
    public static IReadOnlyList<LayQuestion> Load(string path)
    {
        var questions = new List<LayQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            LayQuestion? question;
            try
            {
                question = JsonSerializer.Deserialize<LayQuestion>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}", ex);
            }
            if (question is null || string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Query)
                || question.History is null || question.Expect is null || string.IsNullOrWhiteSpace(question.Kind)
                || string.IsNullOrWhiteSpace(question.Style))
                throw new InvalidDataException($"{path}:{number}: id, style, kind, history, query and expect are required");
            if (question.Answerable != (question.Expect.Count > 0))
                throw new InvalidDataException($"{path}:{number}: an answerable item needs expect, a refusal must have none");
            if (!ids.Add(question.Id)) throw new InvalidDataException($"{path}:{number}: duplicate id {question.Id}");
            questions.Add(question);
        }
        return questions;
    }

    /// <summary>
    /// The questions as a deployment indexing <paramref name="knowledge"/> alone must treat them: an answerable question none of
    /// whose expected clauses is indexed (one only the laws answer, on the service's defaults) must be refused.
    /// </summary>
    public static IReadOnlyList<LayQuestion> AbsentAnswersMustRefuse(IReadOnlyList<LayQuestion> questions, KnowledgeBase knowledge)
    {
        var clauses = knowledge.Chunks.Select(c => (c.Title, c.Section)).ToHashSet();
        return [.. questions.Select(q => q.Answerable && !q.Expect.Any(e => clauses.Contains((e.Source, e.Section)))
            ? q with { Answerable = false, Expect = [], Kind = "refuse_unknown" } : q)];
    }
}
