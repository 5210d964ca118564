package org.qdl.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.qdl.protocol.Network;
import org.qdl.protocol.PartyCheckpoints;
import org.qdl.protocol.ProtocolException;

/**
 * The coordinator's view of a deployment: a {@link Network} on the {@link GrpcTransport} whose
 * parties are {@link RemoteParty}s (one session each) and, optionally, in-process parties built from
 * state files. Protocol code runs on {@link #network()} exactly as on an in-process network.
 * Closing it closes every session and connection; if a party cannot be reached, the ones already
 * opened are closed before the error propagates.
 */
public final class Coordinator implements AutoCloseable {
    private final GrpcTransport transport;
    private final Network network;
    private final List<RemoteParty> remote = new ArrayList<>();

    private Coordinator(GrpcTransport.Route route) {
        transport = new GrpcTransport(route);
        network = new Network(transport);
    }

    /** Remote parties exchange registers directly ({@link GrpcTransport.Route#DIRECT}). */
    public static Coordinator connect(Collection<PartyAddress> remoteParties, Collection<PartyState> localParties, ClientSettings settings) {
        return connect(remoteParties, localParties, settings, GrpcTransport.Route.DIRECT);
    }

    public static Coordinator connect(Collection<PartyAddress> remoteParties, Collection<PartyState> localParties, ClientSettings settings,
                                      GrpcTransport.Route route) {
        Coordinator c = new Coordinator(route);
        Set<String> names = new HashSet<>();
        for (PartyAddress a : remoteParties) names.add(a.party());
        try {
            for (PartyAddress a : remoteParties) {
                Set<String> peers = new HashSet<>();
                if (route == GrpcTransport.Route.DIRECT) {
                    peers.addAll(names);
                    peers.remove(a.party());
                }
                RemoteParty p = RemoteParty.connect(a, settings, peers);
                c.remote.add(p);
                c.network.add(p);
            }
            for (PartyState s : localParties) c.network.add(s.newParty());
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        if (c.network.parties().isEmpty()) throw new ProtocolException("no parties: give at least one --party NAME=HOST:PORT");
        return c;
    }

    public Network network() {
        return network;
    }

    public GrpcTransport transport() {
        return transport;
    }

    public List<RemoteParty> remoteParties() {
        return List.copyOf(remote);
    }

    @Override
    public void close() {
        for (RemoteParty p : remote) p.close();
    }

    /** Training checkpoints of the remote parties: each saves or restores its own layers (SaveLayers / RestoreLayers). */
    public PartyCheckpoints partyCheckpoints() {
        return new PartyCheckpoints() {
            @Override
            public void save(String party, String runId, long step) {
                remote(party).saveLayers(runId, step);
            }

            @Override
            public void restore(String party, String runId, long step) {
                remote(party).restoreLayers(runId, step);
            }
        };
    }

    private RemoteParty remote(String party) {
        for (RemoteParty p : remote) if (p.name().equals(party)) return p;
        throw new ProtocolException("party " + party + " is not a remote party of this coordinator");
    }
}
