using Microsoft.SemanticKernel;

namespace ServiceBot.Llm;

/// <summary>
/// The prompt templates, read once from Semantic Kernel prompt directories (<c>&lt;Name&gt;/skprompt.txt</c> plus an optional
/// <c>config.json</c> with the description and input variables) and rendered with SK's template engine.
/// </summary>
public sealed class PromptLibrary
{
    public const string TemplateFile = "skprompt.txt";
    public const string ConfigFile = "config.json";

    private readonly Dictionary<string, IPromptTemplate> _templates = new(StringComparer.Ordinal);
    private readonly Kernel _kernel = new();

    /// <exception cref="FileNotFoundException">A prompt of <see cref="PromptNames.All"/> is missing.</exception>
    public PromptLibrary(string folder)
    {
        // A rendered prompt is always sent as the text of one message of a fixed role and never parsed for
        // <message> tags, so values need no HTML encoding (which would garble clauses and user text).
        var factory = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true };
        foreach (var name in PromptNames.All)
        {
            var directory = Path.Combine(folder, name);
            var templatePath = Path.Combine(directory, TemplateFile);
            if (!File.Exists(templatePath)) throw new FileNotFoundException($"Prompt '{name}' is missing.", templatePath);
            var configPath = Path.Combine(directory, ConfigFile);
            var config = File.Exists(configPath) ? PromptTemplateConfig.FromJson(File.ReadAllText(configPath)) : new PromptTemplateConfig();
            config.Name ??= name;
            config.Template = File.ReadAllText(templatePath);
            Configs[name] = config;
            _templates[name] = factory.Create(config);
        }
    }

    /// <summary>Each prompt's configuration (description, input variables), by name.</summary>
    public Dictionary<string, PromptTemplateConfig> Configs { get; } = new(StringComparer.Ordinal);

    public Task<string> RenderAsync(string name, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        => _templates.TryGetValue(name, out var template)
            ? template.RenderAsync(_kernel, arguments ?? [], cancellationToken)
            : throw new ArgumentException($"Unknown prompt '{name}'.", nameof(name));
}
