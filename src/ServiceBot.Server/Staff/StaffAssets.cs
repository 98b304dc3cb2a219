namespace ServiceBot.Server.Staff;

/// <summary>Web files every staff page serves next to its own: <c>staff.css</c>, the shared palette, controls and sign-in.</summary>
public static class StaffAssets
{
    public const string SharedPrefix = "ServiceBot.Server.Staff.Assets.";
}
