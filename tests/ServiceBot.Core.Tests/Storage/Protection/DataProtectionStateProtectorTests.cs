using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage.Protection;

public sealed class DataProtectionStateProtectorTests : IDisposable
{
    private const string Secret = "身份证130402199003074510，电话13800001111";
    private readonly TempFolder _folder = new();

    private string KeysPath => Path.Combine(_folder.Path, "state", "keys");

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsAndHidesTheText()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        var stored = protector.Protect(Secret);

        Assert.StartsWith(DataProtectionStateProtector.Marker, stored);
        Assert.DoesNotContain("130402199003074510", stored);
        Assert.DoesNotContain("13800001111", stored);
        Assert.Equal(Secret, protector.Unprotect(stored));
    }

    [Fact]
    public void Unprotect_AfterRestartOnSameKeysFolder_ReadsEarlierValues()
    {
        var stored = DataProtectionStateProtector.ForKeysFolder(KeysPath).Protect(Secret);

        Assert.Equal(Secret, DataProtectionStateProtector.ForKeysFolder(KeysPath).Unprotect(stored));
    }

    [Fact]
    public void Unprotect_KeysFolderLost_Throws()
    {
        var stored = DataProtectionStateProtector.ForKeysFolder(KeysPath).Protect(Secret);

        var elsewhere = DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "other-keys"));

        Assert.ThrowsAny<CryptographicException>(() => elsewhere.Unprotect(stored));
    }

    [Fact]
    public void Unprotect_PlainTextFromAnOlderDatabase_ReturnedAsIs()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        Assert.Equal("{\"conversationId\":\"c-1\"}", protector.Unprotect("{\"conversationId\":\"c-1\"}"));
        Assert.Equal("电话13800001111", protector.Unprotect("电话13800001111"));
    }

    [Fact]
    public void ProtectUtf8_TheTextsBytes_UnprotectsToTheText()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        var stored = protector.ProtectUtf8(Encoding.UTF8.GetBytes(Secret));

        Assert.StartsWith(DataProtectionStateProtector.Marker, stored);
        Assert.DoesNotContain("130402199003074510", stored);
        Assert.Equal(Secret, protector.Unprotect(stored));
        Assert.Equal(Encoding.UTF8.GetBytes(Secret), protector.UnprotectUtf8(stored));
    }

    [Fact]
    public void Unprotect_ValueWrittenByDataProtectionsStringOverload_ReadsIt()
    {
        var provider = new EphemeralDataProtectionProvider();
        var protector = new DataProtectionStateProtector(provider);
        // How rows were written before the byte path: the marker, then Data Protection's own base64url text.
        var earlier = DataProtectionStateProtector.Marker + provider.CreateProtector("ServiceBot.Storage.State.v1").Protect(Secret);

        Assert.Equal(Secret, protector.Unprotect(earlier));
        Assert.Equal(Encoding.UTF8.GetBytes(Secret), protector.UnprotectUtf8(earlier));
    }

    [Fact]
    public void Protect_ReadByDataProtectionsStringOverload_SameFormatAsBefore()
    {
        var provider = new EphemeralDataProtectionProvider();
        var stored = new DataProtectionStateProtector(provider).Protect(Secret);

        var read = provider.CreateProtector("ServiceBot.Storage.State.v1").Unprotect(stored[DataProtectionStateProtector.Marker.Length..]);

        Assert.Equal(Secret, read);
    }

    private static readonly byte[] SecretUtf8 = Encoding.UTF8.GetBytes(Secret);

    [Fact]
    public void ProtectBytes_ThenUnprotectBytes_RoundTripsAndHidesTheText()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        var stored = protector.ProtectBytes(SecretUtf8);

        Assert.Equal(-1, stored.AsSpan().IndexOf("130402199003074510"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf("13800001111"u8));
        Assert.Equal(SecretUtf8, protector.UnprotectBytes(stored));
        // A nonce is never used twice: the same text never seals to the same bytes.
        Assert.NotEqual(stored, protector.ProtectBytes(SecretUtf8));
    }

    [Fact]
    public void ProtectBytes_ManyValuesOnManyThreads_NoNonceRepeatsAndEveryValueOpens()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);
        var sealedValues = new byte[4000][];

        Parallel.For(0, sealedValues.Length, i => sealedValues[i] = protector.ProtectBytes(SecretUtf8));

        var nonces = sealedValues.Select(value => Convert.ToHexString(value.AsSpan(6 + WrappedKey(value).Length, 12))).ToList();
        Assert.Equal(nonces.Count, nonces.Distinct().Count());
        Assert.All(sealedValues, value => Assert.Equal(SecretUtf8, protector.UnprotectBytes(value)));
    }

    [Fact]
    public void UnprotectBytes_AfterRestartOnSameKeysFolder_ReadsEarlierValues()
    {
        var stored = DataProtectionStateProtector.ForKeysFolder(KeysPath).ProtectBytes(SecretUtf8);

        Assert.Equal(SecretUtf8, DataProtectionStateProtector.ForKeysFolder(KeysPath).UnprotectBytes(stored));
    }

    [Fact]
    public void UnprotectBytes_KeysFolderLost_Throws()
    {
        var stored = DataProtectionStateProtector.ForKeysFolder(KeysPath).ProtectBytes(SecretUtf8);

        var elsewhere = DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "other-keys"));

        Assert.ThrowsAny<CryptographicException>(() => elsewhere.UnprotectBytes(stored));
    }

    [Fact]
    public void UnprotectBytes_DataProtectionPayloadAsEarlierVersionsStoredIt_ReadsIt()
    {
        var provider = new EphemeralDataProtectionProvider();
        var earlier = provider.CreateProtector("ServiceBot.Storage.State.v1").Protect(SecretUtf8);

        Assert.Equal(SecretUtf8, new DataProtectionStateProtector(provider).UnprotectBytes(earlier));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-20)]
    [InlineData(-1)]
    public void UnprotectBytes_OneByteAltered_ThrowsCryptographicException(int position)
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);
        var stored = protector.ProtectBytes(SecretUtf8);

        stored[position < 0 ? stored.Length + position : position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.UnprotectBytes(stored));
    }

    [Fact]
    public void ProtectBytes_ADayLater_SealsUnderANewDataKeyAndReadsBoth()
    {
        var clock = new SteppedClock { Now = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero) };
        var provider = new EphemeralDataProtectionProvider();
        var protector = new DataProtectionStateProtector(provider, clock);
        var first = protector.ProtectBytes(SecretUtf8);
        var sameDay = protector.ProtectBytes(SecretUtf8);

        clock.Now = clock.Now.AddDays(1);
        var nextDay = protector.ProtectBytes(SecretUtf8);

        Assert.Equal(WrappedKey(first), WrappedKey(sameDay));
        Assert.NotEqual(WrappedKey(first), WrappedKey(nextDay));
        var restarted = new DataProtectionStateProtector(provider, clock);
        Assert.Equal(SecretUtf8, restarted.UnprotectBytes(first));
        Assert.Equal(SecretUtf8, restarted.UnprotectBytes(nextDay));
    }

    /// <summary>The wrapped data key a sealed value carries after its 4-byte format mark and 2-byte length.</summary>
    private static byte[] WrappedKey(byte[] stored) => stored.AsSpan(6, (stored[4] << 8) | stored[5]).ToArray();

    private sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void UnprotectUtf8_MalformedCiphertext_ThrowsCryptographicException()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        Assert.ThrowsAny<CryptographicException>(() => protector.UnprotectUtf8(DataProtectionStateProtector.Marker + "not*base64url"));
    }

    [Fact]
    public void UnprotectUtf8_PlainTextFromAnOlderDatabase_ItsUtf8()
    {
        var protector = DataProtectionStateProtector.ForKeysFolder(KeysPath);

        Assert.Equal(Encoding.UTF8.GetBytes("{\"text\":\"骑手\"}"), protector.UnprotectUtf8("{\"text\":\"骑手\"}"));
    }

    [UnixFact, UnsupportedOSPlatform("windows")]
    public void ForKeysFolder_FirstProtect_KeyFolderOwnerOnlyAndKeyFilesOwnerOnly()
    {
        DataProtectionStateProtector.ForKeysFolder(KeysPath).Protect(Secret);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysPath));
        var keys = Directory.GetFiles(KeysPath);
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.EndsWith(".xml", key);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        });
    }

    public void Dispose() => _folder.Dispose();
}
