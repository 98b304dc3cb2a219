using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// WeChat safe mode (the WXBizMsgCrypt scheme, shared by Official Accounts and WeCom): AES-256-CBC with
/// key = Base64(EncodingAesKey + "="), IV = the key's first 16 bytes, over
/// 16 random bytes ‖ big-endian msg_len ‖ message ‖ receiver id, padded PKCS#7-style to a multiple of 32 bytes.
/// The 32-byte block is why .NET's own PKCS#7 (16-byte blocks) cannot be used: padding is added and checked here.
/// </summary>
public sealed class WeChatCrypto
{
    private const int PadBlock = 32;
    private const int RandomLength = 16;

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly string _receiverId;

    public WeChatCrypto(string encodingAesKey, string receiverId)
    {
        if (!IsValidKey(encodingAesKey)) throw new ArgumentException("EncodingAESKey must be 43 letters or digits.", nameof(encodingAesKey));
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _iv = _key[..16];
        _receiverId = receiverId;
    }

    public static bool IsValidKey(string key)
    {
        if (key.Length != 43 || !key.All(char.IsAsciiLetterOrDigit)) return false;
        Span<byte> bytes = stackalloc byte[33];
        return Convert.TryFromBase64String(key + "=", bytes, out var written) && written == 32;
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>Encrypts with the given 16 leading bytes; tests pass fixed ones to reproduce published vectors.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength) throw new ArgumentException("Exactly 16 random bytes are required.", nameof(random));
        var body = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(_receiverId);
        var length = RandomLength + 4 + body.Length + receiver.Length;
        var pad = PadBlock - length % PadBlock;
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength, 4), body.Length);
        body.CopyTo(plain, RandomLength + 4);
        receiver.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <exception cref="WeChatCryptoException">Not valid ciphertext, or meant for another receiver.</exception>
    public string Decrypt(string ciphertext)
    {
        byte[] cipher;
        try { cipher = Convert.FromBase64String(ciphertext); }
        catch (FormatException) { throw new WeChatCryptoException("The ciphertext is not Base64.", receiverMismatch: false); }
        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
            throw new WeChatCryptoException("The ciphertext length is not a multiple of 32 bytes.", receiverMismatch: false);

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);

        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
            throw new WeChatCryptoException("The padding is malformed.", receiverMismatch: false);
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4) throw new WeChatCryptoException("The plaintext is too short.", receiverMismatch: false);
        var messageLength = BinaryPrimitives.ReadInt32BigEndian(content.Slice(RandomLength, 4));
        if (messageLength < 0 || messageLength > content.Length - RandomLength - 4)
            throw new WeChatCryptoException("The message length is out of range.", receiverMismatch: false);

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        string message, receiver;
        try
        {
            message = strict.GetString(content.Slice(RandomLength + 4, messageLength));
            receiver = strict.GetString(content[(RandomLength + 4 + messageLength)..]);
        }
        catch (DecoderFallbackException) { throw new WeChatCryptoException("The plaintext is not UTF-8.", receiverMismatch: false); }

        if (!string.Equals(receiver, _receiverId, StringComparison.Ordinal))
            throw new WeChatCryptoException("The message is addressed to another AppID or corpid.", receiverMismatch: true);
        return message;
    }
}

/// <summary>Safe-mode content that cannot be accepted.</summary>
public sealed class WeChatCryptoException(string message, bool receiverMismatch) : Exception(message)
{
    /// <summary>True when it decrypted fine but names another receiver: an authorisation failure rather than bad input.</summary>
    public bool ReceiverMismatch { get; } = receiverMismatch;
}
