using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Conversation;

/// <summary>The <c>Conversation</c> configuration section.</summary>
public sealed class ConversationOptions : IValidatableObject
{
    public const string SectionName = "Conversation";

    /// <summary>Longer messages are rejected as bad input.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>
    /// Without a conversation id, the user's latest conversation continues only if it was active this recently: from
    /// <see cref="MinIdleTimeout"/> to <see cref="MaxIdleTimeout"/>. Checked in <see cref="Validate"/>, not by a
    /// <see cref="RangeAttribute"/>: one over a <see cref="TimeSpan"/> converts its bounds lazily and is not thread-safe
    /// (dotnet/runtime#1143), so two hosts starting at once could fail their start.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    public static readonly TimeSpan MinIdleTimeout = TimeSpan.FromMinutes(1), MaxIdleTimeout = TimeSpan.FromDays(365);

    /// <summary>Below this, an intent is not trusted and the message is answered from the knowledge base.</summary>
    [Range(0.0, 1.0)]
    public double MinIntentConfidence { get; set; } = 0.4;

    /// <summary>A question in the middle of a task is answered when the classifier is at least this sure it is one.</summary>
    [Range(0.0, 1.0)]
    public double DigressionConfidence { get; set; } = 0.5;

    /// <summary>A request for a human interrupts a task in progress only when this sure.</summary>
    [Range(0.0, 1.0)]
    public double HandoffConfidence { get; set; } = 0.7;

    /// <summary>
    /// The service's time zone (IANA id): relative dates (昨天下午三点), deadlines and tickets are read in it, whatever the
    /// host's zone.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = ServiceTimeProvider.TimeZoneId;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout < MinIdleTimeout || IdleTimeout > MaxIdleTimeout)
            yield return new ValidationResult($"Conversation:IdleTimeout must be between {MinIdleTimeout} and {MaxIdleTimeout}; got {IdleTimeout}.", [nameof(IdleTimeout)]);
        if (!string.IsNullOrWhiteSpace(TimeZone) && ServiceTimeProvider.FindTimeZone(TimeZone) is null)
            yield return new ValidationResult($"Conversation:TimeZone \"{TimeZone}\" is not a time zone this host knows (e.g. Asia/Shanghai).", [nameof(TimeZone)]);
    }
}
