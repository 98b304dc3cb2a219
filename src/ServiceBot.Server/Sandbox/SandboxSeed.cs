using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Text;

namespace ServiceBot.Server.Sandbox;

/// <summary>The fictitious people and places the sandbox serves, read from the embedded seed file.</summary>
public sealed class SandboxSeed
{
    public const string ResourceName = "ServiceBot.Server.Sandbox.Data.sandbox-seed.json";

    private static readonly JsonSerializerOptions SeedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Dictionary<string, SeedCitizen> _byIdNumber;

    private readonly HashSet<string> _registeredCompanies;

    /// <param name="registeredCompanies">Names already on the business register: a new enterprise cannot take them.</param>
    public SandboxSeed(IReadOnlyList<SeedCitizen> citizens, IReadOnlyList<SeedStation> stations, IReadOnlyList<string>? registeredCompanies = null)
    {
        Citizens = citizens;
        Stations = stations;
        _registeredCompanies = new HashSet<string>((registeredCompanies ?? []).Select(CompanyNameKey), StringComparer.Ordinal);
        _byIdNumber = citizens.Where(c => c.Id is not null).ToDictionary(c => c.Id!, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<SeedCitizen> Citizens { get; }

    public IReadOnlyList<SeedStation> Stations { get; }

    public SeedCitizen? FindCitizen(string idNumber) => _byIdNumber.GetValueOrDefault(idNumber);

    /// <summary>True when the name is registered already, whatever its letter case, spacing or punctuation.</summary>
    public bool IsCompanyRegistered(string name) => _registeredCompanies.Contains(CompanyNameKey(name));

    private static string CompanyNameKey(string name)
        => new(TextNormalizer.Normalize(name).Where(char.IsLetterOrDigit).ToArray());

    public static SandboxSeed LoadEmbedded()
    {
        using var stream = typeof(SandboxSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sandbox seed resource '{ResourceName}' is missing from the server assembly.");
        return Load(stream);
    }

    public static SandboxSeed Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, SeedJson)
            ?? throw new InvalidOperationException("The sandbox seed file is empty.");
        return new SandboxSeed(file.Citizens ?? [], file.ServiceStations ?? [], file.RegisteredCompanies);
    }

    private sealed record SeedFile(IReadOnlyList<SeedCitizen>? Citizens, IReadOnlyList<SeedStation>? ServiceStations, IReadOnlyList<string>? RegisteredCompanies);
}

public sealed record SeedCitizen(
    string Name,
    [property: JsonPropertyName("id")] string? Id,
    string? Passport,
    string? Phone,
    string? City,
    string? Occupation,
    string? Platform,
    SeedFundAccount? Fund,
    SeedInsurance? Insurance,
    string? BankCard);

public sealed record SeedFundAccount(string Account, string Status, decimal Balance, decimal MonthlyDeposit, string OpenSince)
{
    public const string StatusActive = "正常缴存";
    public const string StatusSealed = "封存";
}

public sealed record SeedInsurance(string City, IReadOnlyList<string> Types, bool InjuryPilot);

public sealed record SeedStation(string Name, string City, string District, string Address, string Hours, IReadOnlyList<string> Services);
