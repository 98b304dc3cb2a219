namespace ServiceBot.Retrieval.Duplicates;

/// <summary>
/// Clauses that are near-duplicates of an earlier one (an amended law, a local rule copying national text).
/// Every group has one representative, the clause seen first in index order (ingest order; for an external
/// corpus, file order): the original that the copies came after. Each later clause joins the group of the first
/// representative whose shingle Jaccard reaches the threshold, so every twin is alike to the clause shown for it.
/// </summary>
public sealed class NearDuplicateGroups
{
    private static readonly byte[] Magic = "SBND"u8.ToArray();
    private const int FormatVersion = 1;

    private readonly int[] _representativeOf;
    private readonly Dictionary<int, int[]> _twins;

    private NearDuplicateGroups(int[] representativeOf)
    {
        _representativeOf = representativeOf;
        _twins = Enumerable.Range(0, representativeOf.Length)
            .Where(d => representativeOf[d] != d)
            .GroupBy(d => representativeOf[d])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>No clause has a twin.</summary>
    public static NearDuplicateGroups None(int count) => new(Enumerable.Range(0, count).ToArray());

    public int Count => _representativeOf.Length;

    /// <summary>True when some clause has a twin.</summary>
    public bool Any => _twins.Count > 0;

    /// <summary>The clause shown for <paramref name="clause"/>: itself, or the representative of its group.</summary>
    public int RepresentativeOf(int clause) => _representativeOf[clause];

    public bool IsTwin(int clause) => _representativeOf[clause] != clause;

    /// <summary>The twins of a representative, in index order; empty for a clause without twins.</summary>
    public IReadOnlyList<int> TwinsOf(int representative) => _twins.TryGetValue(representative, out var twins) ? twins : [];

    /// <summary>Every group: its representative and its twins, in index order.</summary>
    public IEnumerable<(int Representative, IReadOnlyList<int> Twins)> Groups =>
        _twins.OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<int>)g.Value));

    /// <summary>
    /// Groups the clauses, given each one's band keys (<see cref="MinHashBands.Bands"/> per clause, all zero for an
    /// empty clause), shingle count and text. Only candidates that share a band with a representative are compared,
    /// and only when their sizes allow the threshold (J ≤ smaller / larger).
    /// </summary>
    internal static NearDuplicateGroups Find(IReadOnlyList<string> texts, ulong[] bandKeys, int[] shingleCounts, double threshold)
    {
        var count = texts.Count;
        var representativeOf = new int[count];
        // Band key → the first representative that has it. Twins add no keys: a group is matched through its representative.
        var buckets = new Dictionary<ulong, int>();
        var candidates = new List<int>(4);
        for (var d = 0; d < count; d++)
        {
            representativeOf[d] = d;
            var keys = bandKeys.AsSpan(d * MinHashBands.Bands, MinHashBands.Bands);
            if (keys[0] == 0 && keys[1] == 0) continue;
            candidates.Clear();
            foreach (var key in keys)
                if (buckets.TryGetValue(key, out var representative) && !candidates.Contains(representative)) candidates.Add(representative);
            HashSet<ulong>? shingles = null;
            foreach (var representative in candidates)
            {
                int own = shingleCounts[d], other = shingleCounts[representative];
                if (Math.Min(own, other) < threshold * Math.Max(own, other)) continue;
                shingles ??= ClauseShingles.Of(texts[d]);
                if (ClauseShingles.Jaccard(shingles, ClauseShingles.Of(texts[representative])) < threshold) continue;
                representativeOf[d] = representative;
                break;
            }
            if (representativeOf[d] != d) continue;
            foreach (var key in keys) buckets.TryAdd(key, d);
        }
        return new NearDuplicateGroups(representativeOf);
    }

    /// <summary>Band keys of one clause into its slot of <paramref name="bandKeys"/> (left zero for an empty clause); returns its shingle count.</summary>
    internal static int WriteBandKeys(string text, ulong[] bandKeys, int clause)
    {
        var shingles = ClauseShingles.Of(text);
        MinHashBands.Keys(shingles, bandKeys.AsSpan(clause * MinHashBands.Bands, MinHashBands.Bands));
        return shingles.Count;
    }

    /// <summary>Writes the groups to their own file beside the index (the postings file does not change).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(_representativeOf.Length);
            foreach (var representative in _representativeOf) writer.Write(representative);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads groups written by <see cref="Save"/> for an index of <paramref name="count"/> clauses.</summary>
    /// <exception cref="InvalidDataException">The file is not a group file, is truncated or belongs to another index.</exception>
    public static NearDuplicateGroups Load(string path, int count)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
                throw new InvalidDataException($"{path} is not a near-duplicate file of this version. Rebuild the index.");
            var representativeOf = new int[reader.ReadInt32()];
            if (representativeOf.Length != count)
                throw new InvalidDataException($"{path} describes {representativeOf.Length} clauses, the index has {count}. Rebuild the index.");
            for (var d = 0; d < count; d++)
            {
                var representative = reader.ReadInt32();
                if (representative < 0 || representative > d || (representative != d && representativeOf[representative] != representative))
                    throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
                representativeOf[d] = representative;
            }
            return new NearDuplicateGroups(representativeOf);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is truncated. Rebuild the index.");
        }
    }
}
