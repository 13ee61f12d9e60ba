using System;

namespace NetOpsPS.Devices.Discovery;

/// <summary>The RFC 3418 system group objects a sweep reads.</summary>
internal sealed record SystemGroup(string Descr, string ObjectId, TimeSpan UpTime, string Name, string Location);
