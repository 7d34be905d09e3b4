using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;
using RcpHub.Features.Shared;

namespace RcpHub.Infrastructure.Localization;

/// <summary>Finds the resources of a feature: the class named "...Text" in the same namespace as the page or
/// input model (Features/Processes → ProcessesText). Field names and validation messages in data annotations
/// are translated there, beside the feature's other strings; SharedText is the fallback.</summary>
public static class FeatureTextLocalizers
{
    private static readonly Dictionary<string, Type> TextTypes = typeof(SharedText).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Text", StringComparison.Ordinal) && t.Namespace is not null && t.Namespace.StartsWith("RcpHub.Features", StringComparison.Ordinal))
        .GroupBy(t => t.Namespace!)
        // A feature's folder may hold other types ending in "Text" (ShownText, OutputText): its marker is named after it.
        .ToDictionary(g => g.Key, g => g.FirstOrDefault(t => t.Name == g.Key[(g.Key.LastIndexOf('.') + 1)..] + "Text") ?? g.First());

    public static Type TextTypeFor(Type type)
    {
        for (var ns = type.Namespace; !string.IsNullOrEmpty(ns); ns = ns.Contains('.', StringComparison.Ordinal) ? ns[..ns.LastIndexOf('.')] : null)
        {
            if (TextTypes.TryGetValue(ns, out var text))
            {
                return text;
            }
        }
        return typeof(SharedText);
    }

    public static IMvcBuilder AddFeatureTextLocalization(this IMvcBuilder mvc)
    {
        mvc.AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(TextTypeFor(type)));
        mvc.Services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedText>>((o, s) =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => s["The value '{0}' is not valid.", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => s["The value '{0}' is not valid for {1}.", v, f]);
            m.SetMissingBindRequiredValueAccessor(f => s["A value for {0} was not provided.", f]);
            m.SetMissingKeyOrValueAccessor(() => s["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => s["A non-empty request body is required."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => s["The value '{0}' is not valid.", v]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => s["The supplied value is invalid."]);
            m.SetUnknownValueIsInvalidAccessor(f => s["The supplied value is invalid for {0}.", f]);
            m.SetValueMustNotBeNullAccessor(v => s["The value '{0}' is invalid.", v]);
            m.SetValueMustBeANumberAccessor(f => s["The field {0} must be a number.", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => s["The field must be a number."]);
        });
        return mvc;
    }
}
