using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// An index file mapped read-only into memory. Search reads postings and terms through it, so the
/// operating system pages in what queries touch and can drop it again; the heap holds none of it.
/// </summary>
internal sealed unsafe class MappedIndexFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _base;

    private MappedIndexFile(FileStream stream)
    {
        _stream = stream;
        Length = stream.Length;
        if (Length == 0)
        {
            stream.Dispose();
            throw new InvalidDataException($"{stream.Name} is empty. Rebuild the index.");
        }
        _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _base);
        _base += _view.PointerOffset;
    }

    ~MappedIndexFile() => Release();

    public long Length { get; }

    public byte* Base => _base;

    /// <summary>Maps a file; replacing or deleting it later (a rebuild) leaves this mapping intact.</summary>
    public static MappedIndexFile Open(string path)
        => new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1));

    /// <summary>
    /// Maps a scratch file that disappears with the mapping: unlinked at once where the system allows it
    /// (the mapping keeps the data), otherwise when the mapping is released.
    /// </summary>
    public static MappedIndexFile OpenTemporary(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.DeleteOnClose);
        var mapped = new MappedIndexFile(stream);
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Windows keeps a mapped file; DeleteOnClose removes it when the mapping is released.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return mapped;
    }

    /// <summary>Copies the file through its handle rather than the mapping, so saving does not make the whole index resident.</summary>
    public void CopyTo(Stream destination)
    {
        var buffer = new byte[1 << 20];
        for (long offset = 0; offset < Length;)
        {
            var read = RandomAccess.Read(_stream.SafeFileHandle, buffer, offset);
            if (read == 0) throw new EndOfStreamException();
            destination.Write(buffer, 0, read);
            offset += read;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* At(long offset) => _base + offset;

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (_base == null) return;
        _base = null;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
