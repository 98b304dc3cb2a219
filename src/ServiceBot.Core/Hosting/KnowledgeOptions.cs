namespace ServiceBot.Hosting;

/// <summary>Settings bound from the <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The default folder, used when no path is configured.</summary>
    public const string DefaultPath = "knowledge";

    /// <summary>
    /// Knowledge folders to index, relative to the current directory. Empty means <see cref="DefaultPath"/>;
    /// binding appends to a default list, so the default is applied by <see cref="EffectivePaths"/> instead.
    /// </summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>The configured paths, or the default folder when none is configured; full paths.</summary>
    public IReadOnlyList<string> EffectivePaths
        => (Paths.Count == 0 ? [DefaultPath] : Paths).Select(p => Path.GetFullPath(p)).ToList();
}
