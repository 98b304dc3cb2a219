using System.Globalization;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Knowledge.Validity;

/// <summary>The citation values of CONTRACT §2: whether a document is in force on the service's date.</summary>
public static class ValidityStatus
{
    public const string Current = "current";
    public const string Expired = "expired";
    public const string Superseded = "superseded";
    public const string NotYetEffective = "not_yet_effective";
}

/// <summary>A document's standing on one date.</summary>
/// <param name="Status">One of <see cref="ValidityStatus"/>.</param>
/// <param name="Effective">When it took or takes effect: front matter <c>effective</c>, else its <c>date</c> (a law's latest amendment).</param>
/// <param name="SupersededBy">The replacing document named in front matter, when there is one.</param>
public sealed record DocumentValidity(string Status, DateOnly? Effective, string? SupersededBy = null)
{
    public static DocumentValidity Current { get; } = new(ValidityStatus.Current, null);

    /// <summary>Whether the document may be cited for a question that is not about an old policy.</summary>
    public bool InForce => Status is ValidityStatus.Current or ValidityStatus.NotYetEffective;

    /// <summary>
    /// The standing of a document with <paramref name="metadata"/> on <paramref name="today"/>: expired from its <c>expires</c>
    /// date on, else superseded when <c>superseded_by</c> names a replacement and no later expiry, else not yet effective before its
    /// <c>effective</c> date, current otherwise (documents without these keys are current).
    /// </summary>
    public static DocumentValidity Of(IReadOnlyDictionary<string, string> metadata, DateOnly today)
    {
        var effective = DateOf(metadata, MetadataKeys.Effective) ?? DateOf(metadata, MetadataKeys.Date);
        var supersededBy = metadata.TryGetValue(MetadataKeys.SupersededBy, out var by) && by.Trim().Length > 0 ? by.Trim() : null;
        var expires = DateOf(metadata, MetadataKeys.Expires);
        var status = expires <= today ? ValidityStatus.Expired
            // A replacement named ahead of time takes over on the expiry date; without one, at once.
            : supersededBy is not null && expires is null ? ValidityStatus.Superseded
            : DateOf(metadata, MetadataKeys.Effective) is { } starts && starts > today ? ValidityStatus.NotYetEffective
            : ValidityStatus.Current;
        return new DocumentValidity(status, effective, supersededBy);
    }

    /// <summary>Whether the metadata carries anything that can make a document other than current.</summary>
    public static bool IsDated(IReadOnlyDictionary<string, string> metadata)
        => metadata.ContainsKey(MetadataKeys.SupersededBy) || metadata.ContainsKey(MetadataKeys.Expires) || metadata.ContainsKey(MetadataKeys.Effective);

    /// <summary>A front matter date: ISO (2025-10-29) or Chinese (2025年10月29日).</summary>
    public static DateOnly? DateOf(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var value)) return null;
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        return DateOnly.TryParseExact(value, ["yyyy年M月d日", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var other)
            ? other
            : null;
    }

    /// <summary>The mark an answer puts after a reference to a document that is not current; empty for a current one.</summary>
    public string Mark => Status switch
    {
        ValidityStatus.Expired => "【已失效】",
        ValidityStatus.Superseded => SupersededBy is null ? "【已被替代】" : $"【已被《{SupersededBy.Trim('《', '》')}》替代】",
        ValidityStatus.NotYetEffective => Effective is { } date ? $"【{date:yyyy-MM-dd}起施行】" : "【尚未施行】",
        _ => "",
    };
}
