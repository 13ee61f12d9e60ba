using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Finds registered sessions by name pattern or id; a name or id that matches nothing is a non-terminating error.</summary>
internal static class SessionSelection
{
    public static IEnumerable<TcpClientSession> Select(Cmdlet cmdlet, string[]? names, int[]? ids)
    {
        IReadOnlyList<TcpClientSession> all = Registries.Sessions.All;
        if (ids is not null)
        {
            foreach (int id in ids)
            {
                if (Registries.Sessions.Find(id) is { } session)
                {
                    yield return session;
                }
                else
                {
                    cmdlet.WriteError(ErrorRecords.NotFound("TcpSessionNotFound", $"No TCP session with id {id}.", id));
                }
            }

            yield break;
        }

        foreach (string name in names ?? new[] { "*" })
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            TcpClientSession[] matches = all.Where(s => pattern.IsMatch(s.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                cmdlet.WriteError(ErrorRecords.NotFound("TcpSessionNotFound", $"No TCP session named '{name}'.", name));
            }

            foreach (TcpClientSession session in matches)
            {
                yield return session;
            }
        }
    }
}
