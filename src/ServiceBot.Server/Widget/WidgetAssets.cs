using ServiceBot.Server.Http;

namespace ServiceBot.Server.Widget;

/// <summary>The demo page and the widget files, embedded in the assembly.</summary>
public sealed class WidgetAssets() : EmbeddedAssets("ServiceBot.Server.Widget.Assets.", ["index.html", "widget.js", "widget.css"]);
