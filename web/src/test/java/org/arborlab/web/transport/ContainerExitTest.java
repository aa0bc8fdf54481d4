package org.arborlab.web.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

class ContainerExitTest {

    /** The shape of Payara's AsyncContextImpl that ContainerExit reads: a package-private flag getter. */
    static class PayaraLikeContext extends PlainContext {
        volatile boolean delayed = true;

        boolean isDelayAsyncDispatchAndComplete() {
            return delayed;
        }
    }

    @Test
    void readsPayarasFlag() throws InterruptedException {
        PayaraLikeContext async = new PayaraLikeContext();
        ContainerExit exit = ContainerExit.of(async);
        assertTrue(exit.isKnown());
        async.delayed = false;
        long start = System.nanoTime();
        exit.await(10_000);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "returned as soon as the thread had left");
    }

    @Test
    void waitsNoLongerThanItsLimitWhileTheThreadIsInside() throws InterruptedException {
        PayaraLikeContext async = new PayaraLikeContext();
        ContainerExit exit = ContainerExit.of(async);
        exit.await(0); // the flag stays set: the limit ends the wait
        assertTrue(async.delayed);
    }

    @Test
    void otherServersAreUnknown() {
        assertFalse(ContainerExit.of(new PlainContext()).isKnown());
    }

    static class PlainContext implements AsyncContext {
        @Override
        public ServletRequest getRequest() {
            return null;
        }

        @Override
        public ServletResponse getResponse() {
            return null;
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return true;
        }

        @Override
        public void dispatch() {
        }

        @Override
        public void dispatch(String path) {
        }

        @Override
        public void dispatch(ServletContext context, String path) {
        }

        @Override
        public void complete() {
        }

        @Override
        public void start(Runnable run) {
        }

        @Override
        public void addListener(AsyncListener listener) {
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) {
            return null;
        }

        @Override
        public void setTimeout(long timeout) {
        }

        @Override
        public long getTimeout() {
            return 0;
        }
    }
}
