using DualGauge.TestUtilities.Ai;
using System.Diagnostics;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.Extensions.AI;

namespace DualGauge.Ai.Tests.Models;

[TestClass]
public sealed class ModelCallerTests
{
    public const string Key = "sk-test-SECRET-7f3a9c1e5b";

    private static ModelCaller Caller(FakeOpenAiServer server, string model = "gpt-fake", TimeSpan? timeout = null, int attempts = 3) =>
        ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, model, Key, timeout ?? TimeSpan.FromSeconds(10), _ => null),
            new RetryOptions(attempts, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5)));

    private static List<ChatMessage> Ask(string prompt) => [new(ChatRole.User, prompt)];

    [TestMethod]
    public async Task AskAsync_Success_SendsModelPromptTemperatureAndBearerKey()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("hello", 7, 9));

        var answer = await Caller(server, "model-a").AskAsync(Ask("Write find_user"), new ChatOptions { Temperature = 0.3f }, CancellationToken.None);

        answer.Text.Should().Be("hello");
        (answer.InputTokens, answer.OutputTokens, answer.TotalTokens, answer.Attempts).Should().Be((7L, 9L, 16L, 1));
        var request = server.Requests.Single();
        request.Path.Should().Be("/v1/chat/completions");
        request.Model.Should().Be("model-a");
        request.Messages.Should().ContainSingle(m => m.Role == "user" && m.Content == "Write find_user");
        request.Temperature.Should().BeApproximately(0.3, 1e-6);
        request.Headers["Authorization"].Should().Be("Bearer " + Key);
    }

    [TestMethod]
    public async Task AskAsync_Unauthorized_FailsAtOnceWithClearMessageAndNoKey()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Error(401, $"Incorrect API key provided: {Key}"));

        var act = () => Caller(server).AskAsync(Ask("x"), null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Kind.Should().Be(ModelErrorKind.Unauthorized);
        error.Message.Should().Contain("HTTP 401").And.Contain(ModelEndpoint.ApiKeyVariable).And.Contain(server.Endpoint).And.NotContain(Key);
        error.ToString().Should().NotContain(Key, "not even the exception chain carries the key");
        server.Requests.Should().HaveCount(1, "a refused key is not retried");
    }

    [TestMethod]
    public async Task AskAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var server = FakeOpenAiServer.Replying(
            FakeReply.Error(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "2" }),
            FakeReply.Chat("ok"));
        var watch = Stopwatch.StartNew();

        var answer = await Caller(server).AskAsync(Ask("x"), null, CancellationToken.None);

        answer.Text.Should().Be("ok");
        answer.Attempts.Should().Be(2);
        var requests = server.Requests.ToList();
        var gap = requests[1].ReceivedAt - requests[0].ReceivedAt;
        gap.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1950), "Retry-After: 2 wins over the 50 ms backoff");
        gap.Should().BeLessThan(TimeSpan.FromSeconds(4));
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [TestMethod]
    public async Task AskAsync_ServiceUnavailableEveryTime_GivesUpAfterMaxAttemptsWithBackoff()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Error(503, "overloaded"));

        var act = () => Caller(server, attempts: 3).AskAsync(Ask("x"), null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Kind.Should().Be(ModelErrorKind.RateLimited);
        error.Attempts.Should().Be(3);
        var times = server.Requests.Select(r => r.ReceivedAt).ToList();
        times.Should().HaveCount(3);
        (times[2] - times[1]).Should().BeGreaterThan(times[1] - times[0], "the backoff grows exponentially");
    }

    [TestMethod]
    public async Task AskAsync_EndpointSlowerThanTimeout_RetriesThenReportsTimeout()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("late") with { Delay = TimeSpan.FromSeconds(5) });

        var act = () => Caller(server, timeout: TimeSpan.FromMilliseconds(400), attempts: 2).AskAsync(Ask("x"), null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Kind.Should().Be(ModelErrorKind.Timeout);
        error.Message.Should().Contain("did not answer within 0.4 s");
        server.Requests.Should().HaveCount(2);
    }

    [TestMethod]
    public async Task AskAsync_MalformedJsonBody_ReportsBadResponseWithoutRetrying()
    {
        await using var server = FakeOpenAiServer.Replying(new FakeReply(200, "{\"choices\": [ {\"message\": "));

        var act = () => Caller(server).AskAsync(Ask("x"), null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Kind.Should().Be(ModelErrorKind.BadResponse);
        error.Message.Should().Contain("not a chat completion");
        server.Requests.Should().HaveCount(1);
    }

    [TestMethod]
    public async Task AskAsync_EmptyContent_ReturnsEmptyText()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat(""));

        var answer = await Caller(server).AskAsync(Ask("x"), null, CancellationToken.None);

        answer.Text.Should().BeEmpty();
    }

    [TestMethod]
    public async Task AskAsync_UnknownModel_IsRejectedNamingTheModel()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Error(404, "model 'nope' not found"));

        var act = () => Caller(server, "nope").AskAsync(Ask("x"), null, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelCallException>()).Which.Message.Should().Contain("HTTP 404").And.Contain("'nope'");
    }

    [TestMethod]
    public void Resolve_NoEndpointAnywhere_ExplainsThatNothingIsSent()
    {
        var act = () => ModelEndpoint.Resolve(null, "m", Key, null, _ => null);

        act.Should().Throw<ModelConfigurationException>().WithMessage($"*{ModelEndpoint.EndpointVariable}*Nothing is sent*");
    }

    [TestMethod]
    public void Resolve_FromEnvironment_PrefersDualGaugeKeyAndHidesItFromToString()
    {
        var env = new Dictionary<string, string?>
        {
            [ModelEndpoint.EndpointVariable] = "http://user:pw@127.0.0.1:9/v1?x=1",
            [ModelEndpoint.ApiKeyVariable] = Key,
            [ModelEndpoint.OpenAiKeyVariable] = "sk-other",
        };

        var endpoint = ModelEndpoint.Resolve(null, "m", null, null, name => env.GetValueOrDefault(name));

        endpoint.ApiKey.Should().Be(Key);
        endpoint.ToString().Should().NotContain(Key).And.NotContain("pw");
        endpoint.DisplayEndpoint.Should().Be("http://127.0.0.1:9/v1");
    }

    [TestMethod]
    public async Task RequestPacer_TwoPerSecond_SpacesRequests()
    {
        var pacer = new RequestPacer(120);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 3; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
        }

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "three requests at 120/min take two 500 ms gaps");
    }
}
