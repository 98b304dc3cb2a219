namespace ServiceBot.Embeddings.Onnx;

/// <summary>The on-disk layout of a local BERT-style model: <c>model.onnx</c> and <c>vocab.txt</c> side by side.</summary>
internal static class OnnxModelFolder
{
    public const string ModelFile = "model.onnx";
    public const string VocabFile = "vocab.txt";
    public const string TokenizerConfigFile = "tokenizer_config.json";

    /// <summary>Describes what is missing, or null when the folder is usable.</summary>
    public static string? Problem(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) return $"model folder '{full}' does not exist.";
        foreach (var file in new[] { ModelFile, VocabFile })
        {
            var path = Path.Combine(full, file);
            if (!File.Exists(path)) return $"model folder '{full}' has no {file} (expected '{path}').";
        }
        return null;
    }

    /// <summary>Throws a message naming the path when the folder is unusable; returns the full path.</summary>
    public static string Require(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"ONNX embedding model folder '{full}' does not exist.");
        foreach (var file in new[] { ModelFile, VocabFile })
        {
            var path = Path.Combine(full, file);
            if (!File.Exists(path))
                throw new FileNotFoundException($"ONNX embedding model folder '{full}' has no {file} (expected '{path}').", path);
        }
        return full;
    }
}
