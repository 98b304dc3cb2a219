namespace ServiceBot.Core.Tests.Knowledge;

/// <summary>Locates the repository (the folder holding ServiceBot.sln) and the test project's own fixtures.</summary>
internal static class KnowledgePaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string KnowledgeFolder => Path.Combine(RepositoryRoot, "knowledge");

    public static string SeedFile => Path.Combine(RepositoryRoot, "seeds", "000_651c2e97b8875df2.txt");

    public static string PolicyFile => Path.Combine(KnowledgeFolder, "policies", "new-employment-groups-opinion-2025.md");

    /// <summary>Excerpts of a few laws in the corpus's Markdown shape, so tests need nothing beside the repository.</summary>
    public static string CorpusFolder => Path.Combine(RepositoryRoot, "tests", "ServiceBot.Core.Tests", "Fixtures");

    public static string LawsFolder => Path.Combine(CorpusFolder, "laws");

    /// <summary>Questions about the repository's knowledge/, one JSON object a line (id, query, expect, answerable).</summary>
    public static string SeedQuestionsFile => Path.Combine(CorpusFolder, "seed-questions.jsonl");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "servicebot-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text) => WriteBytes(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
