package org.qdl.net;

import java.util.concurrent.atomic.AtomicLong;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.Transport;
import org.qdl.sim.state.StateVector;

/**
 * Moves registers between parties of which some or all run remotely, by one of two routes between
 * two remote parties (see docs/network.md):
 * <ul>
 *   <li>{@link Route#RELAY}: chunks streamed out of the sender (Release) are forwarded by the
 *       coordinator, as they arrive, into the receiver (Accept). Parties only ever answer the
 *       coordinator; every amplitude crosses the wire twice.</li>
 *   <li>{@link Route#DIRECT}: the coordinator asks the sender to stream the register into the
 *       receiver itself (SendTo); the receiver's session must accept deliveries from the sender
 *       ({@link Coordinator} arranges that). Each amplitude crosses the wire once.</li>
 * </ul>
 * A transfer from or to an in-process party always goes through the coordinator. The returned wire
 * bytes are the serialized protobuf message sizes of every leg (before HTTP/2 and TLS framing); the
 * ledger still records the logical link sender→receiver and its qubits.
 */
public final class GrpcTransport implements Transport {
    /** How a register travels between two remote parties. */
    public enum Route { RELAY, DIRECT }

    private final Route route;
    private final AtomicLong moved = new AtomicLong();

    public GrpcTransport(Route route) {
        this.route = route;
    }

    public Route route() {
        return route;
    }

    /**
     * Bytes this transport really moved. The ledger's wire bytes are per modelled execution and scale
     * with repetitions (shots); this is what crossed the wire in the simulation.
     */
    public long bytesMoved() {
        return moved.get();
    }

    @Override
    public long deliver(Party sender, Party receiver, Register register) {
        long bytes = move(sender, receiver, register);
        moved.addAndGet(bytes);
        return bytes;
    }

    private long move(Party sender, Party receiver, Register register) {
        String step = "transfer " + register.id() + " " + sender.name() + "→" + receiver.name();
        if (sender instanceof RemoteParty from && receiver instanceof RemoteParty to && route == Route.DIRECT) {
            try {
                return from.sendTo(register, to, step);
            } catch (RemotePartyException e) {
                if (e.code() != io.grpc.Status.Code.ABORTED) throw e;
                // the sender is fine; the receiver failed to take the delivery: blame the receiver
                throw new RemotePartyException(to.name(), step, e.code(), "party " + to.name() + " at " + to.address()
                        + " failed to take a direct delivery during step '" + step + "' (sender's report: " + e.getMessage() + ")");
            }
        }
        if (sender instanceof RemoteParty from && receiver instanceof RemoteParty to) {
            long[] in = {0};
            long out = to.push(register, step, sink -> in[0] = from.pull(register, step, sink));
            return in[0] + out;
        }
        if (sender instanceof RemoteParty from) {
            AmplitudeCodec.Assembler asm = new AmplitudeCodec.Assembler(register.numQubits());
            long in = from.pull(register, step, asm::add);
            receiver.accept(register, asm.finish());
            return in;
        }
        StateVector s = sender.release(register);
        if (receiver instanceof RemoteParty to) {
            return to.push(register, step, sink -> AmplitudeCodec.split(s, "", register.id(), sink));
        }
        receiver.accept(register, s);
        return 0;
    }
}
