using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ServiceBot.Server.Hosting;

public static class AppSettingsLocation
{
    /// <summary>
    /// Reads the server's own <c>appsettings*.json</c> from beside its assembly. The default builder looks only in the
    /// content root, the working directory, so a server started from the repository root (<c>dotnet run --project</c>)
    /// would run without them. A file in the working directory still applies, on top; relative data paths keep
    /// resolving against the working directory as before.
    /// </summary>
    public static ConfigurationManager AddAppSettingsBesideAssembly(this ConfigurationManager configuration, string contentRoot)
    {
        var folder = AppContext.BaseDirectory;
        if (string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentRoot)), StringComparison.Ordinal))
            return configuration;

        var sources = configuration.Sources;
        var shipped = sources.OfType<JsonConfigurationSource>()
            .Where(s => s.Path?.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        if (shipped.Count == 0) return configuration;
        var at = sources.IndexOf(shipped[0]);
        foreach (var source in shipped.AsEnumerable().Reverse())
            sources.Insert(at, new JsonConfigurationSource
            {
                Path = source.Path!,
                Optional = true,
                // The shipped file changes only with a new build; watching it would cost an inotify instance per host.
                ReloadOnChange = false,
                FileProvider = new PhysicalFileProvider(folder),
            });
        return configuration;
    }
}
