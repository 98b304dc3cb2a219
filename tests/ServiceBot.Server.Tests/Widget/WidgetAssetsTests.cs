using System.Net;
using System.Net.Http.Headers;

namespace ServiceBot.Server.Tests.Widget;

public sealed class WidgetAssetsTests(WidgetServer server) : IClassFixture<WidgetServer>
{
    [Fact]
    public async Task Root_DemoPage_HtmlWithTheOneWidgetTag()
    {
        using var response = await server.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("新就业群体服务专区", html);
        Assert.Contains("<script src=\"/widget/widget.js\" data-servicebot-url=\"/\" defer></script>", html);
    }

    [Theory]
    [InlineData("widget/widget.js", "text/javascript")]
    [InlineData("widget/widget.css", "text/css")]
    public async Task WidgetFile_Served_WithContentTypeAndCaching(string path, string mediaType)
    {
        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task WidgetFile_MatchingETag_304()
    {
        using var first = await server.Http.GetAsync("widget/widget.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "widget/widget.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("widget/nothing.js")]
    [InlineData("widget/index.html")]
    public async Task WidgetFile_Unknown_404(string path)
    {
        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_AllowsPostWithJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/chat/stream");
        request.Headers.Add("Origin", "https://www.example.gov.cn");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("Content-Type, Authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }
}
