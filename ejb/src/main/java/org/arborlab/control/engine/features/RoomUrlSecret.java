package org.arborlab.control.engine.features;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.database.SchemaMigrator;
import org.arborlab.control.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret behind secure room URLs ({@code use_secure_urls}): a participant's link carries
 * {@code hash = first 8 hex digits of SHA-224(label + secret)}, so labels cannot be guessed from each other.
 *
 * <p>The secret is {@code ARBOR_SECRET_KEY} if set (environment or MicroProfile Config; set it when several
 * Arbor instances or a restored database must accept the same links). Else, when the settings file has oTree's
 * {@code SECRET_KEY}, it is that followed by {@code OTREE_ADMIN_PASSWORD} (oTree's {@code _SECRET}), so links
 * handed out by an oTree server with the same two values keep working. Otherwise Arbor draws a random one on
 * its first start and keeps it in the database (table {@code arbor_secret}), so links stay valid across restarts.
 * The same secret signs oTree's data download link ({@link #dataExportToken()}) and participants' chat tickets
 * ({@link #sign}).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "SettingsService"})
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoomUrlSecret {
    private static final String NAME = "room_url_hash";

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ARBOR_SECRET_KEY")
    Optional<String> configured;

    @Inject
    SettingsService settings;

    @Inject
    ServerEnvironment environment;

    private volatile String secret;

    @PostConstruct
    void load() {
        secret = configured.filter(s -> !s.isBlank())
                .or(() -> oTreeSecret(settings.settings().project().secretKey(), environment.adminPassword()))
                .orElseGet(this::stored);
    }

    /** oTree's {@code _SECRET = SECRET_KEY + (ADMIN_PASSWORD or '')}. */
    static Optional<String> oTreeSecret(Optional<String> secretKey, Optional<String> adminPassword) {
        return secretKey.map(key -> key + adminPassword.orElse(""));
    }

    /** oTree's {@code DATA_EXPORT_HASH}: the {@code token} of {@code /ExportSessionWide/<code>}. */
    public String dataExportToken() {
        return hash("dataexport");
    }

    /** Constant-time check of a data download link's token. */
    public boolean isDataExportToken(String token) {
        return sameText(dataExportToken(), token);
    }

    /** The {@code hash} parameter of a participant's secure room URL. */
    public String hash(String participantLabel) {
        return hash(participantLabel, secret);
    }

    static String hash(String label, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((label + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HMAC-SHA256 of a text under the secret, as 64 hex digits: what the server hands out and later checks
     * (participants' chat tickets), so a browser cannot make up one of its own.
     */
    public String sign(String text) {
        return hmac(secret, text);
    }

    static String hmac(String secret, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so the hash cannot be found digit by digit. */
    public boolean matches(String participantLabel, String hash) {
        return sameText(hash(participantLabel), hash);
    }

    private static boolean sameText(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private String stored() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String existing = read(connection);
            if (existing != null) {
                return existing;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into arbor_secret (name, secret) values (?, ?)")) {
                insert.setString(1, NAME);
                insert.setString(2, HexFormat.of().formatHex(random));
                insert.executeUpdate();
            } catch (SQLException raced) {
                // another instance inserted it first; use theirs
            }
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the room URL secret: " + e.getMessage(), e);
        }
    }

    private static String read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select secret from arbor_secret where name = ?")) {
            select.setString(1, NAME);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
