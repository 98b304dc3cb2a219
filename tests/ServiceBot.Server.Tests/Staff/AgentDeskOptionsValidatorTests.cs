using ServiceBot.Server.Staff;

namespace ServiceBot.Server.Tests.Staff;

public sealed class AgentDeskOptionsValidatorTests
{
    private static AgentDeskOptions Options(params (string Name, string Token, string Role)[] accounts) =>
        new() { Agents = [.. accounts.Select(a => new StaffAccount { Name = a.Name, Token = a.Token, Role = a.Role })] };

    [Fact]
    public void Validate_DistinctAccountsKnownRoles_Succeeds()
    {
        var result = new AgentDeskOptionsValidator().Validate(null, Options(("alice", "t-1", "agent"), ("sue", "t-2", "supervisor"), ("ada", "t-3", "admin")));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NoAccounts_Succeeds()
    {
        Assert.True(new AgentDeskOptionsValidator().Validate(null, new AgentDeskOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SharedToken_FailsWithoutShowingIt()
    {
        var result = new AgentDeskOptionsValidator().Validate(null, Options(("alice", "secret-token", "agent"), ("bob", "secret-token", "agent")));

        Assert.True(result.Failed);
        Assert.Contains("share one token", result.FailureMessage);
        Assert.DoesNotContain("secret-token", result.FailureMessage);
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("root")]
    [InlineData("")]
    public void Validate_UnknownRole_FailsNamingTheKey(string role)
    {
        var result = new AgentDeskOptionsValidator().Validate(null, Options(("alice", "t-1", role)));

        Assert.True(result.Failed);
        Assert.Contains("AgentDesk:Agents:0:Role", result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingNameOrToken_Fails()
    {
        var result = new AgentDeskOptionsValidator().Validate(null, Options(("", "t-1", "agent"), ("bob", " ", "agent")));

        Assert.Contains("AgentDesk:Agents:0:Name", result.FailureMessage);
        Assert.Contains("AgentDesk:Agents:1:Token", result.FailureMessage);
    }

    [Fact]
    public void Authenticate_TokenOfOneAccount_ThatMemberOnly()
    {
        var directory = new StaffDirectory(Microsoft.Extensions.Options.Options.Create(Options(("alice", "t-1", "agent"), ("sue", "t-2", "supervisor"))));

        Assert.Equal(new StaffMember("sue", "supervisor"), directory.Authenticate("t-2"));
        Assert.Null(directory.Authenticate("t-3"));
        Assert.Null(directory.Authenticate("T-1"));
    }
}
