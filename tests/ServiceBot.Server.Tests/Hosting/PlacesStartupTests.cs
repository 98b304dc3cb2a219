namespace ServiceBot.Server.Tests.Hosting;

/// <summary>A broken door-plate gazetteer stops the server at start, saying which line is wrong.</summary>
public sealed class PlacesStartupTests
{
    [Theory]
    [InlineData("KS-KF-0001 | 甲 | 昆山市 | 开发区 | 一号 |\nKS-KF-0001 | 乙 | 昆山市 | 开发区 | 二号 |", "line 2: code KS-KF-0001 is already used on line 1")]
    [InlineData("XX-XX-0001 | 甲 | 亚特兰蒂斯市 | 开发区 | 一号 |", "line 1: unknown city \"亚特兰蒂斯市\"")]
    public async Task Start_BadGazetteer_FailsNamingTheLine(string gazetteer, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicebot-places-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, gazetteer);
        var server = new ServiceBotServer(new Dictionary<string, string> { ["Places:Path"] = file });
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);
            Assert.Contains("Places:Path", failure.ToString());
            Assert.Contains(expected, failure.ToString());
        }
        finally
        {
            await server.DisposeAsync();
            File.Delete(file);
        }
    }
}
