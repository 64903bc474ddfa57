using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace AdminPortal.E2E.Tests.Infrastructure;

/// <summary>
/// The portal's own self-contained executable, started as a new user would start it (Development
/// environment, demo data) on a free loopback port and a fresh SQLite file.
/// </summary>
public class PortalServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "adminportal-e2e", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string Metadata(string key) =>
        typeof(PortalServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_dataDirectory, "portal.db")}";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(_dataDirectory, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Notifications__IntervalSeconds"] = "1";
        // Development's console exporter would print a trace per request that no test reads.
        start.Environment["Telemetry__Exporter"] = "None";
        Configure(start.Environment);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping process is left to the temp folder's cleanup.
        }
    }

    /// <summary>Kestrel logs "Application started" once it listens; a portal that exits first fails the fixture with its log.</summary>
    private async Task WaitUntilServingAsync()
    {
        var exited = _process!.WaitForExitAsync();
        try
        {
            if (await Task.WhenAny(_started.Task, exited).WaitAsync(TimeSpan.FromSeconds(90)) == exited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Log}");
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The portal did not start at {BaseAddress} within 90 s:\n{Log}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            foreach (var (text, seen) in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>The built executable in the Development environment, as the journeys use it.</summary>
    protected virtual ProcessStartInfo StartInfo()
    {
        var executable = Environment.GetEnvironmentVariable("PORTAL_EXECUTABLE") ?? Metadata("PortalExecutable");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The portal executable was not built at {executable}", executable);
        }

        var start = new ProcessStartInfo(executable, ["--urls", BaseAddress.ToString()]) { WorkingDirectory = Path.GetDirectoryName(executable)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return start;
    }

    /// <summary>Waits until the portal has logged a line containing <paramref name="text"/> (at once if it already has).</summary>
    public Task WaitForLogAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_log)
        {
            if (_log.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Settings of a portal started for particular tests, as environment variables.</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The portal as the README's first command starts it: <c>dotnet run</c> with the project's launch profile, and the
/// environment a person may have set (none: the profile's Development).
/// </summary>
public sealed class LaunchProfileServer(string? environment) : PortalServer
{
    protected override ProcessStartInfo StartInfo()
    {
        var project = Path.Combine(Metadata("RepositoryRoot"), "src", "AdminPortal.Web");
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "--project", project, "--", "--urls", BaseAddress.ToString()]) { WorkingDirectory = project };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        if (environment is not null)
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        }

        return start;
    }
}

/// <summary>A portal that checks open sessions every 2 seconds instead of every minute, for tests of sessions ending.</summary>
public sealed class QuickSessionCheckPortalServer : PortalServer
{
    protected override void Configure(IDictionary<string, string?> environment) => environment["Security__RevalidationIntervalSeconds"] = "2";
}
