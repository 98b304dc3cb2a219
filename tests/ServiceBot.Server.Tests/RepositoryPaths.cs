namespace ServiceBot.Server.Tests;

/// <summary>The repository (the folder holding ServiceBot.sln) and the shared read-only data beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceBot.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "ServiceBot.Server.dll");
}
