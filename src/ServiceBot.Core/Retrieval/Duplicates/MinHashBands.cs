namespace ServiceBot.Retrieval.Duplicates;

/// <summary>
/// MinHash signatures cut into LSH bands: two clauses share a band key with probability 1 − (1 − J³)¹⁶ for shingle
/// Jaccard J (0.98 at J = 0.6, over 0.999 at J = 0.7), so likely twins meet in a bucket without comparing every pair.
/// </summary>
internal static class MinHashBands
{
    public const int Bands = 16;
    private const int Rows = 3;
    private const int Hashes = Bands * Rows;

    // Odd multipliers and offsets of the hash family h_i(x) = a_i·x + b_i, fixed so builds are reproducible.
    private static readonly ulong[] Multipliers = Seeds(0x9E3779B97F4A7C15UL, odd: true);
    private static readonly ulong[] Offsets = Seeds(0xD1B54A32D192ED03UL, odd: false);

    /// <summary>Writes the clause's <see cref="Bands"/> band keys into <paramref name="keys"/>; an empty clause gets none (false).</summary>
    public static bool Keys(HashSet<ulong> shingles, Span<ulong> keys)
    {
        if (shingles.Count == 0) return false;
        Span<ulong> signature = stackalloc ulong[Hashes];
        signature.Fill(ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var x = Mix(shingle);
            for (var i = 0; i < Hashes; i++)
            {
                var h = Multipliers[i] * x + Offsets[i];
                if (h < signature[i]) signature[i] = h;
            }
        }
        for (var band = 0; band < Bands; band++)
        {
            var key = (ulong)band + 1;
            for (var row = 0; row < Rows; row++) key = Mix(key ^ signature[band * Rows + row]);
            keys[band] = key;
        }
        return true;
    }

    /// <summary>SplitMix64's finaliser: spreads the packed characters over all 64 bits.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] Seeds(ulong seed, bool odd)
    {
        var values = new ulong[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            seed += 0x9E3779B97F4A7C15UL;
            values[i] = odd ? Mix(seed) | 1 : Mix(seed);
        }
        return values;
    }
}
