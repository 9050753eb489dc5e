using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Varna.Infrastructure;

// A checkbox posted with something other than true/false ("kanske") is a field error like any other.
// The framework's binder records the error but keeps the text as the attempted value, and the
// checkbox tag helper then throws while re-rendering the form (a 500, found by the fuzz test and by
// wapiti on a case's merge form):
// here the unreadable text is not kept, so the form comes back with the field's message.
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        var value = result.FirstValue?.Trim();
        var nullable = Nullable.GetUnderlyingType(context.ModelType) is not null;
        if (bool.TryParse(value, out var parsed))
        {
            context.ModelState.SetModelValue(context.ModelName, result);
            context.Result = ModelBindingResult.Success(parsed);
        }
        else if (string.IsNullOrEmpty(value) && nullable)
        {
            context.ModelState.SetModelValue(context.ModelName, result);
            context.Result = ModelBindingResult.Success(null);
        }
        else
        {
            context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: null);
            context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(value ?? "", context.ModelMetadata.GetDisplayName()));
            context.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}

public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(bool) ? new BooleanModelBinder() : null;
}
