namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>Locates the repository so default data paths work from any working directory.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "ServiceBot.sln";

    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"{SolutionFile} not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}");
    }

    /// <summary>Data lives beside the repository, never inside it.</summary>
    public static string DefaultStardDirectory() =>
        Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "datasets", "stard"));
}
