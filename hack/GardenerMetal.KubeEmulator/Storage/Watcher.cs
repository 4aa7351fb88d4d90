using System.Threading.Channels;

namespace GardenerMetal.KubeEmulator.Storage;

/// <summary>One watch connection's bounded queue; a watcher that falls too far behind is closed.</summary>
internal sealed class Watcher
{
    private readonly Channel<WatchEvent> _channel;

    public Watcher(int capacity)
    {
        _channel = Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    /// <summary>Queues the event; when the queue is full the watcher is closed (the client re-watches).</summary>
    public void Offer(WatchEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            _channel.Writer.TryComplete();
        }
    }

    public void Close() => _channel.Writer.TryComplete();
}
