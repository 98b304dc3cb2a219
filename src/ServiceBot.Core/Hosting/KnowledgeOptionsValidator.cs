using Microsoft.Extensions.Options;

namespace ServiceBot.Hosting;

/// <summary>
/// Fails at start when an explicitly configured knowledge folder is missing. The default folder may be
/// absent: a deployment without local knowledge still starts, and ingestion reports zero files.
/// </summary>
public sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Paths.Count; i++)
        {
            var path = options.Paths[i];
            if (string.IsNullOrWhiteSpace(path))
                failures.Add($"Knowledge:Paths:{i} is empty.");
            else if (!Directory.Exists(path))
                failures.Add($"Knowledge:Paths:{i}: the knowledge folder '{path}' does not exist (resolved to {Path.GetFullPath(path)}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The index folder must be a usable path.</summary>
public sealed class IndexOptionsValidator : IValidateOptions<IndexOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path)) return ValidateOptionsResult.Fail("Index:Path is empty.");
        if (File.Exists(options.Path)) return ValidateOptionsResult.Fail($"Index:Path '{options.Path}' is a file; it must be a folder.");
        if (Retrieval.Duplicates.NearDuplicateDetection.Problem(options.NearDuplicateThreshold) is { } problem)
            return ValidateOptionsResult.Fail($"Index:NearDuplicateThreshold: {problem}.");
        if (!(options.MinedLayTermWeight > 0 && options.MinedLayTermWeight <= 1))
            return ValidateOptionsResult.Fail($"Index:MinedLayTermWeight must be greater than 0 and at most 1; it is {options.MinedLayTermWeight}.");
        return ValidateOptionsResult.Success;
    }
}
