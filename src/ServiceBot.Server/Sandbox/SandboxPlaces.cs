namespace ServiceBot.Server.Sandbox;

/// <summary>Place names as people type them: 邯郸 and 邯郸市, 丛台 and 丛台区 name the same place.</summary>
public static class SandboxPlaces
{
    private static readonly string[] Suffixes = ["市", "区", "县", "街道", "镇"];

    public static bool SameCity(string a, string b) => string.Equals(Core(a), Core(b), StringComparison.OrdinalIgnoreCase);

    private static string Core(string place)
    {
        var trimmed = place.Trim();
        foreach (var suffix in Suffixes)
            if (trimmed.Length > suffix.Length + 1 && trimmed.EndsWith(suffix, StringComparison.Ordinal))
                return trimmed[..^suffix.Length];
        return trimmed;
    }
}
