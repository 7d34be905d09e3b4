using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace RcpHub.Domain;

/// <summary>An access rule is written once, as an expression with the reader's facts as its second parameter: compiled
/// once to check a loaded object, and given one reader's facts to filter a query (<see cref="For"/>), so that the two
/// can never disagree.</summary>
public static class RuleExpressions
{
    /// <summary>The rule with <paramref name="facts"/> in place of its parameter: a filter EF Core translates to SQL (the
    /// facts' lists and values become query parameters, as a closure's would).</summary>
    public static Expression<Func<T, bool>> For<T, TFacts>(this Expression<Func<T, TFacts, bool>> rule, TFacts facts) =>
        Expression.Lambda<Func<T, bool>>(
            new Substitution(rule.Parameters[1], Expression.Constant(facts, typeof(TFacts))).Visit(rule.Body),
            rule.Parameters[0]);

    /// <summary>The rule with <paramref name="value"/> in place of its second parameter, held as a closure holds it, so
    /// that EF Core makes it a query parameter (a day, not a date written into the SQL).</summary>
    public static Expression<Func<T, bool>> On<T, TValue>(this Expression<Func<T, TValue, bool>> rule, TValue value) =>
        Expression.Lambda<Func<T, bool>>(
            rule.Inline(rule.Parameters[0], Expression.Field(Expression.Constant(new StrongBox<TValue>(value)), nameof(StrongBox<TValue>.Value))),
            rule.Parameters[0]);

    /// <summary>The body of <paramref name="rule"/> with <paramref name="arguments"/> in place of its parameters: a rule
    /// written once, used inside another rule or a query. A member of a parameter's interface is read from the argument's
    /// own property of that name, so that EF Core finds the column.</summary>
    public static Expression Inline(this LambdaExpression rule, params Expression[] arguments) =>
        new Arguments(rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(rule.Body);

    private sealed class Arguments(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is ParameterExpression p && values.TryGetValue(p, out var value) && value.Type != p.Type
                ? Expression.Property(value, node.Member.Name)
                : base.VisitMember(node);
    }

    private sealed class Substitution(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }
}
