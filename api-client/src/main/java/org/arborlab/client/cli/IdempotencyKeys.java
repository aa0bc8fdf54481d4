package org.arborlab.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.arborlab.client.Json;

/**
 * Idempotency keys for batch rows, so that running the same file again creates nothing new (within the 24 h
 * the server remembers keys).
 *
 * <p>The key is SHA-256 of: the batch name (the file's name without folders, or {@code --run-id}), the row's
 * request in canonical JSON (keys sorted, so spacing and column order do not matter), and which occurrence of
 * that exact request in the file this is. Using the occurrence instead of the row number keeps the keys when
 * rows are deleted, inserted or moved (e.g. removing failed rows before re-running), while twelve identical rows
 * still make twelve sessions.
 */
final class IdempotencyKeys {

    private static final ObjectMapper JSON = Json.mapper();

    private static final ObjectMapper CANONICAL = JSON.copy()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private IdempotencyKeys() {
    }

    static String canonicalJson(Map<String, Object> body) {
        try {
            return CANONICAL.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @param occurrence 1 for the first row with this exact request, 2 for the second, ... */
    static String forRow(String batchName, String canonicalRequest, int occurrence) {
        String material = "arbor-batch-create/1\n" + batchName + "\n" + occurrence + "\n" + canonicalRequest;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "arbor-batch-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
