package org.arborlab.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Sends requests, repeats the safe ones per the {@link RetryPolicy}, and turns error answers into exceptions. */
final class HttpCalls {

    /** Reads a 2xx response. IOExceptions count as a broken connection (and are retried for safe requests). */
    interface BodyReader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    /** Either the value of a successful attempt or why it failed. */
    private record Outcome<T>(T value, ArborException failure) {
    }

    /** Error bodies are messages, not data: anything longer is an HTML page or worse. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(ArborClient.class.getName());

    private final HttpClient http;
    private final RetryPolicy retryPolicy;

    HttpCalls(HttpClient http, RetryPolicy retryPolicy) {
        this.http = http;
        this.retryPolicy = retryPolicy;
    }

    /**
     * @param safeToRepeat whether repeating the request cannot do harm (reads, merges, creation with an
     *                     idempotency key); only then are connection failures and 5xx answers retried
     */
    <T> T send(HttpRequest request, boolean safeToRepeat, BodyReader<T> reader) {
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome = attemptOnce(request, reader);
            ArborException failure = outcome.failure();
            if (failure == null) {
                return outcome.value();
            }
            if (!safeToRepeat || !isTransient(failure) || attempt >= retryPolicy.maxAttempts()) {
                throw failure;
            }
            Duration wait = retryPolicy.backoffAfter(attempt);
            LOG.log(System.Logger.Level.DEBUG, "{0}; retrying in {1} ms", failure.getMessage(), wait.toMillis());
            pause(wait, request);
        }
    }

    private <T> Outcome<T> attemptOnce(HttpRequest request, BodyReader<T> reader) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome<>(reader.read(response), null);
                }
                Problem problem = Problem.parse(status, body.readNBytes(MAX_ERROR_BODY));
                return new Outcome<>(null, ArborApiException.of(request.method(), request.uri(), problem));
            }
        } catch (IOException e) {
            return new Outcome<>(null, new ArborConnectionException(describe(request) + ": " + reason(e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArborConnectionException(describe(request) + ": interrupted", e);
        }
    }

    private boolean isTransient(ArborException failure) {
        if (failure instanceof ArborApiException api) {
            return retryPolicy.isRetryableStatus(api.status());
        }
        return failure instanceof ArborConnectionException;
    }

    private static void pause(Duration wait, HttpRequest request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArborConnectionException(describe(request) + ": interrupted", e);
        }
    }

    static String describe(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    private static String reason(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
