using System.ComponentModel.DataAnnotations;
using RcpHub.Domain;

namespace RcpHub.Features.Documents;

/// <summary>The multipart form of a new document, as the OpenAPI document tells it. The endpoint reads the form itself
/// (DocumentsApi.Bind) so that a file too large or of the wrong kind is answered before the form is bound.</summary>
public sealed class NewDocumentForm
{
    [Required]
    public required IFormFile File { get; init; }

    [Required]
    public string? Title { get; init; }

    /// <summary>"en" when left out.</summary>
    public string? Language { get; init; }

    /// <summary>Original when left out.</summary>
    public TranslationStatus? Status { get; init; }

    /// <summary>Meeting when left out.</summary>
    public DocumentAccess? Access { get; init; }

    public int? AgendaItemId { get; init; }
    public int? SessionId { get; init; }
}

/// <summary>The multipart form of a new version, or a new language version, of a document.</summary>
public sealed class NewVersionForm
{
    [Required]
    public required IFormFile File { get; init; }

    /// <summary>"en" when left out.</summary>
    public string? Language { get; init; }

    /// <summary>Original when left out.</summary>
    public TranslationStatus? Status { get; init; }
}
