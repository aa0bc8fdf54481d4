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

    /** The flag's getter per async-context class, looked up once (null where there is none or it is refused). */
    private static final ClassValue<Method> FLAG = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method delayed = type.getDeclaredMethod("isDelayAsyncDispatchAndComplete");
                delayed.setAccessible(true);
                return delayed;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    };

    static ContainerExit of(AsyncContext async) {
        Method delayed = FLAG.get(async.getClass());
        if (delayed == null) {
            return UNKNOWN;
        }
        return new ContainerExit(() -> {
            try {
                return (Boolean) delayed.invoke(async);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        });
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
