package org.arborlab.web.transport;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jboss.weld.context.http.HttpLiteral;
import org.jboss.weld.context.http.HttpRequestContext;
import org.jboss.weld.context.http.HttpSessionContext;

/**
 * CDI's request and session contexts for the ASYNC dispatch of a request whose body {@link BodyFirstFilter} read.
 * Payara and GlassFish notify request listeners (where Weld starts these contexts) only for the first dispatch, so
 * without this every request-scoped bean failed there (WELD-001303). The contexts are bound to the request with
 * the body ({@link BufferedRequest}), which is then also what {@code @Inject HttpServletRequest} gives.
 * Weld's own API (the CDI implementation of Payara and GlassFish); only loaded where Weld is.
 */
final class WeldRequestContexts {

    interface Work {
        void run() throws IOException, ServletException;
    }

    private WeldRequestContexts() {
    }

    /** Whether this server's CDI is Weld with its HTTP contexts (checked once, before any request goes async). */
    static boolean available() {
        try {
            return CDI.current().select(HttpRequestContext.class, HttpLiteral.INSTANCE).isResolvable()
                    && CDI.current().select(HttpSessionContext.class, HttpLiteral.INSTANCE).isResolvable();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    static void run(HttpServletRequest request, Work work) throws IOException, ServletException {
        HttpRequestContext requestContext = CDI.current().select(HttpRequestContext.class, HttpLiteral.INSTANCE).get();
        if (requestContext.isActive()) { // a server that starts them for ASYNC dispatches too
            work.run();
            return;
        }
        HttpSessionContext sessionContext = CDI.current().select(HttpSessionContext.class, HttpLiteral.INSTANCE).get();
        requestContext.associate(request);
        sessionContext.associate(request);
        requestContext.activate();
        sessionContext.activate();
        try {
            work.run();
        } finally {
            try {
                requestContext.invalidate(); // the request ends here: its beans are destroyed on deactivation
                requestContext.deactivate();
                sessionContext.deactivate();
            } finally {
                requestContext.dissociate(request);
                sessionContext.dissociate(request);
            }
        }
    }
}
