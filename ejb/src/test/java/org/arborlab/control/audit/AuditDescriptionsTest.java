package org.arborlab.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Set;
import org.arborlab.control.token.ApiTokenService;
import org.arborlab.entity.ApiScope;
import org.arborlab.entity.ApiToken;
import org.arborlab.entity.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditDescriptionsTest {

    record Code(String value) {
    }

    @Test
    void theTargetIsTheResultsCodeOrNameElseTheFirstArgument() {
        ApiToken record = new ApiToken("Qualtrics", "hash", "arbor_abc", Set.of(ApiScope.PARTICIPANT_VARS), null,
                "admin", 1L, null);
        ApiTokenService.Issued issued = new ApiTokenService.Issued("arbor_SECRET", record);
        assertEquals("Qualtrics", AuditDescriptions.target(new Object[] {"Qualtrics"}, issued));
        assertEquals("abc123", AuditDescriptions.target(new Object[] {new Code("abc123"), "x"}, null));
        assertEquals("42", AuditDescriptions.target(new Object[] {42L}, null));
        assertNull(AuditDescriptions.target(new Object[0], null));
        assertEquals("abc def", AuditDescriptions.target(new Object[] {java.util.List.of("abc", "def"), true}, 2),
                "a count returned is not the target");
    }

    @Test
    void detailsListTheArgumentsShortly() {
        String detail = AuditDescriptions.detail(new Object[] {"econ101", new Code("L1"),
                Json.createObjectBuilder().add("age", 30).build(), null, "x".repeat(1000)});
        assertTrue(detail.startsWith("econ101, value: L1, {\"age\":30}, null, xxx"), detail);
        assertTrue(detail.length() < 500, "each value is cut: " + detail.length());
        assertNull(AuditDescriptions.detail(new Object[0]));
    }

    record CreateSession(String configName, int numParticipants, String label, java.util.Map<String, Object> config) {
    }

    @Test
    void aRequestRecordReadsAsWordsNotAsItsJavaForm() {
        String detail = AuditDescriptions.detail(new Object[] {new CreateSession("trust", 2, "", java.util.Map.of())});
        assertEquals("config name: trust, num participants: 2", detail);
    }

    @Test
    void theSecretOfAnIssuedTokenIsNeverTheTarget() {
        ApiToken record = new ApiToken("n", "hash", "arbor_abc", Set.of(ApiScope.SESSIONS_READ), null, "admin", 1L, null);
        String target = AuditDescriptions.target(new Object[0], new ApiTokenService.Issued("arbor_SECRET", record));
        assertFalse(target.contains("SECRET"), target);
    }

    @Test
    void entriesAreCutToTheirColumns() {
        AuditEntry entry = new AuditEntry(1L, "a".repeat(500), "action", "t".repeat(500), "d".repeat(5000));
        assertEquals(AuditEntry.ACTOR_LENGTH, entry.getActor().length());
        assertEquals(AuditEntry.TARGET_LENGTH, entry.getTarget().length());
        assertEquals(AuditEntry.DETAIL_LENGTH, entry.getDetail().length());
        assertTrue(entry.getDetail().endsWith("…"));
    }
}
