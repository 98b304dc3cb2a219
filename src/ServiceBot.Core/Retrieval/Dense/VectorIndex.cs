using System.Numerics.Tensors;

namespace ServiceBot.Retrieval.Dense;

/// <summary>
/// In-process exact nearest-neighbour index ranked by cosine similarity. Vectors are normalised on insert and
/// kept row after row in one contiguous array, so a query is a run of SIMD dot products.
/// Searches never block and may run concurrently with each other and with <see cref="Add"/>.
/// </summary>
public sealed partial class VectorIndex
{
    private readonly Lock _writeLock = new();
    private readonly HashSet<string> _idSet = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot;

    public VectorIndex(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        _snapshot = new Snapshot([], [], 0);
    }

    private VectorIndex(int dimensions, float[] vectors, string[] ids)
    {
        Dimensions = dimensions;
        foreach (var id in ids)
            if (!_idSet.Add(id)) throw new InvalidDataException($"Vector index contains the id '{id}' twice.");
        _snapshot = new Snapshot(vectors, ids, ids.Length);
    }

    public int Dimensions { get; }

    public int Count => _snapshot.Count;

    /// <summary>Builds an index from id/vector pairs; all vectors must share one size.</summary>
    public static VectorIndex Build(IEnumerable<(string Id, ReadOnlyMemory<float> Vector)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        VectorIndex? index = null;
        foreach (var (id, vector) in items)
        {
            index ??= new VectorIndex(vector.Length);
            index.Add(id, vector.Span);
        }
        return index ?? throw new ArgumentException("Cannot infer dimensions from an empty sequence; use the constructor.", nameof(items));
    }

    /// <summary>Adds a vector under a new id. The stored copy is L2-normalised.</summary>
    /// <exception cref="ArgumentException">Wrong size, zero or non-finite vector, or a duplicate id.</exception>
    public void Add(string id, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(id);
        var norm = CheckedNorm(vector, nameof(vector));
        lock (_writeLock)
        {
            if (!_idSet.Add(id)) throw new ArgumentException($"Id '{id}' is already in the index.", nameof(id));
            var current = _snapshot;
            var (vectors, ids) = (current.Vectors, current.Ids);
            if (current.Count == ids.Length)
            {
                // Grow into fresh arrays; readers holding the old snapshot keep reading the old ones.
                var capacity = Math.Max(16, ids.Length * 2);
                Array.Resize(ref ids, capacity);
                Array.Resize(ref vectors, capacity * Dimensions);
            }
            // Slots past current.Count are invisible to existing snapshots, so writing them in place is safe.
            TensorPrimitives.Divide(vector, norm, vectors.AsSpan(current.Count * Dimensions, Dimensions));
            ids[current.Count] = id;
            _snapshot = new Snapshot(vectors, ids, current.Count + 1);
        }
    }

    /// <summary>Every id with its stored (normalised) vector, in insertion order, from one consistent snapshot.</summary>
    public IEnumerable<(string Id, ReadOnlyMemory<float> Vector)> Entries()
    {
        var snapshot = _snapshot;
        for (var row = 0; row < snapshot.Count; row++)
            yield return (snapshot.Ids[row], snapshot.Vectors.AsMemory(row * Dimensions, Dimensions));
    }

    /// <summary>Returns up to <paramref name="top"/> ids by descending cosine similarity; ties keep insertion order.</summary>
    public IReadOnlyList<SearchHit> Search(ReadOnlySpan<float> query, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var norm = CheckedNorm(query, nameof(query));
        var snapshot = _snapshot;
        var k = Math.Min(top, snapshot.Count);
        if (k == 0) return [];

        var q = new float[Dimensions];
        TensorPrimitives.Divide(query, norm, q);

        // Min-heap of the best k so far: the root is the weakest kept hit.
        var heap = new PriorityQueue<int, (float Score, int Row)>(k, WeakestFirst.Instance);
        var all = snapshot.Vectors.AsSpan(0, snapshot.Count * Dimensions);
        for (var row = 0; row < snapshot.Count; row++)
        {
            var score = TensorPrimitives.Dot(all.Slice(row * Dimensions, Dimensions), q);
            if (heap.Count < k) heap.Enqueue(row, (score, row));
            else if (heap.TryPeek(out _, out var weakest) && score > weakest.Score) heap.EnqueueDequeue(row, (score, row));
        }

        var hits = new SearchHit[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var priority);
            hits[i] = new SearchHit(snapshot.Ids[row], priority.Score);
        }
        return hits;
    }

    private float CheckedNorm(ReadOnlySpan<float> vector, string paramName)
    {
        if (vector.Length != Dimensions)
            throw new ArgumentException($"Vector has {vector.Length} dimensions; the index holds {Dimensions}.", paramName);
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm == 0)
            throw new ArgumentException("Vector must be finite and non-zero to be compared by cosine.", paramName);
        return norm;
    }

    /// <summary>Immutable view published to readers; arrays may have spare capacity beyond Count.</summary>
    private sealed record Snapshot(float[] Vectors, string[] Ids, int Count);

    /// <summary>Lower score is weaker; on equal scores the later row is weaker, so earlier rows win ties.</summary>
    private sealed class WeakestFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
