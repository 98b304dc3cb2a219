using System.Text.RegularExpressions;

namespace ServiceBot.Server.Tests.Deployment;

/// <summary>
/// Structural checks on the deployment files, standing in for <c>docker compose config</c> and <c>kubectl apply
/// --dry-run</c> where neither tool exists. Each returns the problems found, named by file path and YAML path.
/// </summary>
internal static partial class DeploymentChecks
{
    public const string HealthPath = "/healthz";

    private static readonly string[] SharedServices = ["postgres", "qdrant", "sandbox", "proxy"];

    public static IReadOnlyList<string> Compose(YamlNode compose, string nginxConfig)
    {
        var problems = new List<string>();
        var services = compose["services"];
        foreach (var name in SharedServices)
            if (services[name].IsMissing) problems.Add($"compose: no service '{name}'");

        var replicas = services.Entries.Where(s => ReplicaName().IsMatch(s.Key)).ToList();
        if (replicas.Count != 3) problems.Add($"compose: {replicas.Count} ServiceBot replicas (servicebot-N), expected 3");
        foreach (var (name, replica) in replicas)
        {
            if (replica["image"].IsMissing && replica["build"].IsMissing) problems.Add($"compose: {name} has neither image nor build");
            var environment = Environment(replica, problems);
            Expect(environment, "State__Provider", "postgres", problems);
            if (environment["State__ConnectionString"].Text?.StartsWith("Host=", StringComparison.Ordinal) != true)
                problems.Add($"compose: {name} State__ConnectionString is not a PostgreSQL connection string");
            Expect(environment, "Sandbox__Enabled", "false", problems);
            if (!Uri.TryCreate(environment["Backend__BaseUrl"].Text, UriKind.Absolute, out var backend) || backend.Host != "sandbox")
                problems.Add($"compose: {name} Backend__BaseUrl does not point at the sandbox service");
            if (!HasHealthCheck(replica)) problems.Add($"compose: {name} has no healthcheck");
            if (!Regex.IsMatch(nginxConfig, $@"^\s*server\s+{Regex.Escape(name)}:8080\b", RegexOptions.Multiline))
                problems.Add($"nginx.conf: the upstream does not list {name}:8080");
        }

        var sandbox = Environment(services["sandbox"], problems);
        Expect(sandbox, "Sandbox__Enabled", "true", problems);
        Expect(sandbox, "Sandbox__Provider", "postgres", problems);

        var postgres = services["postgres"];
        if (postgres["image"].Text?.StartsWith("postgres:15", StringComparison.Ordinal) != true) problems.Add("compose: postgres is not PostgreSQL 15");
        if (postgres["volumes"].Items.Count == 0) problems.Add("compose: postgres keeps its data in no volume");
        if (!HasHealthCheck(postgres)) problems.Add("compose: postgres has no healthcheck");
        if (services["qdrant"]["image"].Text?.Contains("qdrant", StringComparison.Ordinal) != true) problems.Add("compose: qdrant does not run the Qdrant image");
        if (!services["proxy"]["volumes"].Items.Any(v => v.Text?.Contains("nginx.conf", StringComparison.Ordinal) == true))
            problems.Add("compose: the proxy does not mount nginx.conf");

        foreach (var (name, service) in services.Entries)
            foreach (var (key, value) in service["environment"].Entries)
                if (IsSecret(key, value.Text) && value.Text?.Contains("${", StringComparison.Ordinal) != true)
                    problems.Add($"compose: {name} {key} holds a literal secret; take it from the environment (${{…}})");
        return problems;
    }

