using Microsoft.AspNetCore.Http.HttpResults;

namespace Varna.Features.Cases;

// How a refused case change reads to a program: 409 with the current and requested status (or
// "changed meanwhile") when the state says no, 400 naming the fields when the input is wrong.
public static class CaseProblems
{
    public static bool IsConflict(this IReadOnlyList<Error> errors, out Error conflict)
    {
        conflict = errors.FirstOrDefault(e => e.Kind == ErrorKind.Conflict)!;
        return conflict is not null;
    }

    public static ProblemHttpResult Conflict(Error conflict, IStringLocalizer shared)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = conflict.MessageKey };
        if (conflict.MessageKey == "Case.TransitionNotAllowed")
        {
            extensions["currentStatus"] = conflict.Arguments[0];
            extensions["requestedStatus"] = conflict.Arguments[1];
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: shared["Problem.Conflict"].Value,
            detail: shared[conflict.MessageKey, conflict.Arguments].Value, extensions: extensions);
    }

    public static ValidationProblem Invalid(IReadOnlyList<Error> errors, IStringLocalizer shared) =>
        TypedResults.ValidationProblem(errors.ToProblemErrors(shared));
}
