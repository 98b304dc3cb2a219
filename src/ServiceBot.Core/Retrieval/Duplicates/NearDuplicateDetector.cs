using System.Buffers;
using System.Runtime.InteropServices;

namespace ServiceBot.Retrieval.Duplicates;

/// <summary>
/// Finds near-duplicates in one pass over the clauses in index order. Every group has one representative, the
/// clause seen first: the original that the copies came after. A later clause joins the group of the first
/// representative it shares a band with whose shingle Jaccard reaches the threshold, so every twin is alike to the
/// clause shown for it. Memory holds the representatives' band keys; their shingles wait in a scratch file and are
/// read back only for the few candidates a band brings up.
/// </summary>
internal sealed class NearDuplicateDetector : IDisposable
{
    private readonly double _threshold;
    private readonly FileStream _shingleStore;
    // Band key → the first representative that has it. Twins add no keys: a group is matched through its representative.
    private readonly Dictionary<ulong, int> _buckets = [];
    private readonly Dictionary<int, (long Offset, int Count)> _storedShingles = [];
    private readonly List<int> _representativeOf = [];
    private readonly List<int> _candidates = new(4);

    /// <param name="scratchPath">A file for the representatives' shingles, deleted when the detector is disposed.</param>
    public NearDuplicateDetector(double threshold, string scratchPath)
    {
        NearDuplicateDetection.Validate(threshold);
        _threshold = threshold;
        _shingleStore = new FileStream(scratchPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>Adds the next clause in index order (null: a clause with nothing to compare).</summary>
    public void Add(ClauseSketch? sketch)
    {
        var clause = _representativeOf.Count;
        _representativeOf.Add(clause);
        if (sketch is null) return;
        _candidates.Clear();
        foreach (var key in sketch.BandKeys)
            if (_buckets.TryGetValue(key, out var representative) && !_candidates.Contains(representative)) _candidates.Add(representative);
        foreach (var representative in _candidates)
        {
            var (offset, count) = _storedShingles[representative];
            int own = sketch.Shingles.Length;
            // J ≤ smaller / larger: sizes alone can rule a pair out.
            if (Math.Min(own, count) < _threshold * Math.Max(own, count)) continue;
            if (Jaccard(sketch.Shingles, offset, count) < _threshold) continue;
            _representativeOf[clause] = representative;
            return;
        }
        _shingleStore.Seek(0, SeekOrigin.End);
        _storedShingles[clause] = (_shingleStore.Position, sketch.Shingles.Length);
        _shingleStore.Write(MemoryMarshal.AsBytes(sketch.Shingles.AsSpan()));
        foreach (var key in sketch.BandKeys) _buckets.TryAdd(key, clause);
    }

    public NearDuplicateGroups Groups() => NearDuplicateGroups.FromRepresentatives([.. _representativeOf]);

    public void Dispose() => _shingleStore.Dispose();

    private double Jaccard(uint[] shingles, long offset, int count)
    {
        var stored = ArrayPool<uint>.Shared.Rent(count);
        try
        {
            _shingleStore.Seek(offset, SeekOrigin.Begin);
            _shingleStore.ReadExactly(MemoryMarshal.AsBytes(stored.AsSpan(0, count)));
            return ClauseSketch.Jaccard(shingles, stored.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(stored);
        }
    }
}
