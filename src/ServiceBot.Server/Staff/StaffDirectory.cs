using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Staff;

/// <summary>A signed-in staff member.</summary>
public sealed record StaffMember(string Name, string Role)
{
    public bool IsSupervisor => StaffRoles.Supervisors.Contains(Role);
}

/// <summary>
/// Finds the account a bearer token belongs to. Tokens are compared as SHA-256 digests with a fixed-time
/// comparison against every account, so neither the match nor its position leaks through timing.
/// </summary>
public sealed class StaffDirectory(IOptions<AgentDeskOptions> options)
{
    private readonly (byte[] Digest, StaffMember Member)[] _accounts =
        [.. options.Value.Agents.Select(a => (Digest(a.Token), new StaffMember(a.Name.Trim(), a.Role)))];

    public StaffMember? Authenticate(string token)
    {
        var digest = Digest(token);
        StaffMember? found = null;
        foreach (var (candidate, member) in _accounts)
            if (CryptographicOperations.FixedTimeEquals(candidate, digest)) found = member;
        return found;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
