using System.ComponentModel.DataAnnotations;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Delegations;

/// <summary>The registration form: a state, up to <see cref="Rows"/> delegates (blank rows are ignored, so that the
/// form works without JavaScript) and which of them heads the delegation.</summary>
public sealed class DelegationInput
{
    public const int Rows = 12;

    [Display(Name = "State")]
    public string? StateCode { get; set; }

    [Display(Name = "Head of delegation")]
    public int? Head { get; set; }

    public List<DelegateInput> Delegates { get; set; } = [];

    /// <summary>The rows with something typed in, with their row number.</summary>
    public IEnumerable<(int Row, DelegateInput Delegate)> Filled() =>
        Delegates.Select((d, i) => (i, d)).Where(x => !x.d.IsBlank);

    /// <summary>Field errors beyond the annotations: names and ministries of filled rows, one head among them.</summary>
    public List<FieldError> Check(Func<string, string> text)
    {
        var errors = new List<FieldError>();
        var filled = Filled().ToList();
        foreach (var (row, d) in filled)
        {
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                errors.Add(new($"{nameof(Delegates)}[{row}].{nameof(DelegateInput.Name)}", text("Enter the delegate's name.")));
            }
            if (string.IsNullOrWhiteSpace(d.Ministry))
            {
                errors.Add(new($"{nameof(Delegates)}[{row}].{nameof(DelegateInput.Ministry)}", text("Enter the ministry or agency.")));
            }
        }
        if (filled.Count == 0)
        {
            errors.Add(new(nameof(Delegates), text("Enter at least one delegate.")));
        }
        else if (Head is not { } head || filled.All(f => f.Row != head))
        {
            errors.Add(new(nameof(Head), text("Choose exactly one head of delegation among the delegates entered.")));
        }
        return errors;
    }

    public List<DelegationMember> ToDelegates() => Filled()
        .Select((x, position) => new DelegationMember
        {
            Position = position + 1,
            Name = x.Delegate.Name!.Trim(),
            Function = string.IsNullOrWhiteSpace(x.Delegate.Function) ? null : x.Delegate.Function.Trim(),
            Ministry = x.Delegate.Ministry!.Trim(),
            Gender = x.Delegate.Gender,
            IsHead = x.Row == Head,
        })
        .ToList();

    public static DelegationInput From(string? stateCode, IReadOnlyList<DelegationMember> delegates)
    {
        var input = new DelegationInput { StateCode = stateCode };
        foreach (var d in delegates.OrderBy(d => d.Position))
        {
            if (d.IsHead)
            {
                input.Head = input.Delegates.Count;
            }
            input.Delegates.Add(new DelegateInput { Name = d.Name, Function = d.Function, Ministry = d.Ministry, Gender = d.Gender });
        }
        return input.Padded();
    }

    /// <summary>Blank rows up to <see cref="Rows"/>, for the form.</summary>
    public DelegationInput Padded()
    {
        while (Delegates.Count < Rows)
        {
            Delegates.Add(new DelegateInput());
        }
        return this;
    }
}

public sealed class DelegateInput
{
    [Display(Name = "Name")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Function")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Function { get; set; }

    [Display(Name = "Ministry or agency")]
    [StringLength(300, ErrorMessage = "At most {1} characters.")]
    public string? Ministry { get; set; }

    [Display(Name = "Gender")]
    [EnumDataType(typeof(Gender), ErrorMessage = "Choose a value from the list.")]
    public Gender Gender { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Function) && string.IsNullOrWhiteSpace(Ministry);
}
