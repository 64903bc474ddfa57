using System.Diagnostics.CodeAnalysis;

namespace AdminPortal.Domain.Common;

public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    /// <summary>Runs the next step only when this one succeeded.</summary>
    public Result Then(Func<Result> next) => IsSuccess ? next() : this;

    /// <summary>The value of a success, or this failure.</summary>
    public Result<T> Map<T>(Func<T> value) => IsSuccess ? value() : Error!;

    public static implicit operator Result(Error error) => Failure(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;

    private Result(Error error) : base(error) { }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error!.Code}).");

    public static Result<T> Success(T value) => new(value);

    public static new Result<T> Failure(Error error) => new(error);

    /// <summary>The value made into another, or the same failure.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(_value!) : Error!;

    /// <summary>The next step on the value, or the same failure.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next) => IsSuccess ? next(_value!) : Error!;

    /// <summary>The next step on the value, or the same failure.</summary>
    public async Task<Result<TOut>> ThenAsync<TOut>(Func<T, Task<Result<TOut>>> next) => IsSuccess ? await next(_value!) : Error!;

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}
