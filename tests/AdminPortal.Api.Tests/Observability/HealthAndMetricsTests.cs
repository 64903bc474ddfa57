using System.Diagnostics.Metrics;
using AdminPortal.Infrastructure.Jobs;
using AdminPortal.Infrastructure.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Api.Tests.Observability;

/// <summary>What a load balancer and a metrics collector read: health probes without signing in, and the portal's own meter.</summary>
public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_Healthy_to_anyone()
    {
        await using var host = await ApiHost.StartAsync([]);
        using var client = host.Client();

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Health_probes_answer_GET_and_HEAD_and_any_other_method_405_with_Allow()
    {
        await using var host = await ApiHost.StartAsync([]);
        using var client = host.Client();

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
            {
                using var refused = await client.SendAsync(new HttpRequestMessage(method, path), Ct);
                Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
                Assert.Equal(["GET", "HEAD"], refused.Content.Headers.Allow.Order());
            }
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_the_database_cannot_be_reached_and_live_still_200()
    {
        await using var host = await ApiHost.StartAsync([]);
        using var client = host.Client();

        await using (await TakeDatabaseAwayAsync(host.Db))
        {
            using var ready = await client.GetAsync("/health/ready", Ct);
            using var live = await client.GetAsync("/health/live", Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
    }

    [Fact]
    public async Task Outside_Development_health_probes_over_plain_HTTP_are_answered_while_pages_are_sent_to_HTTPS()
    {
        await using var host = await ApiHost.StartAsync(new() { ["AllowedHosts"] = "localhost", ["https_port"] = "443" }, environment: "Production");
        using var client = host.Client();

        using var ready = await client.GetAsync("http://localhost/health/ready", Ct);
        using var page = await client.GetAsync("http://localhost/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
    }

    [Fact]
    public async Task The_portal_meter_reports_pending_requests_the_oldest_ones_age_and_the_last_minutes_decisions()
    {
        await using var host = await ApiHost.StartAsync([]);
        var factory = host.Factory.Services.GetRequiredService<IMeterFactory>();
        await host.RequestReleaseAsync(await host.NumberAsync());
        host.Db.Clock.Advance(TimeSpan.FromMinutes(10));
        var decided = await host.RequestReleaseAsync(await host.NumberAsync());
        await host.ApproveAsync(decided.String("id"));

        await host.Factory.Services.GetRequiredService<QueueSampler>().SampleAsync(Ct);
        var readings = MeterReadings.Read(factory, PortalMetrics.MeterName);

        Assert.Equal(1, readings["adminportal.requests.pending"]);
        Assert.Equal(600, readings["adminportal.requests.oldest_pending_age"]);
        Assert.Equal(1, readings["adminportal.decisions.per_minute"]);
        Assert.Equal(0, readings["adminportal.returns.per_minute"]);
        Assert.Equal(0, readings["adminportal.circuits.open"]);
    }

    /// <summary>The database stops answering until the returned handle is disposed: a folder where the SQLite file was, or PostgreSQL refusing connections to it.</summary>
    private static async Task<IAsyncDisposable> TakeDatabaseAwayAsync(TestDatabase db)
    {
        if (TestDatabase.OnPostgres)
        {
            var name = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database;
            await AdminAsync(db, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
            return new Restore(() => AdminAsync(db, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true"));
        }

        SqliteConnection.ClearAllPools();
        var aside = db.FilePath + ".aside";
        File.Move(db.FilePath, aside);
        Directory.CreateDirectory(db.FilePath);
        return new Restore(() =>
        {
            Directory.Delete(db.FilePath);
            File.Move(aside, db.FilePath);
            return Task.CompletedTask;
        });
    }

    private static async Task AdminAsync(TestDatabase db, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
