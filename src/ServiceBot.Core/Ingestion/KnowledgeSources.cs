using System.Security.Cryptography;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Dictionary;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Ingestion;

/// <summary>A Markdown file found under a knowledge folder.</summary>
public sealed record SourceFile(string Path, string Root);

/// <summary>The merged domain dictionary of all knowledge folders, the hash of its files, and any file that failed to parse.</summary>
public sealed record MergedDictionary(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> SynonymGroups, string Hash, IReadOnlyList<FailedFile> Failures)
{
    public IReadOnlyList<LayExpansion> LayExpansions { get; init; } = [];

    /// <summary>Expansions of the generated mined-lay-terms.txt, searched at their own lower weight.</summary>
    public IReadOnlyList<LayExpansion> MinedLayExpansions { get; init; } = [];

    public IReadOnlyList<ContextualCorrection> Homophones { get; init; } = [];
}

/// <summary>The 相似问法 of every knowledge folder's questions/ side files, the hash of those files, and any file that failed to parse.</summary>
public sealed record MergedLinkedQuestions(IReadOnlyDictionary<LinkedSection, IReadOnlyList<string>> Questions, string Hash, IReadOnlyList<FailedFile> Failures)
{
    /// <summary>The questions linked to <paramref name="title"/>'s <paramref name="section"/>; empty when none.</summary>
    public IReadOnlyList<string> For(string title, string section)
        => Questions.TryGetValue(new LinkedSection(title, section), out var questions) ? questions : [];
}

/// <summary>Finds the inputs of ingestion under the knowledge folders.</summary>
public static class KnowledgeSources
{
    public const string DictionaryFolder = "dictionary";

    /// <summary>Every *.md below each root except README.md, in a stable order; a missing root contributes nothing.</summary>
    public static IReadOnlyList<SourceFile> Discover(IEnumerable<string> roots)
        => roots.Select(r => Path.GetFullPath(r)).Distinct(StringComparer.Ordinal).Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(f, root)))
            .ToList();

    /// <summary>
    /// Loads terms.txt, synonyms.txt, lay-terms.txt, mined-lay-terms.txt and homophones.txt from the dictionary/ subfolder of each root. A malformed file is reported
    /// and left out; its bytes still enter the hash, so fixing it triggers a rebuild.
    /// </summary>
    public static MergedDictionary LoadDictionary(IEnumerable<string> roots)
    {
        var words = new List<string>();
        var groups = new List<IReadOnlyList<string>>();
        var layExpansions = new List<LayExpansion>();
        var minedExpansions = new List<LayExpansion>();
        var homophones = new List<ContextualCorrection>();
        var failures = new List<FailedFile>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var root in roots.Select(r => Path.GetFullPath(r)).Distinct(StringComparer.Ordinal))
        {
            foreach (var name in new[] { DomainDictionary.TermsFileName, DomainDictionary.SynonymsFileName, DomainDictionary.LayTermsFileName,
                         DomainDictionary.MinedLayTermsFileName, DomainDictionary.HomophonesFileName })
            {
                var path = Path.Combine(root, DictionaryFolder, name);
                if (!File.Exists(path)) continue;
                var bytes = File.ReadAllBytes(path);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
                hash.AppendData(bytes);
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                try
                {
                    switch (name)
                    {
                        case DomainDictionary.TermsFileName: words.AddRange(DomainDictionary.ParseTerms(text, path).Select(t => t.Word)); break;
                        case DomainDictionary.SynonymsFileName: groups.AddRange(DomainDictionary.ParseSynonyms(text, path)); break;
                        case DomainDictionary.LayTermsFileName: layExpansions.AddRange(DomainDictionary.ParseLayTerms(text, path)); break;
                        case DomainDictionary.MinedLayTermsFileName: minedExpansions.AddRange(DomainDictionary.ParseLayTerms(text, path)); break;
                        default: homophones.AddRange(DomainDictionary.ParseHomophones(text, path)); break;
                    }
                }
                catch (KnowledgeFormatException error)
                {
                    failures.Add(new FailedFile(path, error.Message));
                }
            }
        }
        return new MergedDictionary(words.Distinct(StringComparer.Ordinal).ToList(), groups, Convert.ToHexStringLower(hash.GetHashAndReset()), failures)
        {
            LayExpansions = layExpansions,
            MinedLayExpansions = minedExpansions,
            Homophones = homophones,
        };
    }

    /// <summary>
    /// Loads every *.txt under the questions/ subfolder of each root (<see cref="LinkedQuestionsFile"/>). Questions for the
    /// same section from several files are joined; a malformed file is reported and left out, and its bytes still enter the hash.
    /// </summary>
    public static MergedLinkedQuestions LoadLinkedQuestions(IEnumerable<string> roots)
    {
        var questions = new Dictionary<LinkedSection, List<string>>();
        var failures = new List<FailedFile>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var root in roots.Select(r => Path.GetFullPath(r)).Distinct(StringComparer.Ordinal))
        {
            var folder = Path.Combine(root, LinkedQuestionsFile.FolderName);
            if (!Directory.Exists(folder)) continue;
            foreach (var path in Directory.EnumerateFiles(folder, "*" + LinkedQuestionsFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(path);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
                hash.AppendData(bytes);
                try
                {
                    foreach (var (section, linked) in LinkedQuestionsFile.Parse(System.Text.Encoding.UTF8.GetString(bytes)))
                    {
                        if (!questions.TryGetValue(section, out var list)) questions[section] = list = [];
                        list.AddRange(linked.Where(q => !list.Contains(q, StringComparer.Ordinal)));
                    }
                }
                catch (FormatException error)
                {
                    failures.Add(new FailedFile(path, error.Message));
                }
            }
        }
        return new MergedLinkedQuestions(questions.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value),
            Convert.ToHexStringLower(hash.GetHashAndReset()), failures);
    }

    public static string HashFile(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
