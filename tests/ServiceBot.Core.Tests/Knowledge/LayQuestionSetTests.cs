using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceBot.Core.Tests.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Localization;

namespace ServiceBot.Core.Tests.Knowledge;

/// <summary>
/// The lay-question development set (tests/datasets/lay-questions/dev.jsonl) and the slices not yet tuned on (unseen.jsonl):
/// every line is a complete item with an id unique across both, and every label that points into the repository's
/// knowledge/ names a chunk the real ingestion produces. Labels on the laws, which live outside the repository, are
/// checked by the seedqa benchmark instead.
/// </summary>
public sealed partial class LayQuestionSetTests(KnowledgeOnlyFixture knowledge) : IClassFixture<KnowledgeOnlyFixture>
{
    private static readonly string DevSetPath = SetPath("dev.jsonl");

    private static string SetPath(string name) => Path.Combine(KnowledgePaths.RepositoryRoot, "tests", "datasets", "lay-questions", name);

    private static readonly string[] Personas = ["rider", "driver", "courier", "streamer", "family", "trucker", "other"];
    private static readonly string[] Styles = ["plain", "colloquial", "dialect", "typo", "homophone", "long", "double", "followup"];
    private static readonly string[] AnswerableKinds = ["policy", "task_question"];
    private static readonly string[] RefusalKinds = ["refuse_offtopic", "refuse_unknown"];

    private sealed record Label(string Id, string Source, string Section);

    [Theory]
    [InlineData("dev.jsonl")]
    [InlineData("unseen.jsonl")]
    public void Set_EveryLine_IsCompleteItemWithUniqueId(string file)
    {
        var problems = new List<string>();
        // Ids are unique across both files: an unseen slice joins dev.jsonl unchanged when the models are next trained.
        var ids = file == "dev.jsonl" ? new HashSet<string>(StringComparer.Ordinal) : ReadLabelsAndIds(DevSetPath).Ids;
        var lines = File.ReadAllLines(SetPath(file));
        for (var i = 0; i < lines.Length; i++)
        {
            var at = $"line {i + 1}";
            JsonElement item;
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                item = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                problems.Add($"{at}: not JSON ({ex.Message})");
                continue;
            }
            problems.AddRange(Check(item).Select(p => $"{at}: {p}"));
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && !ids.Add(id.GetString()!))
                problems.Add($"{at}: duplicate id {id.GetString()}");
        }

        Assert.True(lines.Length > 0, $"{file} is empty");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("dev.jsonl")]
    [InlineData("unseen.jsonl")]
    public void Set_LabelsOnRepositoryKnowledge_NameChunksTheIngestionProduces(string file)
    {
        var chunks = knowledge.Knowledge.Chunks.Select(c => (c.Title, c.Section)).ToHashSet();
        var repositoryTitles = chunks.Select(c => c.Title).ToHashSet(StringComparer.Ordinal);

        var labels = ReadLabelsAndIds(SetPath(file)).Labels;
        var unknown = labels.Where(l => repositoryTitles.Contains(l.Source) && !chunks.Contains((l.Source, l.Section)))
            .Select(l => $"{l.Id}: 《{l.Source}》{l.Section} is not a chunk of knowledge/").ToList();
        // Anything that is not a repository document must be one of the laws read at run time, never a misspelt guide title.
        var strays = labels.Where(l => !repositoryTitles.Contains(l.Source) && !LawTitle().IsMatch(l.Source))
            .Select(l => $"{l.Id}: 《{l.Source}》 is neither a document in knowledge/ nor a law").ToList();

        Assert.Contains(labels, l => repositoryTitles.Contains(l.Source));
        Assert.True(unknown.Count + strays.Count == 0, string.Join("\n", unknown.Concat(strays)));
    }

    [Fact]
    public void DevSet_Labels_CoverEverySectionOfRepositoryKnowledge()
    {
        var labelled = ReadLabelsAndIds(DevSetPath).Labels.Select(l => (l.Source, l.Section)).ToHashSet();

        // The set holds Chinese lay questions; the English guides are checked by EnglishGuideTests and EnglishAnswerTests.
        var uncovered = knowledge.Knowledge.Chunks.Where(c => KnowledgeLanguage.Of(c) != BotLanguages.English)
            .Select(c => (c.Title, c.Section)).Distinct()
            .Where(c => !labelled.Contains(c)).Select(c => $"《{c.Title}》{c.Section}").ToList();

        Assert.True(uncovered.Count == 0, "no question in dev.jsonl is answered by:\n" + string.Join("\n", uncovered));
    }

    private static (List<Label> Labels, HashSet<string> Ids) ReadLabelsAndIds(string path)
    {
        var labels = new List<Label>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var id = document.RootElement.GetProperty("id").GetString()!;
            ids.Add(id);
            foreach (var expect in document.RootElement.GetProperty("expect").EnumerateArray())
                labels.Add(new Label(id, expect.GetProperty("source").GetString()!, expect.GetProperty("section").GetString()!));
        }
        return (labels, ids);
    }

    private static IEnumerable<string> Check(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            yield return "not an object";
            yield break;
        }
        var id = Text(item, "id");
        if (id is null || !DevId().IsMatch(id)) yield return "id must be dev- and four or five digits";
        if (!Personas.Contains(Text(item, "persona"))) yield return $"persona must be one of {string.Join(", ", Personas)}";
        var style = Text(item, "style");
        if (!Styles.Contains(style)) yield return $"style must be one of {string.Join(", ", Styles)}";
        if (string.IsNullOrWhiteSpace(Text(item, "query"))) yield return "query must be non-empty text";
        if (item.TryGetProperty("batch", out _) && string.IsNullOrWhiteSpace(Text(item, "batch"))) yield return "batch, when present, must be non-empty text";

        if (!item.TryGetProperty("history", out var history) || history.ValueKind != JsonValueKind.Array
            || history.EnumerateArray().Any(h => h.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(h.GetString())))
            yield return "history must be an array of non-empty texts";
        else if (style == "followup" && history.GetArrayLength() == 0)
            yield return "a followup needs the history it leans on";

        if (!item.TryGetProperty("answerable", out var answerable) || answerable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return "answerable must be true or false";
            yield break;
        }
        var kind = Text(item, "kind");
        if (!(answerable.GetBoolean() ? AnswerableKinds : RefusalKinds).Contains(kind))
            yield return $"kind \"{kind}\" does not fit answerable={answerable.GetBoolean()}";

        if (!item.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Array)
        {
            yield return "expect must be an array";
            yield break;
        }
        if (answerable.GetBoolean() != expect.GetArrayLength() > 0)
            yield return "an answerable item needs expect, a refusal must have none";
        if (expect.EnumerateArray().Any(e => string.IsNullOrWhiteSpace(Text(e, "source")) || string.IsNullOrWhiteSpace(Text(e, "section"))))
            yield return "every expect entry needs source and section";
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [GeneratedRegex(@"^dev-\d{4,5}$")]
    private static partial Regex DevId();

    [GeneratedRegex(@"^(中华人民共和国)?\p{IsCJKUnifiedIdeographs}+(法|条例)$")]
    private static partial Regex LawTitle();
}
