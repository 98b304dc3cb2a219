using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ServiceBot.Server.Http;

/// <summary>
/// Web files embedded in the assembly under one resource prefix, so pages are served the same way from
/// <c>dotnet run</c>, a published folder, or a dll started from any working directory.
/// </summary>
public abstract class EmbeddedAssets
{
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    /// <param name="required">Files that must be embedded; a build that lost one fails at start.</param>
    /// <param name="sharedPrefix">A second prefix whose files are served too (a base stylesheet several pages use); own files win.</param>
    protected EmbeddedAssets(string resourcePrefix, IReadOnlyList<string> required, string? sharedPrefix = null)
    {
        var assembly = GetType().Assembly;
        foreach (var prefix in sharedPrefix is null ? [resourcePrefix] : new[] { sharedPrefix, resourcePrefix })
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var file = name[prefix.Length..];
                _assets[file] = Asset.Load(assembly, name, file);
            }
        foreach (var file in required)
            if (!_assets.ContainsKey(file))
                throw new InvalidOperationException($"The asset {file} is not embedded in {assembly.GetName().Name}.");
    }

    /// <summary>Serves one file with its content type, a strong ETag, and 304 for a matching If-None-Match.</summary>
    public IResult Serve(HttpContext context, string file, string cacheControl)
    {
        if (!_assets.TryGetValue(file, out var asset)) return TypedResults.NotFound();
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = cacheControl;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == asset.ETag || t.Trim() == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag)
    {
        public static Asset Load(Assembly assembly, string resource, string file)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"").ToString();
            return new Asset(content, ContentTypeOf(file), etag);
        }

        private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
    }
}
