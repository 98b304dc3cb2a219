using System.Net.Http.Headers;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>The console's calls as the page makes them: a multipart upload, a re-index polled to its end.</summary>
internal static class AdminHttp
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        return await client.PostAsync("api/admin/documents", form);
    }

    /// <summary>Starts a re-index and polls its status until it is no longer running; returns every status seen.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReindexAsync(HttpClient client)
    {
        using var started = await client.PostAsync("api/admin/reindex", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        var seen = new List<JsonElement> { await AdminServer.JsonOf(started) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var status = await AdminServer.JsonOf(await client.GetAsync("api/admin/reindex"));
            seen.Add(status);
            if (status.GetProperty("state").GetString() != "running") return seen;
            await Task.Delay(100);
        }
        throw new TimeoutException("The re-index did not finish within 90 s.");
    }
}