    /// <summary>The image builds on the .NET 10 SDK, runs on the ASP.NET runtime with knowledge/, and copies only what exists.</summary>
    public static IReadOnlyList<string> Dockerfile(string text, string repositoryRoot)
    {
        var problems = new List<string>();
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        if (stages.FirstOrDefault()?.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal) != true)
            problems.Add("Dockerfile: the first stage is not mcr.microsoft.com/dotnet/sdk:10.0");
        if (stages.Count < 2 || !stages[^1].StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal))
            problems.Add("Dockerfile: the last stage is not mcr.microsoft.com/dotnet/aspnet:10.0");

        var runtime = lines.SkipWhile(l => l != stages.LastOrDefault()).ToList();
        if (!runtime.Any(l => l.StartsWith("COPY knowledge/", StringComparison.Ordinal))) problems.Add("Dockerfile: the runtime stage does not copy knowledge/");
        if (!runtime.Any(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("ServiceBot.Server.dll", StringComparison.Ordinal)))
            problems.Add("Dockerfile: the entry point does not start ServiceBot.Server.dll");
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
                if (!File.Exists(Path.Combine(repositoryRoot, source)) && !Directory.Exists(Path.Combine(repositoryRoot, source)))
                    problems.Add($"Dockerfile: '{copy}' copies {source}, which the repository does not have");
        }
        return problems;
    }

    public static IReadOnlyList<string> Kubernetes(IReadOnlyList<(string File, YamlNode Document)> documents)
    {
        var problems = new List<string>();
        foreach (var (file, document) in documents)
            foreach (var field in new[] { document["apiVersion"], document["kind"], document["metadata"]["name"] })
                if (string.IsNullOrWhiteSpace(field.Text)) problems.Add($"{file}: {field.Path} is missing");

        var byKind = documents.ToLookup(d => d.Document["kind"].Text);
        foreach (var (file, secret) in byKind["Secret"])
            if (!secret["data"].IsMissing || !secret["stringData"].IsMissing)
                problems.Add($"{file}: Secret {secret["metadata"]["name"].Text} carries values; secrets are created by the operator, not committed");

        var configMaps = byKind["ConfigMap"].Select(d => d.Document["metadata"]["name"].Text).ToHashSet();
        var deployments = byKind["Deployment"].ToList();
        if (deployments.Count == 0) problems.Add("k8s: no Deployment");
        foreach (var (file, deployment) in deployments) CheckDeployment(file, deployment, configMaps, problems);
        if (!deployments.Any(d => d.Document["spec"]["replicas"].Text == "3")) problems.Add("k8s: no Deployment runs 3 replicas");

        var services = byKind["Service"].ToList();
        if (services.Count == 0) problems.Add("k8s: no Service");
        foreach (var (file, service) in services) CheckService(file, service, deployments.Select(d => d.Document).ToList(), problems);
        return problems;
    }

    private static void CheckDeployment(string file, YamlNode deployment, HashSet<string?> configMaps, List<string> problems)
    {
        var template = deployment["spec"]["template"];
        var podLabels = Labels(template["metadata"]["labels"]);
        var selector = Labels(deployment["spec"]["selector"]["matchLabels"]);
        if (selector.Count == 0 || selector.Any(l => !podLabels.Contains(l)))
            problems.Add($"{file}: {deployment["spec"]["selector"].Path} does not select the pod template's labels");

        var containers = template["spec"]["containers"].Items;
        if (containers.Count == 0) problems.Add($"{file}: {template.Path}.spec.containers is empty");
        foreach (var container in containers)
        {
            var ports = ContainerPorts(container);
            if (ports.Count == 0) problems.Add($"{file}: {container.Path} declares no containerPort");
            foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
            {
                var get = container[probe]["httpGet"];
                if (get.IsMissing) problems.Add($"{file}: {container.Path}.{probe} is missing or not an HTTP probe");
                else if (get["path"].Text != HealthPath) problems.Add($"{file}: {get.Path}.path is '{get["path"].Text}', not {HealthPath}");
                else if (!ports.Contains(get["port"].Text ?? "")) problems.Add($"{file}: {get.Path}.port '{get["port"].Text}' is not a port of the container");
            }
            foreach (var source in container["envFrom"].Items)
                if (source["configMapRef"]["name"].Text is { } name && !configMaps.Contains(name))
                    problems.Add($"{file}: {source.Path} refers to ConfigMap '{name}', which no manifest defines");
            foreach (var variable in container["env"].Items)
                if (IsSecret(variable["name"].Text ?? "", variable["value"].Text) && !variable["value"].IsMissing)
                    problems.Add($"{file}: {variable.Path} ({variable["name"].Text}) holds a literal secret; use secretKeyRef");
        }
    }

    private static void CheckService(string file, YamlNode service, IReadOnlyList<YamlNode> deployments, List<string> problems)
    {
        var selector = Labels(service["spec"]["selector"]);
        var target = deployments.FirstOrDefault(d =>
            selector.Count > 0 && selector.All(Labels(d["spec"]["template"]["metadata"]["labels"]).Contains));
        if (target is null)
        {
            problems.Add($"{file}: Service {service["metadata"]["name"].Text} selects no Deployment's pods");
            return;
        }
        var ports = target["spec"]["template"]["spec"]["containers"].Items.SelectMany(ContainerPorts).ToHashSet();
        foreach (var port in service["spec"]["ports"].Items)
            if (!ports.Contains(port["targetPort"].Text ?? port["port"].Text ?? ""))
                problems.Add($"{file}: {port.Path}.targetPort is not a port of {target["metadata"]["name"].Text}'s containers");
    }

    private static YamlNode Environment(YamlNode service, List<string> problems)
    {
        var environment = service["environment"];
        if (environment.Value is not IDictionary<object, object>) problems.Add($"compose: {environment.Path} is missing or not a map");
        return environment;
    }

    private static void Expect(YamlNode environment, string key, string expected, List<string> problems)
    {
        var value = environment[key];
        if (value.Text != expected) problems.Add($"compose: {value.Path} is '{value.Text}', expected '{expected}'");
    }

    private static bool HasHealthCheck(YamlNode service) => service["healthcheck"]["test"].Items.Count > 0;

    private static HashSet<KeyValuePair<string, string?>> Labels(YamlNode labels) =>
        labels.Entries.Select(e => KeyValuePair.Create(e.Key, e.Value.Text)).ToHashSet();

    /// <summary>A container's ports as a probe or Service may name them: by name and by number.</summary>
    private static HashSet<string> ContainerPorts(YamlNode container) =>
        container["ports"].Items.SelectMany(p => new[] { p["name"].Text, p["containerPort"].Text }).OfType<string>().ToHashSet();

    private static bool IsSecret(string key, string? value) =>
        value?.Contains("Password=", StringComparison.OrdinalIgnoreCase) == true
        || SecretKey().IsMatch(key);

    [GeneratedRegex(@"^servicebot-\d+$")]
    private static partial Regex ReplicaName();

    [GeneratedRegex(@"(Password|Secret|ApiKey|Token|-Key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
