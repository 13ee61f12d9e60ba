using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>What became of one data packet at the listener.</summary>
internal enum ReceiveOutcome
{
    New,
    Duplicate,
    OutOfWindow,
    OverBudget,
    Malformed,
}

/// <summary>
/// One sender's transfer at the listener: a ring of packets held above the next sequence expected,
/// in-order release into message reassembly, and the ACK with its SACK blocks.
/// </summary>
internal sealed class ReceiveSession
{
    private readonly byte[]?[] _slots;
    private readonly ushort[] _index;
    private readonly ushort[] _count;
    private readonly ByteBudget _budget;
    private readonly int _maxMessageSize;
    private readonly List<byte[]> _assembly = new();
    private readonly List<SackBlock> _blocks = new();
    private int _assemblyCount;
    private long _assemblyBytes;
    private long _messages;
    private uint _highest;

    public ReceiveSession(IPEndPoint remote, uint id, int window, int maxMessageSize, ByteBudget budget)
    {
        Remote = remote;
        Id = id;
        _slots = new byte[window][];
        _index = new ushort[window];
        _count = new ushort[window];
        _maxMessageSize = maxMessageSize;
        _budget = budget;
    }

    public IPEndPoint Remote { get; }

    public uint Id { get; }

    /// <summary>The next sequence expected: everything below it was received.</summary>
    public uint Cumulative { get; private set; }

    public long LastActivity { get; set; }

    private uint Window => (uint)_slots.Length;

    public ReceiveOutcome Accept(DataPacket packet, ReadOnlySpan<byte> payload, Action<ReliableUdpMessage> deliver)
    {
        if (packet.Sequence < Cumulative)
        {
            return ReceiveOutcome.Duplicate;
        }

        if (packet.Sequence - Cumulative >= Window)
        {
            return ReceiveOutcome.OutOfWindow;
        }

        long slot = packet.Sequence % Window;
        if (_slots[slot] is not null)
        {
            return ReceiveOutcome.Duplicate;
        }

        if (!_budget.TryTake(payload.Length))
        {
            return ReceiveOutcome.OverBudget;
        }

        _slots[slot] = payload.ToArray();
        _index[slot] = packet.FragmentIndex;
        _count[slot] = packet.FragmentCount;
        _highest = Math.Max(_highest, packet.Sequence);
        bool consistent = true;
        while (_slots[Cumulative % Window] is { } data)
        {
            long at = Cumulative % Window;
            _slots[at] = null;
            Cumulative++;
            consistent &= Assemble(data, _index[at], _count[at], deliver);
        }

        return consistent ? ReceiveOutcome.New : ReceiveOutcome.Malformed;
    }

    /// <summary>SACK blocks of the packets held above the cumulative point, the one holding <paramref name="trigger"/> first (RFC 2018 section 4).</summary>
    public IReadOnlyList<SackBlock> SackBlocks(uint trigger)
    {
        _blocks.Clear();
        uint start = 0;
        bool open = false;
        for (uint s = Cumulative + 1; s <= _highest + 1 && _highest >= Cumulative; s++)
        {
            bool held = s <= _highest && _slots[s % Window] is not null;
            if (held && !open)
            {
                start = s;
                open = true;
            }
            else if (!held && open)
            {
                var block = new SackBlock(start, s);
                if (trigger >= start && trigger < s)
                {
                    _blocks.Insert(0, block);
                }
                else
                {
                    _blocks.Add(block);
                }

                open = false;
            }
        }

        return _blocks;
    }

    /// <summary>Frees what the session holds.</summary>
    public void Release()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is { } data)
            {
                _budget.Give(data.Length);
                _slots[i] = null;
            }
        }

        _budget.Give(_assemblyBytes);
        _assembly.Clear();
        _assemblyBytes = 0;
    }

    /// <summary>Adds an in-order fragment; false when it does not continue the message being built (a broken sender).</summary>
    private bool Assemble(byte[] data, ushort index, ushort count, Action<ReliableUdpMessage> deliver)
    {
        bool starts = _assembly.Count == 0;
        if ((starts && index != 0) || (!starts && (index != _assembly.Count || count != _assemblyCount))
            || _assemblyBytes + data.Length > _maxMessageSize)
        {
            _budget.Give(_assemblyBytes + data.Length);
            _assembly.Clear();
            _assemblyBytes = 0;
            return false;
        }

        _assemblyCount = count;
        _assembly.Add(data);
        _assemblyBytes += data.Length;
        if (index + 1 < count)
        {
            return true;
        }

        byte[] message = _assembly.Count == 1 ? data : Concat();
        _budget.Give(_assemblyBytes);
        _assembly.Clear();
        _assemblyBytes = 0;
        deliver(new ReliableUdpMessage(Remote, Id, _messages++, message, DateTimeOffset.UtcNow));
        return true;
    }

    private byte[] Concat()
    {
        var message = new byte[_assemblyBytes];
        int offset = 0;
        foreach (byte[] part in _assembly)
        {
            part.CopyTo(message, offset);
            offset += part.Length;
        }

        return message;
    }
}
