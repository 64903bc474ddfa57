using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using MudBlazor;

namespace AdminPortal.Web.Components.Shared;

/// <summary>How the portal writes times, durations and statuses.</summary>
public static class Format
{
    /// <summary>A time that may break between date and time in a narrow cell, but never before "UTC".</summary>
    public static string Time(DateTime utc) => Timestamps.Utc(utc).Replace(" UTC", "\u00A0UTC", StringComparison.Ordinal);

    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "—";

    public static string Date(DateTime utc) => Timestamps.Day(utc);

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays} d {span.Hours} h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{Math.Max(0, (int)span.TotalMinutes)} min",
    };

    public static string Status(NumberStatus status) => status switch
    {
        NumberStatus.ReleasePending => "Release pending",
        _ => status.ToString(),
    };

    public static Color Color(NumberStatus status) => status switch
    {
        NumberStatus.Active => MudBlazor.Color.Success,
        NumberStatus.ReleasePending => MudBlazor.Color.Warning,
        NumberStatus.Released => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static Color Color(ReleaseRequestStatus status) => status switch
    {
        ReleaseRequestStatus.Pending => MudBlazor.Color.Warning,
        ReleaseRequestStatus.Approved => MudBlazor.Color.Info,
        ReleaseRequestStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>"ReleaseApproved" as "Release approved".</summary>
    public static string Action(AuditAction action) =>
        string.Concat(action.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Policy(ReleasePolicy policy) => policy switch
    {
        ReleasePolicy.SelfService => "Self-service: releases approved at once",
        _ => "Review required: releases wait for a reviewer",
    };

    public static string Type(NumberType type) => type switch
    {
        NumberType.TollFree => "Toll-free",
        _ => type.ToString(),
    };
}
