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

    /// <summary>Stands for <paramref name="rule"/> asked of <paramref name="item"/> inside a query written in C#, which
    /// <see cref="Expand"/> then replaces by the rule itself: a compiled query asks the same rule as any other.</summary>
    public static bool Holds<T>(this Expression<Func<T, bool>> rule, T item) => throw StandIn();

    /// <summary>Stands for <paramref name="rule"/> asked of <paramref name="item"/> with <paramref name="facts"/> (see <see cref="Holds{T}"/>).</summary>
    public static bool Holds<T, TFacts>(this Expression<Func<T, TFacts, bool>> rule, T item, TFacts facts) => throw StandIn();

    /// <summary>Stands for <paramref name="rule"/> asked of its four arguments (see <see cref="Holds{T}"/>).</summary>
    public static bool Holds<T1, T2, T3, T4>(this Expression<Func<T1, T2, T3, T4, bool>> rule, T1 first, T2 second, T3 third, T4 fourth) => throw StandIn();

    /// <summary><paramref name="query"/> with every <see cref="Holds{T}"/> replaced by its rule's body. The rule must be a
    /// static field or property. Facts written as <c>new Facts(a, b)</c> (a compiled query's parameters: EF Core cannot
    /// read a member of one) are read by the rule as those arguments: its <c>f.Members</c> becomes <c>a</c>.</summary>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Expander().Visit(query);

    private static InvalidOperationException StandIn() =>
        new($"{nameof(Holds)} stands for a rule in a query: expand the query with {nameof(RuleExpressions)}.{nameof(Expand)}.");

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(RuleExpressions) || node.Method.Name != nameof(Holds))
            {
                return base.VisitMethodCall(node);
            }
            var rule = node.Arguments[0] is MemberExpression { Expression: null, Member: var member }
                ? (LambdaExpression)(member is System.Reflection.FieldInfo field ? field.GetValue(null) : ((System.Reflection.PropertyInfo)member).GetValue(null))!
                : throw new InvalidOperationException($"{nameof(Holds)} asks a rule held in a static field or property, not {node.Arguments[0]}.");
            return Visit(rule.Inline([.. node.Arguments.Skip(1).Select(Visit)!]));
        }
    }

    private sealed class Arguments(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ParameterExpression p && values.TryGetValue(p, out var value) && value.Type != p.Type && value is not NewExpression)
            {
                return Expression.Property(value, node.Member.Name);
            }
            // A member of facts written as new Facts(...): the constructor's argument of that name (a record's).
            var of = Visit(node.Expression);
            if (of is NewExpression { Constructor: { } constructor } made
                && Array.FindIndex(constructor.GetParameters(), x => x.Name == node.Member.Name) is var index and >= 0)
            {
                return made.Arguments[index];
            }
            return node.Update(of);
        }
    }

    private sealed class Substitution(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }
}
