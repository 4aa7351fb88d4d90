using GardenerMetal.Mcm.Driver;

namespace GardenerMetal.Mcm.Tests;

public sealed class UserDataPlaceholdersTests
{
    [Fact]
    public void Replace_PlainAndUrlEscaped_BothReplaced()
    {
        // Arrange
        var userData = "token=<<BOOTSTRAP_TOKEN>> name=<<MACHINE_NAME>> url=data:,%3C%3CBOOTSTRAP_TOKEN%3E%3E/%3c%3cMACHINE_NAME%3e%3e";

        // Act
        var replaced = UserDataPlaceholders.Replace(userData, "abc.def/1", "w 1");

        // Assert
        Assert.Equal("token=abc.def/1 name=w 1 url=data:,abc.def%2F1/w%201", replaced);
        Assert.False(UserDataPlaceholders.ContainsBootstrapToken(replaced));
    }
}
