package org.arborlab.web.api;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.arborlab.control.ArborException;
import org.arborlab.control.ConflictException;
import org.arborlab.control.NotFoundException;

/** Turns every exception into problem details; a user never sees a stack trace. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    @Provider
    public static class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return Problem.response(e.status(), e.getMessage());
        }
    }

    @Provider
    public static class Arbor implements ExceptionMapper<ArborException> {
        @Override
        public Response toResponse(ArborException e) {
            return Problem.response(status(e), e.getMessage());
        }
    }

    /** Bean Validation of a service call; without this Jersey's own mapper would answer an HTML page. */
    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return Problem.response(400, describe(e));
        }
    }

    /** JAX-RS's own refusals: unknown path (404), wrong method (405), media type (415), ... */
    @Provider
    public static class Jaxrs implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String detail = switch (status) {
                case 404 -> "Not Found";
                case 405 -> "Method not allowed";
                case 406 -> "This endpoint answers application/json only";
                case 415 -> "Request body must be JSON (Content-Type: application/json)";
                default -> e.getResponse().getStatusInfo().getReasonPhrase();
            };
            if (status >= 500) {
                LOG.log(Level.SEVERE, "REST request failed", e);
            }
            return Problem.response(status, detail);
        }
    }

    /** Anything else is Arbor's fault: log it, answer 500 without details. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ArborException arbor) {
                return Problem.response(status(arbor), arbor.getMessage());
            }
            if (cause instanceof ConstraintViolationException violations) {
                return Problem.response(400, describe(violations));
            }
            LOG.log(Level.SEVERE, "REST request failed", e);
            return Problem.response(500, "Arbor could not complete the request; the server log has the details.");
        }
    }

    /** Bean Validation on the service interfaces: name the parameter that broke which rule. */
    static String describe(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> Params.name(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
    }

    static int status(ArborException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 422;
        }
        if (e instanceof org.arborlab.control.access.NotAllowedException) {
            return 403;
        }
        return 400;
    }
}
