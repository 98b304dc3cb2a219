namespace ServiceBot.Retrieval.Duplicates;

/// <summary>The near-duplicate threshold's default and its rule, shared by the index options and the configuration.</summary>
public static class NearDuplicateDetection
{
    /// <summary>
    /// Jaccard over 3-character shingles. A copy with its sentences reordered or a few characters moved scores
    /// 0.8–0.95; distinct articles that share boilerplate stay below.
    /// </summary>
    public const double DefaultThreshold = 0.85;

    /// <summary>LSH banding finds pairs reliably only from about this similarity up.</summary>
    public const double LowestThreshold = 0.5;

    /// <summary>Null when <paramref name="threshold"/> is usable (0 = off, or from <see cref="LowestThreshold"/> to 1); else why not.</summary>
    public static string? Problem(double threshold) =>
        threshold == 0 || threshold is >= LowestThreshold and <= 1
            ? null
            : $"the near-duplicate threshold must be 0 (off) or between {LowestThreshold} and 1; got {threshold}";

    /// <exception cref="ArgumentOutOfRangeException">The threshold is not usable.</exception>
    public static void Validate(double threshold)
    {
        if (Problem(threshold) is { } problem) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, problem);
    }
}
