package org.qdl.net;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.qdl.net.proto.AmplitudeChunk;
import org.qdl.sim.state.StateVector;

/**
 * Cuts a register's amplitudes into {@link AmplitudeChunk}s and puts them back together, in the wire
 * format party.proto fixes: little-endian binary64 real and imaginary parts, in offset order, at most
 * {@link #MAX_CHUNK_AMPLITUDES} per chunk so that every message stays under gRPC's 4 MiB limit.
 */
public final class AmplitudeCodec {
    /** 2^17 amplitudes: 1 MiB of real and 1 MiB of imaginary parts per message. */
    public static final int MAX_CHUNK_AMPLITUDES = 1 << 17;

    private AmplitudeCodec() {}

    /** Emits the state's chunks in order; returns the serialized bytes of all of them. */
    public static long split(StateVector s, String session, String register, Consumer<AmplitudeChunk> out) {
        double[] re = s.realArray();
        long bytes = 0;
        for (int off = 0; off < re.length; off += MAX_CHUNK_AMPLITUDES) {
            AmplitudeChunk c = chunk(s, session, register, off, Math.min(MAX_CHUNK_AMPLITUDES, re.length - off));
            bytes += c.getSerializedSize();
            out.accept(c);
        }
        return bytes;
    }

    /** Amplitudes [off, off + len) of the state as one chunk. */
    public static AmplitudeChunk chunk(StateVector s, String session, String register, int off, int len) {
        return AmplitudeChunk.newBuilder().setSession(session).setRegister(register)
                .setQubits(s.numQubits()).setOffset(off)
                .setRe(pack(s.realArray(), off, len)).setIm(pack(s.imagArray(), off, len)).build();
    }

    private static ByteString pack(double[] a, int off, int len) {
        ByteBuffer b = ByteBuffer.allocate(len * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(a, off, len);
        return UnsafeByteOperations.unsafeWrap(b.array()); // no second copy: the array is never written again
    }

    /**
     * Reassembles one register from its chunks, checking every rule of the wire format. Malformed
     * input throws {@link MalformedMessageException} naming the problem.
     */
    public static final class Assembler {
        private final int maxQubits;
        private String session;
        private String register;
        private int qubits = -1;
        private StateVector state;
        private long next;
        private long bytes;

        public Assembler(int maxQubits) {
            this.maxQubits = maxQubits;
        }

        public void add(AmplitudeChunk c) {
            if (state == null) {
                if (c.getQubits() < 0 || c.getQubits() > maxQubits) {
                    throw new MalformedMessageException("register " + c.getRegister() + " has " + c.getQubits()
                            + " qubits; this party accepts 0.." + maxQubits);
                }
                if (c.getRegister().isEmpty()) throw new MalformedMessageException("amplitude chunk names no register");
                session = c.getSession();
                register = c.getRegister();
                qubits = c.getQubits();
                state = StateVector.zeros(qubits);
            } else if (!c.getSession().equals(session) || !c.getRegister().equals(register) || c.getQubits() != qubits) {
                throw new MalformedMessageException("chunk for register " + c.getRegister() + " (" + c.getQubits()
                        + " qubits) inside the stream of register " + register + " (" + qubits + " qubits)");
            }
            int reLen = c.getRe().size(), imLen = c.getIm().size();
            if (reLen != imLen || reLen % 8 != 0 || reLen == 0) {
                throw new MalformedMessageException("chunk at offset " + c.getOffset() + " of register " + register
                        + " has " + reLen + " real and " + imLen + " imaginary bytes; both must be the same non-zero multiple of 8");
            }
            int len = reLen / 8;
            if (c.getOffset() != next) {
                throw new MalformedMessageException("chunk of register " + register + " starts at amplitude " + c.getOffset() + ", expected " + next);
            }
            if (len > MAX_CHUNK_AMPLITUDES || next + len > state.dimension()) {
                throw new MalformedMessageException("chunk of register " + register + " at offset " + next + " carries " + len
                        + " amplitudes: more than " + MAX_CHUNK_AMPLITUDES + " or past 2^" + qubits);
            }
            c.getRe().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(state.realArray(), (int) next, len);
            c.getIm().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(state.imagArray(), (int) next, len);
            next += len;
            bytes += c.getSerializedSize();
        }

        /** The complete, normalised state; throws if the stream was empty, short or not a unit vector. */
        public StateVector finish() {
            if (state == null) throw new MalformedMessageException("empty amplitude stream");
            if (next != state.dimension()) {
                throw new MalformedMessageException("stream of register " + register + " ended after " + next + " of " + state.dimension() + " amplitudes");
            }
            double n2 = state.normSquared();
            if (!(Math.abs(n2 - 1) <= 1e-6)) {
                throw new MalformedMessageException("register " + register + " arrived with squared norm " + n2 + ", not 1");
            }
            return state;
        }

        public String session() {
            return session;
        }

        public String register() {
            return register;
        }

        public int qubits() {
            return qubits;
        }

        public long bytes() {
            return bytes;
        }
    }
}
