namespace ServiceBot.Server.Tests.Deployment;

/// <summary>The Compose file and Kubernetes manifests under deploy/ parse and describe a working multi-replica setup.</summary>
public sealed class DeploymentFilesTests
{
    private static string Deploy => Path.Combine(RepositoryPaths.Root, "deploy");

    private static string ComposeText => File.ReadAllText(Path.Combine(Deploy, "compose.yaml"));

    private static string DockerfileText => File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));

    private static string NginxConfig => File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));

    private static List<(string File, YamlNode Document)> KubernetesDocuments() =>
        Directory.EnumerateFiles(Path.Combine(Deploy, "k8s"), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => YamlDocuments.Load(file).Select(document => (Path.GetFileName(file), document)))
            .ToList();

    [Fact]
    public void EveryYamlFile_UnderDeploy_Parses()
    {
        var files = Directory.EnumerateFiles(Deploy, "*.yaml", SearchOption.AllDirectories).ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == "compose.yaml");
        Assert.All(files, file => Assert.NotEmpty(YamlDocuments.Load(file)));
    }

    [Fact]
    public void Compose_AsWritten_PassesEveryCheck()
    {
        var compose = Assert.Single(YamlDocuments.Parse(ComposeText));

        Assert.Empty(DeploymentChecks.Compose(compose, NginxConfig));
    }

    [Fact]
    public void Compose_ReplicasOnSqlite_ReportsEveryReplica()
    {
        // The replicas share their settings through one anchor, so one edit moves all three off PostgreSQL.
        var edited = ComposeText.Replace("State__Provider: postgres", "State__Provider: sqlite", StringComparison.Ordinal);

        var problems = DeploymentChecks.Compose(Assert.Single(YamlDocuments.Parse(edited)), NginxConfig);

        Assert.Equal(3, problems.Count(p => p.Contains("State__Provider", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compose_LiteralPassword_IsReported()
    {
        var edited = ComposeText.Replace("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in deploy/.env}",
            "POSTGRES_PASSWORD: hunter2", StringComparison.Ordinal);
        Assert.NotEqual(ComposeText, edited);

        var problems = DeploymentChecks.Compose(Assert.Single(YamlDocuments.Parse(edited)), NginxConfig);

        Assert.Contains(problems, p => p.Contains("postgres POSTGRES_PASSWORD holds a literal secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_ReplicaMissingFromProxy_IsReported()
    {
        var problems = DeploymentChecks.Compose(Assert.Single(YamlDocuments.Parse(ComposeText)), NginxConfig.Replace("server servicebot-3:8080", "", StringComparison.Ordinal));

        Assert.Equal(["nginx.conf: the upstream does not list servicebot-3:8080"], problems);
    }

    [Fact]
    public void Dockerfile_AsWritten_PassesEveryCheck()
    {
        Assert.Empty(DeploymentChecks.Dockerfile(DockerfileText, RepositoryPaths.Root));
    }

    [Fact]
    public void Dockerfile_CopyingAMissingProject_IsReported()
    {
        var edited = DockerfileText.Replace("src/ServiceBot.Server/ServiceBot.Server.csproj src/ServiceBot.Server/",
            "src/ServiceBot.Web/ServiceBot.Web.csproj src/ServiceBot.Web/", StringComparison.Ordinal);
        Assert.NotEqual(DockerfileText, edited);

        var problem = Assert.Single(DeploymentChecks.Dockerfile(edited, RepositoryPaths.Root));

        Assert.Contains("copies src/ServiceBot.Web/ServiceBot.Web.csproj", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_AsWritten_PassesEveryCheck()
    {
        var documents = KubernetesDocuments();

        Assert.Empty(DeploymentChecks.Kubernetes(documents));
        Assert.Contains(documents, d => d.Document["kind"].Text == "Deployment" && d.Document["metadata"]["name"].Text == "servicebot");
    }

    [Fact]
    public void Kubernetes_DeploymentWithoutReadinessProbe_IsReported()
    {
        var documents = KubernetesDocuments();
        var container = documents.Single(d => d.Document["metadata"]["name"].Text == "servicebot" && d.Document["kind"].Text == "Deployment")
            .Document["spec"]["template"]["spec"]["containers"].Items[0];
        ((IDictionary<object, object>)container.Value!).Remove("readinessProbe");

        var problem = Assert.Single(DeploymentChecks.Kubernetes(documents));

        Assert.Contains("readinessProbe is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_ProbeOnAnotherPort_IsReported()
    {
        var deployment = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(Deploy, "k8s", "deployment.yaml")),
            @"(path: /healthz\s+port: )http", "${1}9090");
        var edited = KubernetesDocuments().Select(d => (d.File, Document: d.File == "deployment.yaml" ? Assert.Single(YamlDocuments.Parse(deployment)) : d.Document))
            .ToList();

        var problems = DeploymentChecks.Kubernetes(edited);

        Assert.Equal(2, problems.Count); // readiness and liveness; the startup probe is not checked
        Assert.All(problems, p => Assert.Contains("port '9090' is not a port of the container", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_ServiceSelectingNoPods_IsReported()
    {
        var documents = KubernetesDocuments();
        var service = documents.Single(d => d.Document["kind"].Text == "Service" && d.Document["metadata"]["name"].Text == "servicebot").Document;
        ((IDictionary<object, object>)service["spec"]["selector"].Value!)["app.kubernetes.io/component"] = "replcia";

        var problem = Assert.Single(DeploymentChecks.Kubernetes(documents));

        Assert.Equal("service.yaml: Service servicebot selects no Deployment's pods", problem);
    }
}
