using AdminPortal.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>
/// Every few seconds: turns new audit events into notifications, e-mails and webhook deliveries, sends the reminders that
/// are due (once a minute), then the e-mails that are due (<see cref="WebhookService"/> sends the webhooks). Its state is in the database, so a restart carries on where it stopped.
/// </summary>
internal sealed partial class NotificationService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<NotificationService> logger) : BackgroundService
{
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        var lastReminders = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                while (await services.GetRequiredService<FanOutEvents>().HandleAsync(stoppingToken) == FanOutEvents.BatchSize)
                {
                }

                if (time.GetUtcNow() - lastReminders >= ReminderInterval)
                {
                    await services.GetRequiredService<SendReminders>().HandleAsync(stoppingToken);
                    lastReminders = time.GetUtcNow();
                }

                await services.GetRequiredService<DeliverQueuedMail>().HandleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Error, "Handling notifications failed; the next pass tries again")]
    private partial void LogFailed(Exception ex);
}
