using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class AccessRulesTests
{
    [Fact]
    public void Every_operation_is_declared_exactly_once()
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            var declared = (AccessRules.ProcessOperations.ContainsKey(operation) ? 1 : 0) + (AccessRules.PlatformOperations.ContainsKey(operation) ? 1 : 0);
            Assert.True(declared == 1, $"{operation} is declared {declared} times in AccessRules.");
        }
    }

    [Fact]
    public void Only_the_secretariat_manages_membership()
    {
        Assert.True(AccessRules.Allows(Operation.ManageMembership, false, [ProcessRole.Secretariat]));
        foreach (var role in Enum.GetValues<ProcessRole>().Where(r => r != ProcessRole.Secretariat))
        {
            Assert.False(AccessRules.Allows(Operation.ManageMembership, false, [role]));
        }
    }

    [Fact]
    public void A_person_without_a_role_in_the_process_may_do_nothing_there()
    {
        foreach (var operation in AccessRules.ProcessOperations.Keys)
        {
            Assert.False(AccessRules.Allows(operation, false, []));
        }
    }

    [Fact]
    public void A_platform_administrator_may_do_everything()
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            Assert.True(AccessRules.Allows(operation, true, []));
        }
    }
}
