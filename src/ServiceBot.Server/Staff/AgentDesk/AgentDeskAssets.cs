using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>The agent desk page (<c>/agent</c>): plain HTML, CSS and JavaScript embedded in the assembly.</summary>
public sealed class AgentDeskAssets() : EmbeddedAssets("ServiceBot.Server.Staff.AgentDesk.Assets.", ["agent.html", "agent.js", "agent.css", "staff.css", "staff-signin.js"], StaffAssets.SharedPrefix);
