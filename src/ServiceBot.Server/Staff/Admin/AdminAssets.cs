using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin;

/// <summary>
/// The admin console page (<c>/admin</c>): the shell (<c>admin.html|js|css</c>) and one script per tab, embedded in the
/// assembly. A tab file is served when embedded; only the shell is required.
/// </summary>
public sealed class AdminAssets() : EmbeddedAssets("ServiceBot.Server.Staff.Admin.Assets.", ["admin.html", "admin.js", "admin.css", "staff.css", "staff-signin.js"], StaffAssets.SharedPrefix);
