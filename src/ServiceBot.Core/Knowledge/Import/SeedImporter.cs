using System.Globalization;
using System.Text;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>
/// Regenerates the knowledge files that come from the seed text seeds/000_651c2e97b8875df2.txt:
/// one policy opinion followed by Xinhua news items.
/// </summary>
public static class SeedImporter
{
    public const string SeedPath = "seeds/000_651c2e97b8875df2.txt";

    /// <summary>相似问法 for the policy's sections (<see cref="SimilarQuestionsFile"/>), written into the generated policy file.</summary>
    public const string SimilarQuestionsPath = "seeds/similar-questions.md";

    /// <summary>
    /// The news datelines give only "4月26日". The Yiwu story calls the 2026 World Cup upcoming and dates the
    /// sixth-generation market to "去年10月" (October 2024), so the items are from 2025.
    /// </summary>
    public const int InferredNewsYear = 2025;

    // Readable ASCII names chosen per item; unknown items fall back to a dated name.
    private static readonly Dictionary<string, string> FileNamesByTitle = new(StringComparer.Ordinal)
    {
        ["关于加强新就业群体服务管理的意见"] = "policies/new-employment-groups-opinion-2025.md",
        ["敢为人先 与时俱进——感受『义乌发展经验』新脉动"] = "news/yiwu-development-experience-2025-04-26.md",
        ["数智服务推动“高效办成一件事”"] = "news/digital-government-services-2025-04-26.md",
    };

    /// <summary>Converts the seed text into knowledge documents (policy first, then news in source order).</summary>
    /// <param name="similarQuestions">The text of <see cref="SimilarQuestionsPath"/>, or null for none.</param>
    public static IReadOnlyList<ImportedDocument> Convert(string seedText, string? similarQuestions = null)
    {
        var paragraphs = ParagraphRepair.SplitParagraphs(seedText);
        var newsStart = paragraphs.ToList().FindIndex(p => ChineseText.XinhuaDateline().IsMatch(p));
        if (newsStart < 0) newsStart = paragraphs.Count;

        var policyParagraphs = paragraphs.Take(newsStart).ToList();
        var policy = PolicyTextConverter.Convert(policyParagraphs, region: "全国", source: SeedPath,
            similarQuestions is null ? null : SimilarQuestionsFile.Parse(similarQuestions));
        var documents = new List<ImportedDocument> { new(FileNameFor(policy.Title, "policies/policy.md"), policy.Markdown) };

        var news = NewsTextConverter.Convert(paragraphs.Skip(newsStart).ToList(), InferredNewsYear, SeedPath);
        for (var i = 0; i < news.Count; i++)
        {
            var fallback = $"news/xinhua-{news[i].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{i + 1}.md";
            documents.Add(new ImportedDocument(FileNameFor(news[i].Title, fallback), news[i].Markdown));
        }
        return documents;
    }

    /// <summary>Reads the seed below <paramref name="repositoryRoot"/> and (re)writes the files below its knowledge folder.</summary>
    public static IReadOnlyList<string> WriteKnowledgeFiles(string repositoryRoot)
    {
        var seedText = File.ReadAllText(Path.Combine(repositoryRoot, SeedPath), Encoding.UTF8);
        var questionsPath = Path.Combine(repositoryRoot, SimilarQuestionsPath);
        var questions = File.Exists(questionsPath) ? File.ReadAllText(questionsPath, Encoding.UTF8) : null;
        var written = new List<string>();
        foreach (var document in Convert(seedText, questions))
        {
            var path = Path.Combine(repositoryRoot, "knowledge", document.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, document.Markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }
        return written;
    }

    private static string FileNameFor(string title, string fallback)
        => FileNamesByTitle.TryGetValue(title, out var name) ? name : fallback;
}
