using ServiceBot.Server.BotFramework;

namespace ServiceBot.Server.Tests.BotFramework;

public sealed class BotFrameworkOptionsValidatorTests
{
    private static bool Valid(BotFrameworkOptions options) => new BotFrameworkOptionsValidator().Validate(null, options).Succeeded;

    [Fact]
    public void Validate_Defaults_SucceedAnonymously()
    {
        var options = new BotFrameworkOptions();

        Assert.True(Valid(options));
        Assert.False(options.AuthenticationEnabled);
    }

    [Fact]
    public void Validate_AppIdWithoutPassword_Fails() => Assert.False(Valid(new BotFrameworkOptions { AppId = "app" }));

    [Fact]
    public void Validate_PlainHttpMetadataOffLoopback_Fails() =>
        Assert.False(Valid(new BotFrameworkOptions { OpenIdMetadataUrl = new Uri("http://login.example.com/openid") }));

    [Fact]
    public void Validate_PlainHttpMetadataOnLoopback_Succeeds() =>
        Assert.True(Valid(new BotFrameworkOptions { OpenIdMetadataUrl = new Uri("http://127.0.0.1:5000/openid") }));

    [Fact]
    public void EngineConversationId_GroupChat_None()
    {
        var activity = new Activity { Conversation = new ConversationAccount("19:team@thread", IsGroup: true) };

        Assert.Null(BotActivities.EngineConversationId(activity));
    }

    [Fact]
    public void EngineConversationId_OverlongId_HashedWithinEngineLimit()
    {
        var activity = new Activity { Conversation = new ConversationAccount(new string('a', 300)) };

        var id = BotActivities.EngineConversationId(activity)!;

        Assert.StartsWith("bf-", id);
        Assert.True(id.Length <= 200);
    }
}
