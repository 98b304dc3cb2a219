namespace ServiceBot.Server.Limits;

/// <summary>
/// Settings bound from <c>RequestLimits</c>: the largest request body each kind of route reads, and the largest
/// request target and header block. Kestrel enforces a body limit while it reads, so a chunked body is stopped as
/// soon as it passes it. The target and header limits are checked by <see cref="RequestHeadLimits"/>, which answers
/// with problem details; Kestrel itself stops only requests past twice these sizes, before any application code runs.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary><c>/api/chat</c> and <c>/api/chat/stream</c>: a turn is at most a few thousand characters.</summary>
    public long ChatBodyBytes { get; set; } = 64 * 1024;

    /// <summary><c>/wechat</c> and <c>/api/messages</c>: channel envelopes around one message.</summary>
    public long ChannelBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Every other route (sandbox submissions, feedback, staff routes).</summary>
    public long DefaultBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Document uploads to the admin console (<c>/api/admin/documents</c>): the file and its form fields.</summary>
    public long UploadBodyBytes { get; set; } = 11 * 1024 * 1024;

    /// <summary>
    /// How much of a chunked body past its limit is still read and discarded before the 413 is written, so that a client
    /// still sending reads the answer instead of a reset connection. Bodies larger than limit plus this are cut off.
    /// </summary>
    public long DrainBytes { get; set; } = 1024 * 1024;

    /// <summary>Path and query of the request line (answered 414). Kestrel's own default for the whole line.</summary>
    public int TargetBytes { get; set; } = 8 * 1024;

    /// <summary>All header lines together (answered 431). Kestrel's own default.</summary>
    public int HeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Number of header lines (answered 431). Kestrel's own default.</summary>
    public int HeaderCount { get; set; } = 100;
}

/// <summary>
/// Settings bound from <c>RateLimits</c>: token buckets per client address (loopback excepted) and per channel user.
/// The defaults leave room for a busy office behind one address and for the load benchmark's users.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public TokenBucketSettings PerIp { get; set; } = new() { PermitsPerSecond = 200, Burst = 2000 };

    public TokenBucketSettings PerUser { get; set; } = new() { PermitsPerSecond = 20, Burst = 200 };
}

/// <summary>A bucket of <see cref="Burst"/> requests, refilled by <see cref="PermitsPerSecond"/> each second.</summary>
public sealed class TokenBucketSettings
{
    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}
