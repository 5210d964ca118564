package org.qdl.sim;

/** Raised before allocating a state that cannot fit the heap, with the -Xmx that would fit it. */
public final class InsufficientMemoryException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(String what, long neededBytes, long availableBytes) {
        super(String.format(
                "%s needs %s but only %s of heap is free; rerun with more heap, e.g. QDL_HEAP=%s (java -Xmx%s)",
                what, Memory.human(neededBytes), Memory.human(availableBytes),
                Memory.xmx(neededBytes), Memory.xmx(neededBytes)));
    }
}
