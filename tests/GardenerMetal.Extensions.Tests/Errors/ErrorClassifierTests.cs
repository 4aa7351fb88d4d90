using GardenerMetal.Extensions.Apis;
using GardenerMetal.Extensions.Errors;

namespace GardenerMetal.Extensions.Tests.Errors;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(401, GardenerErrorCodes.InfraUnauthenticated, false)]
    [InlineData(403, GardenerErrorCodes.InfraUnauthorized, false)]
    [InlineData(404, GardenerErrorCodes.RetryableInfraDependencies, true)]
    [InlineData(409, GardenerErrorCodes.RetryableInfraDependencies, true)]
    [InlineData(422, GardenerErrorCodes.ConfigurationProblem, false)]
    [InlineData(400, GardenerErrorCodes.ConfigurationProblem, false)]
    [InlineData(429, GardenerErrorCodes.InfraRateLimitsExceeded, true)]
    [InlineData(500, GardenerErrorCodes.RetryableInfraDependencies, true)]
    [InlineData(503, GardenerErrorCodes.RetryableInfraDependencies, true)]
    [InlineData(504, GardenerErrorCodes.RetryableInfraDependencies, true)]
    public void Classify_StatusCodeException_MapsToGardenerCode(int status, string code, bool retryable)
    {
        // Arrange
        var ex = new WithStatus(status, TimeSpan.FromSeconds(7));

        // Act
        var result = ErrorClassifier.Classify(ex);

        // Assert
        Assert.Equal([code], result.Codes);
        Assert.Equal(retryable, result.Retryable);
    }

    [Fact]
    public void Classify_429WithRetryAfter_KeepsHint()
    {
        // Act
        var result = ErrorClassifier.Classify(new WithStatus(429, TimeSpan.FromSeconds(7)));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public void Classify_HttpRequestExceptionWithStatus_UsesStatus()
    {
        // Act
        var result = ErrorClassifier.Classify(new HttpRequestException("denied", null, System.Net.HttpStatusCode.Forbidden));

        // Assert
        Assert.Equal([GardenerErrorCodes.InfraUnauthorized], result.Codes);
    }

    [Fact]
    public void Classify_WrappedTimeout_Retryable()
    {
        // Act
        var result = ErrorClassifier.Classify(new InvalidOperationException("allocating failed", new TimeoutException("timed out")));

        // Assert
        Assert.Equal([GardenerErrorCodes.RetryableInfraDependencies], result.Codes);
        Assert.True(result.Retryable);
        Assert.Equal("allocating failed", result.Description);
    }

    [Fact]
    public void Classify_ValidationFailure_ConfigurationProblem()
    {
        // Act
        var result = ErrorClassifier.Classify(new ArgumentException("spec.providerConfig.partitionID: Required value"));

        // Assert
        Assert.Equal([GardenerErrorCodes.ConfigurationProblem], result.Codes);
        Assert.False(result.Retryable);
    }

    [Fact]
    public void Classify_ExplicitNonRetryableCode_NotRetryableEvenIfFlagged()
    {
        // Act
        var result = ErrorClassifier.Classify(new ExtensionOperationException("bad", [GardenerErrorCodes.ConfigurationProblem], retryable: true));

        // Assert
        Assert.False(result.Retryable);
    }

    [Fact]
    public void Classify_UnknownExceptionMentioningExhaustion_ResourcesDepleted()
    {
        // Act
        var result = ErrorClassifier.Classify(new InvalidOperationException("partition nbg-w8101 exhausted: no machine available"));

        // Assert
        Assert.Equal([GardenerErrorCodes.InfraResourcesDepleted], result.Codes);
    }

    [Fact]
    public void GardenerErrorCodes_All_HasTheElevenUpstreamCodes()
    {
        // Assert
        Assert.Equal(11, GardenerErrorCodes.All.Count);
        Assert.All(GardenerErrorCodes.All, c => Assert.StartsWith("ERR_", c, StringComparison.Ordinal));
    }

    private sealed class WithStatus(int status, TimeSpan? retryAfter) : Exception("status " + status), IHasStatusCode
    {
        public int StatusCode { get; } = status;

        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
