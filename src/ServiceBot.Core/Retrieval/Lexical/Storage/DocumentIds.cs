using System.Text;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>Each document's id as UTF-8 in the mapped file, decoded only for the hits a query returns.</summary>
internal sealed unsafe class DocumentIds
{
    private readonly byte* _bytes;
    private readonly long _bytesLength;
    private readonly MappedColumn<long> _offsets;

    public DocumentIds(MappedIndexFile file, IndexSection offsets, IndexSection bytes)
    {
        _offsets = new MappedColumn<long>(file, offsets);
        if (_offsets.Length == 0) throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
        _bytes = file.At(bytes.Offset);
        _bytesLength = bytes.Length;
    }

    public int Length => _offsets.Length - 1;

    public string this[int document]
    {
        get
        {
            long start = _offsets[document], end = _offsets[document + 1];
            if (start < 0 || end < start || end > _bytesLength) throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
            return Encoding.UTF8.GetString(_bytes + start, checked((int)(end - start)));
        }
    }
}
