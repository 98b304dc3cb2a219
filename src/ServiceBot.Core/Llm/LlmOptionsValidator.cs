using Microsoft.Extensions.Options;

namespace ServiceBot.Llm;

/// <summary>Provider-specific rules that attributes cannot express; messages name keys, never values (the key is a secret).</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case LlmProvider.None:
                return ValidateOptionsResult.Success;
            case LlmProvider.OpenAI:
                Require(options.Model, "Model", "openai", failures);
                Require(options.ApiKey, "ApiKey", "openai", failures);
                break;
            case LlmProvider.Ollama:
                Require(options.Endpoint, "Endpoint", "ollama", failures);
                Require(options.Model, "Model", "ollama", failures);
                break;
            case LlmProvider.Azure:
                Require(options.Endpoint, "Endpoint", "azure", failures);
                Require(options.Model, "Model", "azure", failures);
                Require(options.ApiKey, "ApiKey", "azure", failures);
                break;
            default:
                failures.Add($"Llm:Provider '{options.Provider}' is not one of none, openai, ollama, azure.");
                return ValidateOptionsResult.Fail(failures);
        }
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            failures.Add("Llm:Endpoint must be an absolute http or https address.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
            failures.Add("Llm:Timeout must be greater than zero and at most 00:02:00.");
        foreach (var prompt in PromptNames.All)
            if (!File.Exists(Path.Combine(options.ResolvedPromptsPath, prompt, PromptLibrary.TemplateFile)))
                failures.Add($"Llm:PromptsPath has no prompt '{prompt}' ({prompt}/{PromptLibrary.TemplateFile}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, string provider, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) failures.Add($"Llm:{key} is required when Llm:Provider is {provider}.");
    }
}
