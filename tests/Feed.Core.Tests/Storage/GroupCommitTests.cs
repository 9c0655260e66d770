using Feed.Core.Storage;

namespace Feed.Core.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task SubmitAsync_ManyAtOnce_FewWritesEachItemOnceWithItsOwnResult()
    {
        var writes = new List<int[]>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            await Task.Delay(20);
            lock (writes)
            {
                writes.Add([.. items]);
            }

            return [.. items.Select(item => item * 2)];
        }) { MaxItems = 50 };

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(item => commit.SubmitAsync(item, TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(0, 200).Select(item => item * 2), results);
        Assert.Equal(Enumerable.Range(0, 200), writes.SelectMany(items => items).Order());
        Assert.InRange(writes.Count, 4, 10);
        Assert.All(writes, items => Assert.InRange(items.Length, 1, 50));
    }

    [Fact]
    public async Task SubmitAsync_WriteFails_FailsOnlyTheItemsOfThatWrite()
    {
        var gate = new TaskCompletionSource();
        var firstWriteStarted = new TaskCompletionSource();
        var calls = 0;
        var commit = new GroupCommit<string, bool>(async items =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstWriteStarted.SetResult();
                await gate.Task;
                throw new InvalidOperationException("storage said no");
            }

            return [.. items.Select(_ => true)];
        });

        var first = commit.SubmitAsync("first", TestContext.Current.CancellationToken);
        await firstWriteStarted.Task;
        var later = new[] { commit.SubmitAsync("second", TestContext.Current.CancellationToken), commit.SubmitAsync("third", TestContext.Current.CancellationToken) };
        gate.SetResult();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("storage said no", failure.Message);
        var answers = await Task.WhenAll(later);
        Assert.Equal([true, true], answers);
        Assert.Equal(2, calls);
    }
}
