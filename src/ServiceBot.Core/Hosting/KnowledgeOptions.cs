using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// <c>Paths__0</c> is the default folder unless configured: <c>Knowledge__Paths__1=laws</c> alone adds the laws to
    /// <c>knowledge</c>, as it reads, where list binding would otherwise make it the only folder.
    /// </summary>
    public static void KeepDefaultFirst(KnowledgeOptions options, IConfigurationSection paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        var keys = paths.GetChildren().Select(c => c.Key).ToList();
        if (keys.Count > 0 && !keys.Contains("0", StringComparer.Ordinal) && !options.Paths.Contains(DefaultPath, StringComparer.Ordinal))
            options.Paths.Insert(0, DefaultPath);
    }

    /// <summary>
    /// Adds <paramref name="folder"/> after the configured folders, once; with none configured, the default folder (when it
    /// exists) stays first. The admin console's folder joins this way, in the server and in the CLI.
    /// </summary>
    public void AddFolder(string folder)
    {
        if (Paths.Count == 0 && Directory.Exists(DefaultPath)) Paths.Add(DefaultPath);
        var full = System.IO.Path.GetFullPath(folder);
        if (!EffectivePaths.Contains(full, StringComparer.Ordinal)) Paths.Add(full);
    }

    /// <summary>The configured paths, or the default folder when none is configured; full paths.</summary>
    public IReadOnlyList<string> EffectivePaths
        => (Paths.Count == 0 ? [DefaultPath] : Paths).Select(p => Path.GetFullPath(p)).ToList();
}
