using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using RcpHub.Features.Shared;

namespace RcpHub.Infrastructure;

/// <summary>Every table of every page scrolls sideways inside a box of its own when it is wider than the screen,
/// so that the page itself never does (WCAG 2.2 reflow, 1.4.10, at 320 px). Done once here rather than in each page,
/// so that pages added later are covered too. The box takes keyboard focus (a keyboard alone can scroll it) and is
/// a region named by the table's caption, else by the table's own label, else by the heading of the section it is in.
/// A table inside another table is left alone: the outer box scrolls.</summary>
[HtmlTargetElement("table")]
public sealed class ScrollingTableTagHelper(IStringLocalizer<SharedText> text) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var nested = context.Items.ContainsKey(typeof(TableLabel));
        var label = new TableLabel(NextId);
        context.Items[typeof(TableLabel)] = label;
        // Runs the caption's helper, which tells the label its id.
        await output.GetChildContentAsync();
        if (nested)
        {
            return;
        }
        var named = label.CaptionId is { } caption ? $"aria-labelledby=\"{caption}\""
            : Attribute(output, "aria-labelledby") is { } labelledBy ? $"aria-labelledby=\"{labelledBy}\""
            : Attribute(output, "aria-label") is { } own ? $"aria-label=\"{own}\""
            : context.Items.TryGetValue(typeof(SectionHeading), out var heading) ? $"aria-labelledby=\"{((SectionHeading)heading).Id}\""
            : $"aria-label=\"{HtmlEncoder.Default.Encode(text["Table"])}\"";
        output.PreElement.SetHtmlContent($"<div class=\"table-scroll\" role=\"region\" {named} tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    private string NextId()
    {
        var items = ViewContext.HttpContext.Items;
        var next = items.TryGetValue(typeof(ScrollingTableTagHelper), out var count) ? (int)count! + 1 : 1;
        items[typeof(ScrollingTableTagHelper)] = next;
        return $"table-caption-{next}";
    }

    /// <summary>The attribute's value as it is written in the markup (already encoded), or null.</summary>
    internal static string? Attribute(TagHelperOutput output, string name)
    {
        if (!output.Attributes.TryGetAttribute(name, out var attribute) || attribute.Value is null)
        {
            return null;
        }
        if (attribute.Value is Microsoft.AspNetCore.Html.IHtmlContent html)
        {
            using var writer = new StringWriter();
            html.WriteTo(writer, HtmlEncoder.Default);
            return writer.ToString();
        }
        return HtmlEncoder.Default.Encode(attribute.Value.ToString()!);
    }

    internal sealed class TableLabel(Func<string> nextId)
    {
        public string? CaptionId { get; private set; }

        public string Caption(string? id) => CaptionId = id ?? nextId();
    }

    internal sealed record SectionHeading(string Id);
}

/// <summary>Gives a table's caption an id (when it has none), so that the table's scrolling box can be named by it.</summary>
[HtmlTargetElement("caption")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(ScrollingTableTagHelper.TableLabel), out var table))
        {
            var id = ((ScrollingTableTagHelper.TableLabel)table).Caption(ScrollingTableTagHelper.Attribute(output, "id"));
            output.Attributes.SetAttribute("id", new Microsoft.AspNetCore.Html.HtmlString(id));
        }
    }
}

/// <summary>Passes the heading that names a section down to the tables in it.</summary>
[HtmlTargetElement("section", Attributes = "aria-labelledby")]
public sealed class SectionHeadingTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ScrollingTableTagHelper.Attribute(output, "aria-labelledby") is { } id)
        {
            context.Items[typeof(ScrollingTableTagHelper.SectionHeading)] = new ScrollingTableTagHelper.SectionHeading(id);
        }
    }
}
