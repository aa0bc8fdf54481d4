package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private static String keyOf(String csvRow, String batch, int occurrence) throws Exception {
        CsvTable table = CsvTable.parse(new StringReader(csvRow), ',');
        Map<String, Object> body = SessionRows.toRequest(table.rows().get(0).cells()).toBody();
        return IdempotencyKeys.forRow(batch, IdempotencyKeys.canonicalJson(body), occurrence);
    }

    @Test
    void sameRowSameBatchSameKey() throws Exception {
        String row = "session_config_name,num_participants,room_name\ntrust,4,econ101\n";
        String key = keyOf(row, "sessions.csv", 1);
        assertEquals(key, keyOf(row, "sessions.csv", 1));
        assertTrue(key.matches("arbor-batch-[0-9a-f]{64}"), key);
    }

    @Test
    void knownValueSoTheDerivationCannotChangeUnnoticed() {
        // A changed derivation would make every re-run of an old file create its sessions again.
        assertEquals("arbor-batch-" + sha256Hex("arbor-batch-create/1\nsessions.csv\n1\n{\"a\":1}"),
                IdempotencyKeys.forRow("sessions.csv", "{\"a\":1}", 1));
    }

    @Test
    void columnOrderJsonSpacingAndQuotingDoNotMatter() throws Exception {
        String a = keyOf("session_config_name,num_participants,modified_session_config_fields\n"
                + "trust,4,\"{\"\"b\"\": 1, \"\"a\"\": [1,2]}\"\n", "s.csv", 1);
        String b = keyOf("num_participants,modified_session_config_fields,session_config_name\n"
                + "\"4\",\"{ \"\"a\"\":[1, 2],\"\"b\"\":1 }\",\"trust\"\n", "s.csv", 1);
        String c = keyOf("session_config_name,num_participants,modified_session_config_fields.a,"
                + "modified_session_config_fields.b\ntrust,4,\"[1,2]\",1\n", "s.csv", 1);
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void contentBatchNameAndOccurrenceEachChangeTheKey() throws Exception {
        String row = "session_config_name,num_participants\ntrust,4\n";
        String key = keyOf(row, "week12.csv", 1);
        assertNotEquals(key, keyOf("session_config_name,num_participants\ntrust,6\n", "week12.csv", 1));
        assertNotEquals(key, keyOf(row, "week13.csv", 1));
        assertNotEquals(key, keyOf(row, "week12.csv", 2));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
