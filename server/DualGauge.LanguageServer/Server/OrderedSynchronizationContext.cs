using System.Threading.Channels;

namespace DualGauge.LanguageServer.Server;

/// <summary>
/// The request queue contract: handlers start one at a time in arrival order, so document
/// mutations (didOpen, didChange, aiInsertion...) apply in order and alone. A handler that
/// awaits (an evaluation, a client request) yields, so slow work never blocks the queue.
/// </summary>
internal sealed class OrderedSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> queue =
        Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Action<Exception> onError;
    private readonly Thread thread;

    public OrderedSynchronizationContext(Action<Exception> onError)
    {
        this.onError = onError;
        thread = new Thread(Run) { IsBackground = true, Name = "DualGauge request queue" };
        thread.Start();
    }

    public override void Post(SendOrPostCallback d, object? state) => queue.Writer.TryWrite((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The request queue never blocks a caller on another thread.");

    public override SynchronizationContext CreateCopy() => this;

    public void Dispose() => queue.Writer.TryComplete();

    private void Run()
    {
        SetSynchronizationContext(this);
        var reader = queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    item.Callback(item.State);
                }
                catch (Exception ex)
                {
                    onError(ex);
                }
            }
        }
    }
}
