using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Varna.Infrastructure;

// A request the API could not even read (malformed JSON, a number where a list belongs, a body too
// large) becomes problem details that name the offending field, like every other bad input.
public sealed class BadRequestProblems(IProblemDetailsService problems, IStringLocalizer<SharedText> shared) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        // The localisation middleware has already unwound; answer in the language it chose.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
            System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        context.Response.StatusCode = bad.StatusCode;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Detail = shared["Problem.BadRequest"] };
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            details = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [string.IsNullOrEmpty(field) ? shared["Validation.MalformedJson"] : shared["Validation.InvalidJson"]],
            }) { Status = bad.StatusCode, Detail = shared["Validation.MalformedJson"] };
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) details.Detail = shared["Problem.TooLarge"];
        else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType) details.Detail = shared["Problem.UnsupportedMediaType"];
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    // "$.perpetrator.identifiers[3]" -> "perpetrator.identifiers"
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "").Trim('.');
    }
}
