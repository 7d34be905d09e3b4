using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Features.Shared;

namespace RcpHub.Infrastructure;

/// <summary>The rules of <see cref="TextInput"/> for every form and address a page binds: text with control
/// characters, or a choice that is not one of its names, gets a field message and marks the request refused;
/// <see cref="RefusedInputFilter"/> then keeps the page's handler from running. Pages need not check anything
/// themselves (most of them run their commands whatever ModelState says).</summary>
public static class FormInput
{
    private static readonly object Refused = new();

    public static void Register(MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new FormInputBinderProvider());
        options.Filters.Add<RefusedInputFilter>();
    }

    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(Refused);

    internal static void Refuse(ModelBindingContext binding, string message)
    {
        binding.ModelState.TryAddModelError(binding.ModelName, message);
        binding.HttpContext.Items[Refused] = true;
        binding.Result = ModelBindingResult.Failed();
    }

    internal static IStringLocalizer<SharedText> Text(ModelBindingContext binding) =>
        binding.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
}

public sealed class FormInputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // Headers, services and bodies have binders of their own; forms and addresses are what people type into.
        if (context.BindingInfo.BindingSource is { } source
            && source != BindingSource.Form && source != BindingSource.Query && source != BindingSource.Path && source != BindingSource.ModelBinding)
        {
            return null;
        }
        var type = context.Metadata.UnderlyingOrModelType;
        if (type == typeof(string))
        {
            var multiLine = context.Metadata is DefaultModelMetadata metadata && TextInput.IsMultiLine(metadata.Attributes.Attributes);
            return new TextBinder(new SimpleTypeModelBinder(type, context.Services.GetRequiredService<ILoggerFactory>()), multiLine);
        }
        return type.IsEnum ? new ChoiceBinder() : null;
    }
}

/// <summary>Binds text as the framework does, then refuses it when it holds control characters.</summary>
public sealed class TextBinder(IModelBinder inner, bool multiLine) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.Model is string text && !TextInput.Allows(text, multiLine))
        {
            FormInput.Refuse(bindingContext, FormInput.Text(bindingContext)[TextInput.ControlCharacters]);
        }
    }
}

/// <summary>Binds a choice by its name only. The framework also reads numbers and "A, B", and keeps a number that
/// names no choice as a field error that most pages never look at.</summary>
public sealed class ChoiceBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var first = posted.FirstValue;
        var metadata = bindingContext.ModelMetadata;
        if (string.IsNullOrWhiteSpace(first))
        {
            // Empty is "none chosen", as the framework reads it: null where the field allows it, else its usual message.
            if (metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(first ?? ""));
            }
            return Task.CompletedTask;
        }
        if (TextInput.TryReadChoice(metadata.UnderlyingOrModelType, first, out var choice))
        {
            bindingContext.Result = ModelBindingResult.Success(choice);
            return Task.CompletedTask;
        }
        // A form offers its choices by their labels in the reader's language: the names behind them are not shown.
        FormInput.Refuse(bindingContext, FormInput.Text(bindingContext)[TextInput.NotOffered]);
        return Task.CompletedTask;
    }
}

/// <summary>A request with refused input does not reach the page's handler, so nothing is stored. An address (GET)
/// is a bad request. A form comes back with its field messages (status 400): the page is loaded as for reading it,
/// by its handler for GET, and shows what was posted from ModelState.</summary>
public sealed class RefusedInputFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!FormInput.WasRefused(context.HttpContext))
        {
            await next();
            return;
        }
        var method = context.HttpContext.Request.Method;
        var read = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => HttpMethods.IsGet(h.HttpMethod) && h.Name is null);
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || read is null)
        {
            context.Result = new BadRequestResult();
            return;
        }
        var arguments = read.Parameters.Select(p => Argument(context, p.Name, p.ParameterType)).ToArray();
        var returned = read.MethodInfo.Invoke(context.HandlerInstance, arguments);
        if (returned is Task task)
        {
            await task;
            returned = read.MethodInfo.ReturnType.IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        switch (returned)
        {
            case PageResult page:
                page.StatusCode = StatusCodes.Status400BadRequest;
                context.Result = page;
                break;
            case IActionResult other:
                context.Result = other;
                break;
            default:
                context.Result = new PageResult { StatusCode = StatusCodes.Status400BadRequest };
                break;
        }
    }

    /// <summary>The GET handler's parameter: as the posting handler received it, else from the address.</summary>
    private static object? Argument(PageHandlerExecutingContext context, string name, Type type)
    {
        if (context.HandlerArguments.TryGetValue(name, out var bound))
        {
            return bound;
        }
        if (type == typeof(CancellationToken))
        {
            return context.HttpContext.RequestAborted;
        }
        var raw = context.RouteData.Values.TryGetValue(name, out var route) ? route?.ToString() : (string?)context.HttpContext.Request.Query[name];
        if (raw is not null)
        {
            try
            {
                return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(raw);
            }
            catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
            {
                // Left at its default below, as the framework leaves a value it cannot read.
            }
        }
        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
