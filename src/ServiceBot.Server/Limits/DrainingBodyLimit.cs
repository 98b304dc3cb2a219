using Microsoft.AspNetCore.Http.Features;

namespace ServiceBot.Server.Limits;

/// <summary>
/// A request's body limit enforced in two places: the body stream stops the application at the route's limit, while
/// Kestrel's own limit sits a drain allowance above it. A chunked body past the limit can then still be read to its end
/// and discarded before the 413 is written, so a client that is still sending reads the answer instead of a reset
/// connection. Endpoints lower the limit through the usual feature; Kestrel's ceiling follows them.
/// </summary>
internal sealed class DrainingBodyLimit(IHttpMaxRequestBodySizeFeature kestrel, long limit, long drainBytes) : IHttpMaxRequestBodySizeFeature
{
    private long _limit = limit;

    public bool IsReadOnly => kestrel.IsReadOnly;

    public long? MaxRequestBodySize
    {
        get => _limit;
        set
        {
            // A route may only tighten the limit here: an unlimited body has no place behind this middleware.
            _limit = Math.Min(value ?? long.MaxValue, _limit);
            kestrel.MaxRequestBodySize = _limit + drainBytes;
        }
    }

    public long Limit => _limit;

    /// <summary>Installs the limit on the request: the feature for endpoints and a counting body for readers.</summary>
    public static DrainingBodyLimit? Install(HttpContext context, long limit, long drainBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } kestrel) return null;
        var bodyLimit = new DrainingBodyLimit(kestrel, limit, drainBytes);
        kestrel.MaxRequestBodySize = limit + drainBytes;
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(bodyLimit);
        context.Request.Body = new LimitedBodyStream(context.Request.Body, bodyLimit);
        return bodyLimit;
    }

    /// <summary>
    /// Reads and discards what is left of the body, until its end, Kestrel's ceiling or the deadline, whichever comes
    /// first. Past the ceiling Kestrel closes the connection as before: a flood is never read in full.
    /// </summary>
    public static async Task DrainAsync(Stream kestrelBody, TimeSpan deadline, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(deadline);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await kestrelBody.ReadAsync(buffer, timeout.Token) > 0) { }
        }
        catch (Exception e) when (e is BadHttpRequestException or OperationCanceledException or IOException)
        {
            // The ceiling, the deadline or a client gone: the 413 is still written if the connection allows it.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The request body as the application sees it: reading past the limit fails the way Kestrel's own limit does.</summary>
    private sealed class LimitedBodyStream(Stream inner, DrainingBodyLimit limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit.Limit)
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return read;
        }
    }
}
