using System.Reflection;
using Microsoft.AspNetCore.Mvc.DataAnnotations;

namespace RcpHub.Infrastructure.Localization;

/// <summary>Names the feature text class that translates a form's DataAnnotations (display names and error
/// messages), e.g. <c>[LocalizedWith(typeof(AccountText))]</c> on an input class. Without it, ASP.NET Core looks
/// for resources named after each input class, which would mean one set of five resource files per form.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LocalizedWithAttribute(Type textType) : Attribute
{
    public Type TextType { get; } = textType;
}

public static class LocalizedWithSetup
{
    /// <summary>Routes DataAnnotations localization through <see cref="LocalizedWithAttribute"/> where a class has
    /// one, and leaves every other class to the provider configured before.</summary>
    public static IServiceCollection AddLocalizedWith(this IServiceCollection services) =>
        services.PostConfigure<MvcDataAnnotationsLocalizationOptions>(o =>
        {
            var fallback = o.DataAnnotationLocalizerProvider;
            o.DataAnnotationLocalizerProvider = (type, factory) =>
                type.GetCustomAttribute<LocalizedWithAttribute>() is { } localized ? factory.Create(localized.TextType) : fallback(type, factory);
        });
}
