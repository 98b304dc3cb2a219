namespace ServiceBot.Core.Tests;

/// <summary>
/// Tests that need jieba's process-wide dictionary to stay still run alone, after the parallel ones: memos of text
/// analysis, which forget whenever the dictionary gains words, a classifier's predictions compared with another's, and a
/// large index compared against its own parts. Beside the rest of the suite, every knowledge fixture adds its domain
/// words to that dictionary while other tests segment text; the service adds its words once, at start, before it
/// indexes or answers anything.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SegmenterSensitiveCollection
{
    public const string Name = "segmenter-sensitive";
}
