using Microsoft.Extensions.Options;
using ServiceBot.Embeddings.Onnx;

namespace ServiceBot.Embeddings;

/// <summary>Provider-specific rules that attributes cannot express.</summary>
public sealed class EmbeddingsOptionsValidator : IValidateOptions<EmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case EmbeddingProvider.None:
                break;
            case EmbeddingProvider.OpenAI:
                Require(options.Model, "Model", "openai", failures);
                Require(options.ApiKey, "ApiKey", "openai", failures);
                if (!string.IsNullOrWhiteSpace(options.Endpoint)) RequireHttpUri(options.Endpoint, failures);
                break;
            case EmbeddingProvider.Ollama:
                Require(options.Endpoint, "Endpoint", "ollama", failures);
                Require(options.Model, "Model", "ollama", failures);
                if (!string.IsNullOrWhiteSpace(options.Endpoint)) RequireHttpUri(options.Endpoint, failures);
                if (options.Dimensions is not null)
                    failures.Add("Embeddings:Dimensions is not supported by the ollama provider; the model decides the size.");
                break;
            case EmbeddingProvider.Onnx:
                if (string.IsNullOrWhiteSpace(options.ModelPath))
                    failures.Add("Embeddings:ModelPath is required when Embeddings:Provider is onnx.");
                else if (OnnxModelFolder.Problem(options.ModelPath) is { } problem)
                    failures.Add($"Embeddings:ModelPath: {problem}");
                break;
            default:
                failures.Add($"Embeddings:Provider '{options.Provider}' is not one of none, openai, ollama, onnx.");
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, string provider, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
            failures.Add($"Embeddings:{key} is required when Embeddings:Provider is {provider}.");
    }

    private static void RequireHttpUri(string value, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            failures.Add($"Embeddings:Endpoint '{value}' must be an absolute http or https address.");
    }
}
