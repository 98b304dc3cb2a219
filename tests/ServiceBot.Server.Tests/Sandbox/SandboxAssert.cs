using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Sandbox;

internal static class SandboxAssert
{
    /// <summary>Asserts a problem-details answer with the given status and stable code, and returns its detail.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
        return document.RootElement.GetProperty("detail").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    public static Dictionary<string, string> Slots(JsonElement ticket) =>
        ticket.GetProperty("slots").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
