package org.qdl.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.ProtocolException;
import org.qdl.protocol.Register;

/**
 * One client's session with a party server: a fresh copy of the party (so sessions never share
 * registers) plus the widths of the registers it holds, since the wire names registers by id only.
 */
final class PartySession {
    /** A classical message delivered to this party in this session. */
    record Inbound(String from, String label, double[] values, int bitsPerValue) {}

    final String id;
    final String owner;
    final LocalParty party;
    /** Parties that may deliver registers into this session (party-to-party transfers). */
    final Set<String> acceptFrom;
    private final Map<String, Integer> widths = new ConcurrentHashMap<>();
    private final List<Inbound> inbox = new ArrayList<>();

    PartySession(String id, String owner, LocalParty party, Set<String> acceptFrom) {
        this.id = id;
        this.owner = owner;
        this.party = party;
        this.acceptFrom = Set.copyOf(acceptFrom);
    }

    /** The handle of a register this session's party holds. */
    Register register(String registerId) {
        Integer q = widths.get(registerId);
        if (q == null) throw new ProtocolException(party.name() + " holds no register " + registerId + " in this session");
        return new Register(registerId, q, party.name());
    }

    void holds(Register r) {
        widths.put(r.id(), r.numQubits());
    }

    void gone(String registerId) {
        widths.remove(registerId);
    }

    boolean has(String registerId) {
        return widths.containsKey(registerId);
    }

    synchronized void deliver(Inbound m) {
        inbox.add(m);
    }

    synchronized List<Inbound> inbox() {
        return List.copyOf(inbox);
    }
}
