using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Varna.Infrastructure;

public static class ErrorMapping
{
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors,
        IStringLocalizer localizer, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, Describe(error, localizer));
        }
    }

    // Adds only the errors for fields that data annotations have not already complained about,
    // so a field never shows two messages for one mistake.
    public static void AddErrorsOnce(this ModelStateDictionary modelState, IEnumerable<Error> errors,
        IStringLocalizer localizer, string prefix = "Input") =>
        modelState.AddErrors(errors.Where(e => modelState[$"{prefix}.{e.Field}"] is not { Errors.Count: > 0 }), localizer, prefix);

    // Generic messages ("Validation.*": "This field is required.") get the field's label in front,
    // so the error summary at the top of a form says which field is meant.
    private static string Describe(Error error, IStringLocalizer localizer)
    {
        var message = localizer[error.MessageKey, error.Arguments].Value;
        if (!error.MessageKey.StartsWith("Validation.", StringComparison.Ordinal) || string.IsNullOrEmpty(error.Field)) return message;
        var label = localizer["Field." + error.Field];
        return label.ResourceNotFound ? message : $"{label.Value}: {message}";
    }

    public static Dictionary<string, string[]> ToProblemErrors(this IEnumerable<Error> errors, IStringLocalizer localizer) =>
        errors.GroupBy(e => ToCamelCase(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray());

    // "Perpetrator.Category" -> "perpetrator.category", matching the JSON property path.
    private static string ToCamelCase(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
