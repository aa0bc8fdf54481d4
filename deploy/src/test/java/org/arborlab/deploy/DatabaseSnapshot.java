package org.arborlab.deploy;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every Arbor table, to prove that a rejected request changed nothing. */
final class DatabaseSnapshot {
    static final List<String> TABLES = List.of("arbor_session", "arbor_participant", "arbor_subsession",
            "arbor_group", "arbor_player", "arbor_room_session", "arbor_pending_participant_vars",
            "arbor_page_completion", "arbor_idempotency_key", "arbor_api_token", "arbor_api_token_use");

    private DatabaseSnapshot() {
    }

    static Map<String, List<String>> take(EntityManager em) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> content = new ArrayList<>();
            for (Object row : em.createNativeQuery("select * from " + table + " order by 1").getResultList()) {
                content.add(row instanceof Object[] columns ? Arrays.deepToString(columns) : String.valueOf(row));
            }
            rows.put(table, content);
        }
        return rows;
    }
}
