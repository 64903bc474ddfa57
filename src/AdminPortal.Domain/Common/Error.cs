namespace AdminPortal.Domain.Common;

/// <summary>An expected failure: a stable code for programs, a message and a fix hint for people.</summary>
public sealed record Error(string Code, string Message, string Fix);
