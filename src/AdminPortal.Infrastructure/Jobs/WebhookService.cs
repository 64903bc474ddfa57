using AdminPortal.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>
/// Sends the webhook deliveries that are due, in a loop of its own: an endpoint that answers slowly (up to 10 s a post)
/// holds up webhooks, never the bell lines and e-mails of <see cref="NotificationService"/>.
/// </summary>
internal sealed class WebhookService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<WebhookService> logger)
    : PollingService(TimeSpan.FromSeconds(options.Value.IntervalSeconds), logger)
{
    protected override async Task PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().HandleAsync(ct);
    }
}
