using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceBot.Storage.Protection;

/// <summary>
/// <see cref="IStateProtector"/> over ASP.NET Core Data Protection (authenticated AES, keys rotated every 90 days and
/// kept for reading older rows). A protected value starts with <see cref="Marker"/>; JSON and older plain rows never do.
/// </summary>
public sealed class DataProtectionStateProtector : IStateProtector
{
    public const string Marker = "dp1:";
    private const string Purpose = "ServiceBot.Storage.State.v1";

    private readonly IDataProtector _protector;

    public DataProtectionStateProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    /// <summary>
    /// A protector whose key ring lives in <paramref name="keysFolder"/> (0700, key files 0600). It has a container of
    /// its own, so a host that uses Data Protection for something else keeps its own keys and settings.
    /// </summary>
    public static DataProtectionStateProtector ForKeysFolder(string keysFolder)
    {
        PrivateFiles.CreateFolder(keysFolder);
        return ForRepository(new PrivateFolderXmlRepository(keysFolder));
    }

    /// <summary>A protector whose key ring lives in <paramref name="repository"/> (e.g. the database replicas share).</summary>
    public static DataProtectionStateProtector ForRepository(Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository repository)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("ServiceBot");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        return new DataProtectionStateProtector(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
    }

    public string Protect(string plaintext) => Marker + _protector.Protect(plaintext);

    public string Unprotect(string stored)
        => stored.StartsWith(Marker, StringComparison.Ordinal) ? _protector.Unprotect(stored[Marker.Length..]) : stored;
}
