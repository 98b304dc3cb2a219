using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Server.Widget;

/// <summary>The web widget and its streaming endpoint (section <c>Widget</c>).</summary>
public sealed class WidgetOptions
{
    public const string SectionName = "Widget";

    /// <summary>Characters of reply Markdown per <c>delta</c> event.</summary>
    [Range(1, 1000)] public int StreamChunkCharacters { get; set; } = 6;

    /// <summary>
    /// Pause between deltas. The engine produces a whole reply at once; a short pace lets the visitor
    /// see it arrive instead of one jump, and keeps proxies from coalescing the events.
    /// </summary>
    [Range(0, 1000)] public int StreamChunkDelayMilliseconds { get; set; } = 15;

    /// <summary>
    /// Origins of pages that may embed the widget and call the chat and feedback APIs from the browser.
    /// <c>*</c> allows any page; the APIs use no cookies, so no credentials are ever allowed.
    /// </summary>
    [Required] public string[] AllowedOrigins { get; set; } = ["*"];
}
