namespace ServiceBot.Cli.Tests;

/// <summary>The repository these tests run in (the folder holding ServiceBot.sln), for its own knowledge/.</summary>
internal static class RepositoryFolder
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceBot.sln not found");
    }
}
