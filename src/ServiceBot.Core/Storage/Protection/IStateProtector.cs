using System.Text;

namespace ServiceBot.Storage.Protection;

/// <summary>
/// Encrypts what the stores keep of users' words and data (conversation state, replies, transcripts, feedback
/// comments, audit texts) before it reaches the database, and decrypts it when read.
/// </summary>
public interface IStateProtector
{
    string Protect(string plaintext);

    /// <summary>A protected value decrypted; a value stored before protection existed (older databases) as it is.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected the value is gone.</exception>
    string Unprotect(string stored);

    /// <summary>
    /// UTF-8 text (serialised JSON) protected without passing through a string: the value <see cref="Protect"/> gives for
    /// the same text. An implementation overrides it when it can skip the copies.
    /// </summary>
    string ProtectUtf8(byte[] plaintext) => Protect(Encoding.UTF8.GetString(plaintext));

    /// <summary><see cref="Unprotect"/> to UTF-8 bytes, for a reader that parses them directly.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected the value is gone.</exception>
    byte[] UnprotectUtf8(string stored) => Encoding.UTF8.GetBytes(Unprotect(stored));

    /// <summary>
    /// UTF-8 text protected to bytes, for a binary column: no base64 and no UTF-16 string on the way to the database.
    /// An implementation overrides it when its cipher works on bytes.
    /// </summary>
    byte[] ProtectBytes(byte[] plaintext) => Encoding.UTF8.GetBytes(ProtectUtf8(plaintext));

    /// <summary>What <see cref="ProtectBytes"/> wrote, decrypted to its UTF-8 bytes.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected the value is gone.</exception>
    byte[] UnprotectBytes(byte[] stored) => UnprotectUtf8(Encoding.UTF8.GetString(stored));
}

public static class StateProtectorExtensions
{
    public static string? ProtectOptional(this IStateProtector protector, string? plaintext)
        => plaintext is null ? null : protector.Protect(plaintext);

    public static string? UnprotectOptional(this IStateProtector protector, string? stored)
        => stored is null ? null : protector.Unprotect(stored);

    /// <summary>Text protected to bytes (<see cref="IStateProtector.ProtectBytes"/>), for a column <see cref="UnprotectText"/> reads.</summary>
    public static byte[]? ProtectTextBytes(this IStateProtector protector, string? plaintext)
        => plaintext is null ? null : protector.ProtectBytes(Encoding.UTF8.GetBytes(plaintext));

    /// <summary>A stored text of either shape: bytes from <see cref="ProtectTextBytes"/>, or text from <see cref="IStateProtector.Protect"/>.</summary>
    public static string UnprotectText(this IStateProtector protector, object stored) => stored switch
    {
        byte[] bytes => Encoding.UTF8.GetString(protector.UnprotectBytes(bytes)),
        string text => protector.Unprotect(text),
        _ => throw new InvalidDataException($"A stored value of type {stored.GetType().Name} is neither bytes nor text."),
    };
}
