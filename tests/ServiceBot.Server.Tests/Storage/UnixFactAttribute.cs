namespace ServiceBot.Server.Tests.Storage;

/// <summary>A fact about Unix file modes; Windows has none to check.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes do not exist on Windows.";
    }
}
