package org.arborlab.deploy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Listens on a participant page's push channel (a WebSocket), as the page's script does. */
final class Push {

    private Push() {
    }

    /** Connects now; the future completes with the first message the server pushes. */
    static CompletableFuture<String> listen(URL base, String path) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
        CompletableFuture<String> message = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                message.complete(data.toString());
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                message.completeExceptionally(error);
            }
        }).join();
        return message;
    }
}
