using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Sends the bot's backend requests through this server's own request pipeline without a socket: the request becomes
/// an <see cref="HttpContext"/> from a loopback caller and runs through the same middleware, endpoint filters
/// (the key check and unmasking) and handlers as a call over HTTP, and the buffered response comes back as an
/// <see cref="HttpResponseMessage"/>. Client and server HTTP are no longer paid twice for each sandbox call.
/// </summary>
public sealed class InProcessSandboxHandler(SandboxPipeline pipeline) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The sandbox request has no address.");
        var requestFeature = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Method = request.Method.Method,
            Scheme = uri.Scheme,
            PathBase = "",
            Path = PathString.FromUriComponent(uri),
            QueryString = QueryString.FromUriComponent(uri).Value ?? "",
            RawTarget = uri.PathAndQuery,
        };
        var headers = requestFeature.Headers;
        headers.Host = uri.Authority;
        foreach (var (name, values) in request.Headers) headers[name] = values.ToArray();
        if (request.Content is { } content)
        {
            // Bytes rather than the content's stream: a retry sends the same message again and must find the whole body.
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            requestFeature.Body = new MemoryStream(bytes, writable: false);
            foreach (var (name, values) in content.Headers) headers[name] = values.ToArray();
            headers.ContentLength = bytes.Length;
        }

        using var body = new MemoryStream();
        var response = await pipeline.RunAsync(requestFeature, body, cancellationToken);
        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length),
        };
        foreach (var (name, values) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        return message;
    }
}
