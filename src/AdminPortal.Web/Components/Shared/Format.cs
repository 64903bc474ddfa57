using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Radzen;

namespace AdminPortal.Web.Components.Shared;

/// <summary>How the portal writes times, durations and statuses.</summary>
public static class Format
{
    /// <summary>Radzen's paging summary: page, pages and the count, worded for one item as well as many.</summary>
    public const string PagingSummary = "Page {0} of {1} ({2} in all)";

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

    public static BadgeStyle Style(NumberStatus status) => status switch
    {
        NumberStatus.Active => BadgeStyle.Success,
        NumberStatus.ReleasePending => BadgeStyle.Warning,
        NumberStatus.Released => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle Style(ReleaseRequestStatus status) => status switch
    {
        ReleaseRequestStatus.Pending => BadgeStyle.Warning,
        ReleaseRequestStatus.Approved => BadgeStyle.Info,
        ReleaseRequestStatus.Rejected => BadgeStyle.Danger,
        _ => BadgeStyle.Light,
    };

    /// <summary>"ReleaseApproved" as "Release approved".</summary>
    public static string Action(AuditAction action) =>
        string.Concat(action.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Type(NumberType type) => type switch
    {
        NumberType.TollFree => "Toll-free",
        _ => type.ToString(),
    };
}
