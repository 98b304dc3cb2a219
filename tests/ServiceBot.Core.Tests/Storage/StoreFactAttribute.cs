using ServiceBot.Core.Tests.Storage.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>Marks a contract test class that needs a PostgreSQL server; its <see cref="StoreFactAttribute"/> cases skip without one.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A case of a shared store contract. Declared once on the abstract suite, it is discovered for every concrete store
/// class, and skipped for a class marked <see cref="RequiresPostgresAttribute"/> when no server is configured.
/// </summary>
[XunitTestCaseDiscoverer("ServiceBot.Core.Tests.Storage.StoreFactDiscoverer", "ServiceBot.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresTestServer.ConnectionString is null)
            return [new XunitSkippedDataRowTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresTestServer.SkipReason)];
        return [new XunitTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
