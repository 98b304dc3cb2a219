using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Llm;

/// <summary>Settings bound from the <c>Llm</c> configuration section; the defaults keep the offline engine alone.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>
    /// Base address of the service: for openai the address that ends in the API version (<c>https://api.deepseek.com/v1</c>;
    /// the OpenAI default when empty); for ollama e.g. <c>http://localhost:11434</c>; for azure the resource address.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Model (or Azure deployment) name as the service knows it.</summary>
    public string? Model { get; set; }

    /// <summary>Key for openai and azure; supply it through configuration (user secrets, environment), never in code. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Longest a model call may take, tool calls included; a streamed answer may also go this long between tokens.
    /// Past it the offline engine answers the turn.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Most model round trips per request when the model calls read-only tools.</summary>
    [Range(1, 10)] public int MaxToolIterations { get; set; } = 3;

    /// <summary>Retrieved clauses numbered and given to the model for a grounded answer.</summary>
    [Range(1, 20)] public int MaxClauses { get; set; } = 5;

    /// <summary>Folder of the prompt templates; empty means <c>prompts/</c> beside the program.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>The prompt folder actually used.</summary>
    public string ResolvedPromptsPath => string.IsNullOrWhiteSpace(PromptsPath) ? Path.Combine(AppContext.BaseDirectory, "prompts") : PromptsPath;
}
