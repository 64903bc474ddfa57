using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.Releases;

/// <summary>Why a number should be released: 10 to 500 characters after trimming (<see cref="TextRule.Reason"/>), stored normalised.</summary>
public sealed record ReleaseReason
{
    private ReleaseReason(string value) => Value = value;

    public string Value { get; }

    public static Result<ReleaseReason> Create(string? text) => TextRule.Reason.Check(text).Map(value => new ReleaseReason(value));

    public override string ToString() => Value;
}

/// <summary>A reviewer's note to the requester when rejecting: 10 to 500 characters after trimming (<see cref="TextRule.Note"/>).</summary>
public sealed record DecisionNote
{
    private DecisionNote(string value) => Value = value;

    public string Value { get; }

    public static Result<DecisionNote> Create(string? text) => TextRule.Note.Check(text).Map(value => new DecisionNote(value));

    public override string ToString() => Value;
}
