namespace Varna.Infrastructure;

// An expected failure: which field is wrong and a resource key that says why. Exceptions are kept
// for the unexpected; these are mapped once to ModelState (pages) or ValidationProblem (API).
public sealed record Error(string Field, string MessageKey, params object[] Arguments)
{
    // Most failures are bad input (400 / the field's message). A conflict is a valid request that
    // the current state refuses (409): a status that cannot follow, or a change made meanwhile.
    public ErrorKind Kind { get; init; } = ErrorKind.Invalid;

    public static Error Conflict(string field, string messageKey, params object[] arguments) =>
        new(field, messageKey, arguments) { Kind = ErrorKind.Conflict };
}

public enum ErrorKind { Invalid, Conflict }

public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(params Error[] errors) => new(default, errors);
    public static Result<T> Fail(IReadOnlyList<Error> errors) => new(default, errors);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
