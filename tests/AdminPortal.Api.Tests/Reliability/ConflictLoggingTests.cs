using AdminPortal.Application.Releases;
using AdminPortal.Infrastructure.Api;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Api.Tests.Reliability;

/// <summary>The log's errors are failures someone must look at: a conflict the portal handles is not one of them.</summary>
public sealed class ConflictLoggingTests
{
    [Fact]
    public async Task A_save_that_loses_a_race_and_is_told_as_CONCURRENT_UPDATE_writes_no_error_to_the_log()
    {
        var logs = new LogCapture();
        await using var host = await ApiHost.StartAsync([], services => services.AddSingleton<ILoggerProvider>(logs));
        var contexts = host.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var first = await contexts.CreateDbContextAsync(Ct);
        await using var second = await contexts.CreateDbContextAsync(Ct);
        first.IdempotencyRecords.Add(Claim());
        second.IdempotencyRecords.Add(Claim());

        await first.SaveChangesAsync(Ct);
        var lost = await second.CommitAsync(Ct);

        lost.Failed(Errors.ConcurrentUpdate);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);

        IdempotencyRecord Claim() => new() { UserId = host.Owner.Actor.UserId, Key = "one key", RequestHash = "one request", CreatedAt = host.Now, ExpiresAt = host.Now.AddHours(1) };
    }

    [Fact]
    public async Task A_failure_nobody_handles_is_still_logged_as_an_error()
    {
        var logs = new LogCapture();
        await using var host = await ApiHost.StartAsync([], services => services
            .AddSingleton<ILoggerProvider>(logs)
            .AddScoped<RequestRelease>(_ => throw new InvalidOperationException("database unreachable")));
        var number = await host.NumberAsync();

        using var failed = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason });

        await failed.ErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error);
    }
}
