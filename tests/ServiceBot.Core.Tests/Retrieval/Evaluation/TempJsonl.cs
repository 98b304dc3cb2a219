namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

/// <summary>A throw-away file holding the given lines, deleted on dispose.</summary>
internal sealed class TempJsonl : IDisposable
{
    public TempJsonl(params string[] lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"servicebot-eval-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(Path, string.Join("\n", lines) + "\n");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
