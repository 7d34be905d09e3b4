using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RcpHub.Infrastructure;

/// <summary>Binds true/false fields (checkboxes) like the framework does, except for a value that is neither: the
/// framework keeps it as the field's attempted value, and the checkbox tag helper, redrawing the form with the
/// error, then fails to read it as a boolean and answers 500. Here the error is recorded without keeping that
/// value, so the form comes back with the box as the model has it and nothing is saved.</summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        // A checked box sends "true" before its hidden "false": the first value decides, as in the framework.
        var first = posted.FirstValue;
        if (string.IsNullOrEmpty(first) && bindingContext.ModelType == typeof(bool?))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (bool.TryParse(first, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: first);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(first ?? "", bindingContext.ModelMetadata.GetDisplayName()));
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) && !context.Metadata.IsComplexType ? Binder : null;

    public static void Register(MvcOptions options) => options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
}
