using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AdminPortal.Benchmarks.Circuits;

/// <summary>
/// The built portal (Release) started as its own process, in the Development environment with the demo data, on a free
/// loopback port and a fresh SQLite file: the process whose memory the circuits benchmark reads.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "adminportal-circuits", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private PortalProcess(Uri address, IDictionary<string, string> settings)
    {
        Address = address;
        Directory.CreateDirectory(_folder);
        var web = Path.Combine(Repository.Root, "src", "AdminPortal.Web", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "AdminPortal.Web.dll"), "--urls", address.ToString()])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_folder, "portal.db")}";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(_folder, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Telemetry__Exporter"] = "None";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Id => _process.Id;

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

    /// <summary>Resident memory of the portal process, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public static async Task<PortalProcess> StartAsync(IDictionary<string, string>? settings = null)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var portal = new PortalProcess(new Uri($"http://127.0.0.1:{port}"), settings ?? new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = portal.Address };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (portal._process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited:\n{portal.Log}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not answer within 90 s:\n{portal.Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleanup.
        }
    }
}

internal static class Repository
{
    /// <summary>The folder holding AdminPortal.sln, above the benchmark's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AdminPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AdminPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
