package org.arborlab.web.api;

import org.arborlab.entity.Jsonp;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: every error the API answers, with a {@code detail} that says what is wrong. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase()
                : status == 413 ? "Content Too Large" : status == 422 ? "Unprocessable Content" : "Error";
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(Jsonp.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail)
                        .build().toString())
                .build();
    }
}
