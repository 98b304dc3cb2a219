using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Conversation;

/// <summary>The <c>Conversation</c> configuration section.</summary>
public sealed class ConversationOptions : IValidatableObject
{
    public const string SectionName = "Conversation";

    /// <summary>Longer messages are rejected as bad input.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Without a conversation id, the user's latest conversation continues only if it was active this recently.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

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
        if (!string.IsNullOrWhiteSpace(TimeZone) && ServiceTimeProvider.FindTimeZone(TimeZone) is null)
            yield return new ValidationResult($"Conversation:TimeZone \"{TimeZone}\" is not a time zone this host knows (e.g. Asia/Shanghai).", [nameof(TimeZone)]);
    }
}
