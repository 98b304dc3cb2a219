using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// This server's request pipeline, captured when the host builds it (<see cref="SandboxPipelineCapture"/>), so that the
/// bot's calls to its own sandbox run through exactly what an HTTP caller on loopback goes through, minus the socket.
/// </summary>
public sealed class SandboxPipeline(IHttpContextFactory contexts, ILogger<SandboxPipeline> logger)
{
    private RequestDelegate? _application;

    /// <summary>True once the host has built its pipeline.</summary>
    public bool IsReady => Volatile.Read(ref _application) is not null;

    internal void Attach(RequestDelegate application) => Volatile.Write(ref _application, application);

    /// <summary>
    /// Runs one request from a loopback caller and buffers its response into <paramref name="responseBody"/>. An exception
    /// that escapes the pipeline becomes an empty 500, as Kestrel answers it.
    /// </summary>
    internal async Task<IHttpResponseFeature> RunAsync(IHttpRequestFeature request, MemoryStream responseBody, CancellationToken cancellationToken)
    {
        var application = Volatile.Read(ref _application)
            ?? throw new InvalidOperationException("The server has not built its request pipeline yet.");
        var response = new BufferedResponse();
        var body = new StreamResponseBodyFeature(responseBody);
        var features = new FeatureCollection();
        features.Set(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(body);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        var context = contexts.Create(features);
        try
        {
            try
            {
                await application(context);
                await body.CompleteAsync();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "A sandbox request run in process failed: {Method} {Path}", request.Method, request.Path);
                response.Reset(StatusCodes.Status500InternalServerError);
                responseBody.SetLength(0);
            }
            await response.StartAsync();
            return response;
        }
        finally
        {
            await response.CompleteAsync();
            contexts.Dispose(context);
        }
    }
}
