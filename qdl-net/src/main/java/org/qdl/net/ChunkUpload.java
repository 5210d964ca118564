package org.qdl.net;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.qdl.net.proto.Ack;
import org.qdl.net.proto.AmplitudeChunk;

/**
 * The sending end of an Accept stream that waits for the receiver's flow-control window before each
 * chunk, so a 2^24-amplitude register is not queued whole in memory. Failures (including the
 * deadline) surface as {@link io.grpc.StatusRuntimeException}s from {@link #send} or {@link #finish}.
 */
final class ChunkUpload implements ClientResponseObserver<AmplitudeChunk, Ack> {
    private final Object lock = new Object();
    private ClientCallStreamObserver<AmplitudeChunk> requests;
    private Throwable error;
    private boolean done;

    @Override
    public void beforeStart(ClientCallStreamObserver<AmplitudeChunk> r) {
        requests = r;
        r.setOnReadyHandler(this::wake);
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public void onNext(Ack value) {
        // the count is informative only; completion is signalled by onCompleted
    }

    @Override
    public void onError(Throwable t) {
        synchronized (lock) {
            error = t;
            done = true;
            lock.notifyAll();
        }
    }

    @Override
    public void onCompleted() {
        synchronized (lock) {
            done = true;
            lock.notifyAll();
        }
    }

    void send(AmplitudeChunk c) {
        synchronized (lock) {
            while (!done && !requests.isReady()) await();
            if (error != null) throw Status.fromThrowable(error).asRuntimeException();
            if (done) throw Status.INTERNAL.withDescription("receiver closed the stream early").asRuntimeException();
        }
        requests.onNext(c);
    }

    void finish() {
        requests.onCompleted();
        synchronized (lock) {
            while (!done) await();
            if (error != null) throw Status.fromThrowable(error).asRuntimeException();
        }
    }

    void cancel(Throwable cause) {
        requests.cancel("the sender's source failed", cause);
    }

    private void await() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.cancel("interrupted", e);
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }
}
