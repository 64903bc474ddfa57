using System.Diagnostics;
using System.Text.RegularExpressions;
using AdminPortal.E2E.Tests.Infrastructure;

namespace AdminPortal.E2E.Tests.Documentation;

/// <summary>The README's curl examples, run as written with bash and curl against the portal started with its demo.</summary>
public sealed partial class ReadmeApiExamplesTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task Every_curl_example_of_the_README_succeeds_against_the_demo_and_does_what_its_comment_says()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(PortalServer.Metadata("RepositoryRoot"), "README.md"), TestContext.Current.CancellationToken);
        var examples = ApiExamples().Match(readme[readme.IndexOf("## HTTP API", StringComparison.Ordinal)..]).Groups["script"].Value;
        Assert.Contains("curl", examples);
        var script = "set -euo pipefail\n"
            + "curl() { command curl --fail-with-body \"$@\"; echo; }\n"
            + examples.Replace("http://127.0.0.1:5080", server.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var (exitCode, output) = await RunBashAsync(script);

        Assert.True(exitCode == 0, $"The examples stopped with exit code {exitCode}:\n{output}");
        Assert.Contains("\"e164\":\"+14155551234\",\"can_release\":false", output);
        Assert.Contains("\"status\":\"pending\"", output);
        Assert.Contains("\"status\":\"released\"", output);
        Assert.Contains("\"status\":\"rejected\"", output);
        Assert.Contains("\"e164\":\"+14155550106\",\"status\":\"active\"", output);
        Assert.Contains("\"action\":\"release_requested\"", output);
        Assert.Contains("\"intact\":true", output);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (bash.ExitCode, await output + await errors);
    }

    [GeneratedRegex("```bash\\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ApiExamples();
}
