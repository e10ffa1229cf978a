using DualGauge.Core.Oracles;
using FluentAssertions;

namespace DualGauge.Core.Tests.Oracles;

[TestClass]
public sealed class SqlTextTests
{
    [TestMethod]
    [DataRow("SELECT * FROM u WHERE name = 'x' UNION SELECT password FROM users --'", "UNION SELECT")]
    [DataRow("SELECT * FROM u WHERE name LIKE '%x' UNION SELECT id FROM users --%' ESCAPE '\\'", "x' UNION SELECT")]
    [DataRow("SELECT * FROM u WHERE id = 1 OR 1=1", "OR 1=1")]
    [DataRow("SELECT * FROM u WHERE n = '' OR 1=1'", "' OR 1=1")]
    [DataRow("SELECT * FROM p ORDER BY (CASE WHEN (SELECT 1)=1 THEN price END)", "CASE WHEN (SELECT")]
    public void ContainsOutsideLiterals_SplicedPayload_IsFound(string statement, string payload) =>
        SqlText.ContainsOutsideLiterals(statement, payload).Should().BeTrue();

    [TestMethod]
    [DataRow("SELECT * FROM u WHERE name = 'x'' UNION SELECT password FROM users --'", "UNION SELECT")]
    [DataRow("SELECT * FROM u WHERE status = 'paid'' UNION SELECT id, username FROM users --' ORDER BY id", "UNION SELECT")]
    [DataRow("SELECT * FROM u WHERE name LIKE '%x'' UNION SELECT id FROM users --%'", "x' UNION SELECT")]
    [DataRow("SELECT * FROM u WHERE n = ?", "' OR 1=1")]
    [DataRow("SELECT * FROM u WHERE n = ''' OR 1=1'", "' OR 1=1")]
    public void ContainsOutsideLiterals_BoundValue_IsNotFound(string statement, string payload) =>
        SqlText.ContainsOutsideLiterals(statement, payload).Should().BeFalse();
}
