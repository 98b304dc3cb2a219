using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ServiceBot.Storage.Protection;

/// <summary>
/// AES-256-GCM under a data key that Data Protection wraps. Data Protection derives fresh subkeys and computes an
/// HMAC for every value; a turn seals its state and its reply, so that work was paid twice a turn. Here a random
/// data key is made per process and day, wrapped once by the key ring, and carried wrapped in every value it seals,
/// so any process with the key ring opens it (a replica, a restart) and revoking or losing the ring's key still
/// makes the values unreadable. Opened data keys are remembered, so reading pays the key ring once per data key.
/// </summary>
/// <remarks>
/// Layout: <see cref="Magic"/> (4) | wrapped key length (2, big-endian) | wrapped key | nonce (12) | tag (16) | ciphertext.
/// Everything before the nonce is authenticated as associated data. A nonce is the data key's random 4-byte prefix and
/// the number of the seal under that key (8 bytes, big-endian; NIST SP 800-38D's deterministic construction): unique
/// for the key without asking the OS for randomness on every value, which was most of a seal's cost. A data key belongs
/// to one process, so no other process counts under it; it seals at most <see cref="MaximumSealsPerKey"/> values.
/// Values sealed with random nonces read the same: a reader takes the nonce as stored.
/// </remarks>
internal sealed class DataKeySealer(IDataProtector keyWrapper, TimeProvider clock)
{
    /// <summary>"SBG1": never the start of a Data Protection payload (09 F0 C9 F0), so older values are told apart.</summary>
    private static ReadOnlySpan<byte> Magic => [0x53, 0x42, 0x47, 0x31];

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaximumSealsPerKey = 1 << 28;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    private readonly Lock _rotation = new();
    private readonly ConcurrentDictionary<string, byte[]> _opened = new(StringComparer.Ordinal);
    private DataKey? _current;

    /// <summary>Whether <paramref name="stored"/> was sealed here rather than by Data Protection itself.</summary>
    public static bool Sealed(ReadOnlySpan<byte> stored) => stored.StartsWith(Magic);

    // AesGcm expands its key when made; one per thread and key spares that on every value (an instance is not thread-safe).
    [ThreadStatic] private static AesGcm? t_cipher;
    [ThreadStatic] private static byte[]? t_cipherKey;

    public byte[] Seal(ReadOnlySpan<byte> plaintext)
    {
        var (key, seal) = CurrentKey();
        var header = Magic.Length + sizeof(ushort) + key.Wrapped.Length;
        var sealedValue = new byte[header + NonceSize + TagSize + plaintext.Length];
        Magic.CopyTo(sealedValue);
        BinaryPrimitives.WriteUInt16BigEndian(sealedValue.AsSpan(Magic.Length), (ushort)key.Wrapped.Length);
        key.Wrapped.CopyTo(sealedValue, Magic.Length + sizeof(ushort));
        var nonce = sealedValue.AsSpan(header, NonceSize);
        key.NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteInt64BigEndian(nonce[key.NoncePrefix.Length..], seal);
        Cipher(key.Key).Encrypt(nonce, plaintext, sealedValue.AsSpan(header + NonceSize + TagSize), sealedValue.AsSpan(header + NonceSize, TagSize),
            sealedValue.AsSpan(0, header));
        return sealedValue;
    }

    /// <exception cref="CryptographicException">The value was altered, or the key ring no longer holds the key that wrapped its data key.</exception>
    public byte[] Open(byte[] stored)
    {
        if (!Sealed(stored) || stored.Length < Magic.Length + sizeof(ushort))
            throw new CryptographicException("The value was not sealed with a data key.");
        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(stored.AsSpan(Magic.Length));
        var header = Magic.Length + sizeof(ushort) + wrappedLength;
        if (stored.Length < header + NonceSize + TagSize) throw new CryptographicException("The sealed value is truncated.");
        var key = OpenKey(stored.AsSpan(Magic.Length + sizeof(ushort), wrappedLength));
        var plaintext = new byte[stored.Length - header - NonceSize - TagSize];
        Cipher(key).Decrypt(stored.AsSpan(header, NonceSize), stored.AsSpan(header + NonceSize + TagSize), stored.AsSpan(header + NonceSize, TagSize),
            plaintext, stored.AsSpan(0, header));
        return plaintext;
    }

    private static AesGcm Cipher(byte[] key)
    {
        if (!ReferenceEquals(t_cipherKey, key))
        {
            t_cipher?.Dispose();
            t_cipher = new AesGcm(key, TagSize);
            t_cipherKey = key;
        }
        return t_cipher!;
    }

    /// <summary>The data key to seal with and this seal's number under it, never given twice.</summary>
    private (DataKey Key, long Seal) CurrentKey()
    {
        while (true)
        {
            var current = _current;
            if (current is not null && clock.GetUtcNow() < current.Expires)
            {
                var seal = Interlocked.Increment(ref current.Seals);
                if (seal <= MaximumSealsPerKey) return (current, seal);
            }
            lock (_rotation)
            {
                // Another thread may have made a new key meanwhile: its numbers are taken like any other's, above.
                if (!ReferenceEquals(_current, current)) continue;
                var key = RandomNumberGenerator.GetBytes(KeySize);
                var wrapped = keyWrapper.Protect(key);
                _opened[Convert.ToBase64String(wrapped)] = key;
                _current = new DataKey(key, wrapped, RandomNumberGenerator.GetBytes(NonceSize - sizeof(long)), clock.GetUtcNow() + KeyLifetime);
            }
        }
    }

    private byte[] OpenKey(ReadOnlySpan<byte> wrapped)
    {
        var id = Convert.ToBase64String(wrapped);
        if (_opened.TryGetValue(id, out var key)) return key;
        key = keyWrapper.Unprotect(wrapped.ToArray());
        if (key.Length != KeySize) throw new CryptographicException("The data key has the wrong length.");
        return _opened.GetOrAdd(id, key);
    }

    private sealed class DataKey(byte[] key, byte[] wrapped, byte[] noncePrefix, DateTimeOffset expires)
    {
        public byte[] Key { get; } = key;
        public byte[] Wrapped { get; } = wrapped;
        public byte[] NoncePrefix { get; } = noncePrefix;
        public DateTimeOffset Expires { get; } = expires;

        /// <summary>Values sealed so far (counted before each seal; each count is that seal's nonce).</summary>
        public long Seals;
    }
}
