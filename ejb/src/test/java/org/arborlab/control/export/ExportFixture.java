package org.arborlab.control.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Fills a database with sessions of one app played to the end: participants × rounds player rows, groups of
 * two, a few fields each. Written with JDBC batches, as fast as the database takes them.
 */
final class ExportFixture {
    static final AppColumns APP = new AppColumns("bench", java.util.List.of("contribution", "guess", "comment"),
            java.util.List.of("total"), java.util.List.of("multiplier"));

    private ExportFixture() {
    }

    static void fill(Connection c, int sessions, int participantsPerSession, int rounds) throws Exception {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long id = 1_000_000;
        try (Statement s = c.createStatement();
                PreparedStatement session = c.prepareStatement("insert into arbor_session values"
                        + " (?, ?, ?, 'bench', ?, '', '', 0, false, false, ?, '{}')");
                PreparedStatement participant = c.prepareStatement("insert into arbor_participant (id, session_id,"
                    + " code, id_in_session, label, visited, arrived_epoch_ms, index_in_pages, max_page_index, current_app_name, current_page_name, is_bot,"
                    + " payoff, vars) values"
                        + " (?, ?, ?, ?, null, true, 1795000000000, 30, 30, 'bench', 'Results', true, ?,"
                        + " '{\"finished\":true}')");
                PreparedStatement subsession = c.prepareStatement("insert into arbor_subsession (id, session_id, app_name, round_number, fields) values"
                        + " (?, ?, 'bench', ?, '{\"multiplier\":2}')");
                PreparedStatement group = c.prepareStatement("insert into arbor_group (id, session_id, subsession_id, id_in_subsession, fields) values (?, ?, ?, ?, ?)");
                PreparedStatement player = c.prepareStatement("insert into arbor_player (id, session_id, subsession_id, group_id, participant_id, id_in_subsession, id_in_group, role, payoff, fields) values"
                        + " (?, ?, ?, ?, ?, ?, ?, '', ?, ?)")) {
            for (int si = 0; si < sessions; si++) {
                long sessionId = id++;
                session.setLong(1, sessionId);
                session.setString(2, String.format("bs%06d", si));
                session.setString(3, String.format("ba%06d", si));
                session.setString(4, "{\"name\":\"bench\",\"app_sequence\":[\"bench\"],\"participation_fee\":5}");
                session.setInt(5, participantsPerSession);
                session.executeUpdate();
                long firstParticipant = id;
                for (int p = 1; p <= participantsPerSession; p++) {
                    participant.setLong(1, id++);
                    participant.setLong(2, sessionId);
                    participant.setString(3, String.format("p%07d", si * participantsPerSession + p)
                            .substring(0, 8));
                    participant.setInt(4, p);
                    participant.setBigDecimal(5, java.math.BigDecimal.valueOf(p % 50));
                    participant.addBatch();
                    if (p % 1000 == 0) {
                        participant.executeBatch();
                    }
                }
                participant.executeBatch();
                for (int round = 1; round <= rounds; round++) {
                    long subsessionId = id++;
                    subsession.setLong(1, subsessionId);
                    subsession.setLong(2, sessionId);
                    subsession.setInt(3, round);
                    subsession.executeUpdate();
                    long groupId = 0;
                    for (int p = 1; p <= participantsPerSession; p++) {
                        if (p % 2 == 1) {
                            groupId = id++;
                            group.setLong(1, groupId);
                            group.setLong(2, sessionId);
                            group.setLong(3, subsessionId);
                            group.setInt(4, (p + 1) / 2);
                            group.setString(5, "{\"total\":" + (p % 17) + "}");
                            group.addBatch();
                        }
                        player.setLong(1, id++);
                        player.setLong(2, sessionId);
                        player.setLong(3, subsessionId);
                        player.setLong(4, groupId);
                        player.setLong(5, firstParticipant + p - 1);
                        player.setInt(6, p);
                        player.setInt(7, p % 2 == 1 ? 1 : 2);
                        player.setBigDecimal(8, java.math.BigDecimal.valueOf(p % 7, 1));
                        player.setString(9, "{\"contribution\":" + (p % 10) + ",\"guess\":" + (p % 3) / 2.0
                                + ",\"comment\":\"round " + round + ", \\\"ok\\\"\"}");
                        player.addBatch();
                        if (p % 1000 == 0) {
                            group.executeBatch();
                            player.executeBatch();
                        }
                    }
                    group.executeBatch();
                    player.executeBatch();
                    c.commit();
                }
            }
            s.execute("update arbor_id_block set next_block = " + id);
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Counts bytes instead of keeping them: the client side of an export, without the network. */
    static final class CountingStream extends java.io.OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
