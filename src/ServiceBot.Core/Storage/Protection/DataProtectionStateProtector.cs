using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceBot.Storage.Protection;

/// <summary>
/// <see cref="IStateProtector"/> over ASP.NET Core Data Protection (authenticated AES, keys rotated every 90 days and
/// kept for reading older rows). A protected value starts with <see cref="Marker"/>; JSON and older plain rows never do.
/// Bytes (<see cref="ProtectBytes"/>, what a turn writes) are sealed with AES-256-GCM under a data key the key ring wraps
/// (<see cref="DataKeySealer"/>); bytes Data Protection sealed itself, as earlier versions wrote them, still read.
/// </summary>
public sealed class DataProtectionStateProtector : IStateProtector
{
    public const string Marker = "dp1:";
    private const string Purpose = "ServiceBot.Storage.State.v1";
    private const string DataKeyPurpose = "AES-256-GCM data key";

    private readonly IDataProtector _protector;
    private readonly DataKeySealer _sealer;

    public DataProtectionStateProtector(IDataProtectionProvider provider, TimeProvider? clock = null)
    {
        _protector = provider.CreateProtector(Purpose);
        _sealer = new DataKeySealer(_protector.CreateProtector(DataKeyPurpose), clock ?? TimeProvider.System);
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

    // Data Protection's own string overloads read and write text this strictly; so do these, keeping one format.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Protect(string plaintext)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(plaintext);
        }
        catch (EncoderFallbackException exception)
        {
            throw new CryptographicException("The value is not valid UTF-16 text.", exception);
        }
        return ProtectUtf8(bytes);
    }

    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Marker, StringComparison.Ordinal)) return stored;
        var bytes = UnprotectUtf8(stored);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new CryptographicException("The protected value is not UTF-8 text.", exception);
        }
    }

    /// <summary>The marker and the base64url ciphertext, as Data Protection's string overload writes it, built in one string.</summary>
    public string ProtectUtf8(byte[] plaintext)
    {
        var ciphertext = _protector.Protect(plaintext);
        return string.Create(Marker.Length + Base64Url.GetEncodedLength(ciphertext.Length), ciphertext, static (stored, bytes) =>
        {
            Marker.CopyTo(stored);
            Base64Url.EncodeToChars(bytes, stored[Marker.Length..]);
        });
    }

    /// <summary>Decoded from the stored text in place, without copying it first; a value stored before protection existed as its UTF-8.</summary>
    public byte[] UnprotectUtf8(string stored)
    {
        if (!stored.StartsWith(Marker, StringComparison.Ordinal)) return StrictUtf8.GetBytes(stored);
        try
        {
            return _protector.Unprotect(Base64Url.DecodeFromChars(stored.AsSpan(Marker.Length)));
        }
        catch (FormatException exception)
        {
            // Data Protection's string overload reports malformed text as a cryptographic failure; so does this.
            throw new CryptographicException("The protected value is not valid base64url.", exception);
        }
    }

    /// <summary>Sealed under the current data key (<see cref="DataKeySealer"/>).</summary>
    public byte[] ProtectBytes(byte[] plaintext) => _sealer.Seal(plaintext);

    /// <summary>A value sealed under a data key, or Data Protection's own payload as earlier versions stored it.</summary>
    public byte[] UnprotectBytes(byte[] stored) => DataKeySealer.Sealed(stored) ? _sealer.Open(stored) : _protector.Unprotect(stored);
}
