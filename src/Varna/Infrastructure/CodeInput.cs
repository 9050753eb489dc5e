namespace Varna.Infrastructure;

// Codes arriving as text (API bodies, form fields): an unknown one is an error that names the
// field and lists what is allowed, so a client can correct itself without reading the docs.
public static class CodeInput
{
    public static T Required<T>(string? code, string field, List<Error> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code)) { errors.Add(new Error(field, "Validation.Required")); return default; }
        return Optional<T>(code, field, errors) ?? default;
    }

    public static T? Optional<T>(string? code, string field, List<Error> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        if (Codes.TryParse<T>(code, out var value)) return value;
        errors.Add(Unknown<T>(field, code));
        return null;
    }

    public static Error Unknown<T>(string field, string? code, T? exclude = null) where T : struct, Enum =>
        new(field, "Validation.UnknownCodeAllowed", Truncate(code), string.Join(", ", Enum.GetValues<T>()
            .Where(v => exclude is null || !v.Equals(exclude.Value)).Select(Codes.Of)));

    private static string Truncate(string? code) => code is null ? "" : code.Length > 40 ? code[..40] + "…" : code;
}
