using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Hosting;

namespace ServiceBot.Cli.Commands;

/// <summary>
/// Builds the knowledge services from standard configuration (appsettings.json in the current folder, then
/// environment variables such as Knowledge__Paths__0 and Index__Path), with --knowledge and --index on top.
/// </summary>
internal static class KnowledgeServices
{
    public static ServiceProvider Build(CommandLineArguments arguments)
    {
        var configuration = Configuration(arguments);
        return new ServiceCollection().AddServiceBotKnowledge(configuration).AddAdminKnowledge(configuration).BuildServiceProvider();
    }

    /// <summary>
    /// The admin console's folder (<c>Admin__KnowledgePath</c>, default <c>.servicebot/knowledge-admin</c>) joins the knowledge
    /// folders when it exists, as it does in the server, so the CLI indexes and answers from what the console uploaded.
    /// </summary>
    public static IServiceCollection AddAdminKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration[AdminKnowledgeFolder.ConfigurationKey];
        folder = string.IsNullOrWhiteSpace(folder) ? AdminKnowledgeFolder.DefaultPath : folder;
        if (Directory.Exists(folder)) services.AddOptions<KnowledgeOptions>().PostConfigure(knowledge => knowledge.AddFolder(folder));
        return services;
    }

    /// <summary>appsettings.json and environment variables, with --knowledge and --index on top.</summary>
    public static IConfiguration Configuration(CommandLineArguments arguments)
    {
        var knowledge = arguments.Values("knowledge");
        var index = arguments.Optional("index");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        // Command-line folders replace the configured list rather than merging with it index by index.
        var overrides = new Dictionary<string, string?>();
        if (knowledge.Count > 0)
        {
            foreach (var child in configuration.GetSection($"{KnowledgeOptions.SectionName}:Paths").GetChildren())
                overrides[child.Path] = null;
            for (var i = 0; i < knowledge.Count; i++) overrides[$"{KnowledgeOptions.SectionName}:Paths:{i}"] = knowledge[i];
        }
        if (index is not null) overrides[$"{IndexOptions.SectionName}:Path"] = index;
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
    }
}
