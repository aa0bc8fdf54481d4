package org.arborlab.web.transport;

import jakarta.servlet.AsyncContext;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether the request thread that started an async request has returned to the container. Payara's
 * {@code AsyncContextImpl} delays a dispatch while that thread is still inside (its package-private
 * {@code isDelayAsyncDispatchAndComplete()} says so), and loses a dispatch made from another thread at the moment
 * it leaves. Read by reflection because no Servlet API tells; on other servers, or should Payara rename it,
 * {@link #isKnown()} is false and {@link BodyFirstFilter} falls back to a time margin.
 */
final class ContainerExit {
    private static final ContainerExit UNKNOWN = new ContainerExit(null);
    private final BooleanSupplier inside;

    private ContainerExit(BooleanSupplier inside) {
        this.inside = inside;
    }

    static ContainerExit of(AsyncContext async) {
        try {
            Method delayed = async.getClass().getDeclaredMethod("isDelayAsyncDispatchAndComplete");
            delayed.setAccessible(true);
            delayed.invoke(async); // fails here, not later, where reflection is refused
            return new ContainerExit(() -> {
                try {
                    return (Boolean) delayed.invoke(async);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    /** Whether this server tells when the request thread has left. */
    boolean isKnown() {
        return inside != null;
    }

    /** Waits until the request thread has left the container, polling every millisecond, at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inside.getAsBoolean() && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
