using System.Runtime.Versioning;
using System.Security.Cryptography;
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
