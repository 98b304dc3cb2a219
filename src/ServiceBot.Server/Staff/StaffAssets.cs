namespace ServiceBot.Server.Staff;

/// <summary>Web files every staff page serves next to its own: <c>staff.css</c> (the shared palette and controls) and <c>staff-signin.js</c> (the sign-in).</summary>
public static class StaffAssets
{
    public const string SharedPrefix = "ServiceBot.Server.Staff.Assets.";
}
