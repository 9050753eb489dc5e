namespace Varna.Infrastructure;

// Model binding's own messages ("The value 'x' is not valid") are English-only by default.
public static class LocalisedBindingMessages
{
    public static void Apply(MvcOptions options, IStringLocalizerFactory factory)
    {
        var text = factory.Create(typeof(SharedText));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => text["Validation.InvalidValue", value, field]);
        m.SetMissingBindRequiredValueAccessor(field => text["Validation.RequiredNamed", field]);
        m.SetMissingKeyOrValueAccessor(() => text["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.Required"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.InvalidValueUnnamed", value]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.InvalidValueUnnamed", ""]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.NumberUnnamed"]);
        m.SetUnknownValueIsInvalidAccessor(field => text["Validation.InvalidValue", "", field]);
        m.SetValueIsInvalidAccessor(value => text["Validation.InvalidValueUnnamed", value]);
        m.SetValueMustBeANumberAccessor(field => text["Validation.Number", field]);
        m.SetValueMustNotBeNullAccessor(field => text["Validation.RequiredNamed", field]);
    }
}
