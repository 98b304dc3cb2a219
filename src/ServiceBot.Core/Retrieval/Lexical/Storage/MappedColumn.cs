using System.Runtime.CompilerServices;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>A read-only array of fixed-width values inside a <see cref="MappedIndexFile"/>, one per document or term block.</summary>
internal readonly unsafe struct MappedColumn<T> where T : unmanaged
{
    private readonly T* _values;

    public MappedColumn(MappedIndexFile file, IndexSection section)
    {
        if (section.Length % sizeof(T) != 0) throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
        _values = (T*)file.At(section.Offset);
        Length = checked((int)(section.Length / sizeof(T)));
    }

    public int Length { get; }

    /// <summary>The whole column (sections start eight-byte aligned, so the values are aligned too).</summary>
    public ReadOnlySpan<T> Span => new(_values, Length);

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.ReadUnaligned<T>(_values + index);
    }
}
