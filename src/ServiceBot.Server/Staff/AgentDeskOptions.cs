using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Staff;

/// <summary>One staff account from configuration (<c>AgentDesk__Agents__N__Name/Token/Role</c>).</summary>
public sealed class StaffAccount
{
    public string Name { get; set; } = "";
    public string Token { get; set; } = "";
    public string Role { get; set; } = StaffRoles.Agent;
}

/// <summary>The <c>AgentDesk</c> section. With no accounts the desk refuses everyone.</summary>
public sealed class AgentDeskOptions
{
    public const string SectionName = "AgentDesk";

    public List<StaffAccount> Agents { get; set; } = [];
}

/// <summary>Every account has a name, a token and a known role; names and tokens are unique. Messages never contain a token.</summary>
public sealed class AgentDeskOptionsValidator : IValidateOptions<AgentDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentDeskOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Agents.Count; i++)
        {
            var account = options.Agents[i];
            if (string.IsNullOrWhiteSpace(account.Name)) failures.Add($"AgentDesk:Agents:{i}:Name is required.");
            if (string.IsNullOrWhiteSpace(account.Token)) failures.Add($"AgentDesk:Agents:{i}:Token is required.");
            if (!StaffRoles.All.Contains(account.Role))
                failures.Add($"AgentDesk:Agents:{i}:Role must be one of {string.Join(", ", StaffRoles.All)}.");
        }
        foreach (var group in options.Agents.Select((a, i) => (a.Token, i)).Where(a => !string.IsNullOrEmpty(a.Token)).GroupBy(a => a.Token).Where(g => g.Count() > 1))
            failures.Add($"AgentDesk:Agents:{string.Join(", ", group.Select(g => g.i))} share one token; every account needs its own.");
        foreach (var group in options.Agents.Where(a => !string.IsNullOrWhiteSpace(a.Name)).GroupBy(a => a.Name.Trim()).Where(g => g.Count() > 1))
            failures.Add($"AgentDesk:Agents: the name {group.Key} is used more than once.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
