namespace ServiceBot.Retrieval.Lexical;

/// <summary>Where one part of the index file lies: 64-bit, so no part is capped at 2 GiB.</summary>
internal readonly record struct IndexSection(long Offset, long Length)
{
    public long End => Offset + Length;
}
