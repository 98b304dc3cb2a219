using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>
/// The 相似问法 editors attach from the review queue: one linked-question file (<see cref="LinkedQuestionsFile"/>) in the
/// admin knowledge folder, <c>questions/review.txt</c>, which ingestion reads like the maintained ones on the next re-index.
/// </summary>
public sealed class ReviewedQuestions(IOptions<AdminOptions> options)
{
    public const string FileName = "review" + LinkedQuestionsFile.Extension;

    private readonly Lock _writes = new();

    public string FilePath => Path.Combine(options.Value.KnowledgeFullPath, LinkedQuestionsFile.FolderName, FileName);

    /// <summary>Adds <paramref name="question"/> under the section; returns the section's questions before and after.</summary>
    public (IReadOnlyList<string> Before, IReadOnlyList<string> After) Attach(LinkedSection section, string question)
    {
        lock (_writes)
        {
            var sections = File.Exists(FilePath)
                ? LinkedQuestionsFile.Parse(File.ReadAllText(FilePath, Encoding.UTF8)).ToList()
                : [];
            var index = sections.FindIndex(s => s.Key == section);
            var before = index < 0 ? [] : sections[index].Value;
            if (before.Contains(question, StringComparer.Ordinal)) return (before, before);
            IReadOnlyList<string> after = [.. before, question];
            var entry = new KeyValuePair<LinkedSection, IReadOnlyList<string>>(section, after);
            if (index < 0) sections.Add(entry);
            else sections[index] = entry;
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var text = LinkedQuestionsFile.Format(sections);
            IndexFiles.WriteAtomically(FilePath, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
            return (before, after);
        }
    }
}
