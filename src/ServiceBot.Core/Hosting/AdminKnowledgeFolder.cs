namespace ServiceBot.Hosting;

/// <summary>
/// The admin console's writable knowledge folder (uploads, 相似问法 and curated answers from the review queue). The server
/// and the CLI both index it after the configured folders, so they build the same index.
/// </summary>
public static class AdminKnowledgeFolder
{
    public const string ConfigurationKey = "Admin:KnowledgePath";

    public const string DefaultPath = ".servicebot/knowledge-admin";
}
