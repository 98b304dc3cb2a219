using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Conversation;

/// <summary>The <c>Assistant</c> configuration section: what citizens call the assistant and how it greets them.</summary>
public sealed class AssistantOptions
{
    public const string SectionName = "Assistant";
    public const string DefaultName = "政务小助手";

    /// <summary>Shown in the widget's header, and in every greeting.</summary>
    [Required, StringLength(20, MinimumLength = 1)]
    public string Name { get; set; } = DefaultName;

    /// <summary>The greeting on arrival and for 你好; unset, it is composed from <see cref="Name"/>.</summary>
    [StringLength(500)]
    public string? Greeting { get; set; }
}
