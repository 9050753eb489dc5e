using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Varna.Infrastructure;

// A yes/no field posted with something other than true/false ("true¿'\"(", found by wapiti on the
// merge form of a case) is a field error like any other. The framework's binder also keeps the raw
// text in ModelState, and the checkbox tag helper then fails to read it back as a bool when the page
// is shown again with the errors: a 500. This binder records the error without the raw text, so the
// checkbox is shown unticked beside its message.
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder() : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values == ValueProviderResult.None || string.IsNullOrWhiteSpace(values.FirstValue)) return Task.CompletedTask;
            if (bool.TryParse(values.FirstValue.Trim(), out var value))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
                bindingContext.Result = ModelBindingResult.Success(value);
            }
            else
            {
                var metadata = bindingContext.ModelMetadata;
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(values.FirstValue, metadata.GetDisplayName()));
                bindingContext.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }
    }
}
