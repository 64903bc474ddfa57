namespace AdminPortal.Web.Components.Shared;

/// <summary>A choice of a drop-down: the value it sets and the words people read.</summary>
public sealed record Option<T>(T Value, string Text);
