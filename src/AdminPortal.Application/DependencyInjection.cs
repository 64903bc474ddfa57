using AdminPortal.Application.Accounts;
using AdminPortal.Application.ApiKeys;
using AdminPortal.Application.Audit;
using AdminPortal.Application.Common;
using AdminPortal.Application.Dashboard;
using AdminPortal.Application.Messages;
using AdminPortal.Application.Users;
using AdminPortal.Application.Webhooks;
using AdminPortal.Application.Notifications;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReleaseOptions>()
            .Bind(configuration.GetSection(ReleaseOptions.Section))
            .Validate(o => o.EarlyTerminationFeeCents >= 0 && o.EarlyTerminationMonths >= 0 && o.CoolingOffDays > 0 && o.ReleasedListDays > 0 && o.ReturnToInventoryIntervalSeconds > 0, "Releases settings must be positive")
            .ValidateOnStart();
        services.AddOptions<ApiKeyOptions>()
            .Bind(configuration.GetSection(ApiKeyOptions.Section))
            .Validate(o => o.MaxActiveKeysPerUser > 0, "Api:MaxActiveKeysPerUser must be positive")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.IntervalSeconds > 0 && o.CoolingOffReminderDays > 0 && o.WaitingReminderHours > 0 && o.MaxWebhooksPerAccount > 0, "Notifications settings must be positive")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChangeTurns>();
        services.AddScoped<ListAccounts>();
        services.AddScoped<ListNumbers>();
        services.AddScoped<GetNumber>();
        services.AddScoped<GetNumberPage>();
        services.AddScoped<DetachAgent>();
        services.AddScoped<PreviewRelease>();
        services.AddScoped<RequestRelease>();
        services.AddScoped<WithdrawRequest>();
        services.AddScoped<ApproveRequest>();
        services.AddScoped<RejectRequest>();
        services.AddScoped<CancelRelease>();
        services.AddScoped<ReturnExpiredReleases>();
        services.AddScoped<ReleaseScheduled>();
        services.AddScoped<PreviewBulkRelease>();
        services.AddScoped<RequestBulkRelease>();
        services.AddScoped<DetachAllAgents>();
        services.AddScoped<DecideBatch>();
        services.AddScoped<ListReleased>();
        services.AddScoped<ListRequests>();
        services.AddScoped<ListReviewQueue>();
        services.AddScoped<QueryAudit>();
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<LatestChange>();
        services.AddScoped<MeasureQueue>();
        services.AddScoped<GetDashboard>();
        services.AddScoped<ListApiKeys>();
        services.AddScoped<CreateApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<AuthenticateApiKey>();
        services.AddScoped<ListUsers>();
        services.AddScoped<InviteUser>();
        services.AddScoped<ResendInvitation>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ChangeUserRole>();
        services.AddScoped<DisableUser>();
        services.AddScoped<EnableUser>();
        services.AddScoped<UnlockUser>();
        services.AddScoped<ResetSecondFactor>();
        services.AddScoped<ListAccountDetails>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<RenameAccount>();
        services.AddScoped<SetReleasePolicy>();
        services.AddScoped<AddOwner>();
        services.AddScoped<RemoveOwner>();
        services.AddScoped<ListOutbox>();
        services.AddScoped<TakeOutboxLink>();
        services.AddScoped<FanOutEvents>();
        services.AddScoped<SendReminders>();
        services.AddScoped<DeliverQueuedMail>();
        services.AddScoped<DeliverWebhooks>();
        services.AddScoped<Bell>();
        services.AddScoped<NewNotifications>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<ManageWebhooks>();
        return services;
    }
}
