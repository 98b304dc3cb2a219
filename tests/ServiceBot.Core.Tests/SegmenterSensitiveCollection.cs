namespace ServiceBot.Core.Tests;

/// <summary>
/// Tests that build a large index and compare two readings of it (first-stage scores against their parts) run alone,
/// after the parallel ones. Beside the rest of the suite, where every knowledge fixture adds its domain words to jieba's
/// process-wide dictionary while other tests segment text, such a comparison disagreed once in several CI runs; alone it
/// never has. The service adds its words once, at start, before it indexes or answers anything.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SegmenterSensitiveCollection
{
    public const string Name = "segmenter-sensitive";
}
