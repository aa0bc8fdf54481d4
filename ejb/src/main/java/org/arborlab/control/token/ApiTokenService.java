package org.arborlab.control.token;

import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import org.arborlab.control.audit.Audited;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.ApiScope;
import org.arborlab.entity.ApiToken;
import org.arborlab.entity.ApiTokenUse;

/**
 * API tokens beside oTree's shared REST key: an admin creates one per campus system, with only the scopes it
 * needs, optionally limited to one room and with an expiry; it can be revoked at any time.
 */
@Stateless
public class ApiTokenService {
    /** Tokens start with this, so they are easy to find in logs and config files (and to tell from the key). */
    public static final String PREFIX = "arbor_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SettingsService settings;

    /** The new token in clear text, shown to the admin once, and its record. */
    public record Issued(String token, ApiToken record) {
    }

    /** Who called: what the token may do. */
    public record Grant(long tokenId, String name, Set<ApiScope> scopes, Optional<String> roomName) {
    }

    @RoleRequired(Role.ADMIN)
    @Audited("api_token.create")
    public Issued create(@NotBlank @Size(max = 100) String name, @NotNull Set<ApiScope> scopes, String roomName,
            Long expiresEpochMillis, @NotBlank String createdBy) {
        if (scopes.isEmpty()) {
            throw new InvalidInputException("A token needs at least one scope");
        }
        if (roomName != null && settings.settings().room(roomName).isEmpty()) {
            throw new NotFoundException("Room " + roomName + " not found");
        }
        long now = System.currentTimeMillis();
        if (expiresEpochMillis != null && expiresEpochMillis <= now) {
            throw new InvalidInputException("The expiry must be in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken record = new ApiToken(name.strip(), hash(token), token.substring(0, 12), scopes, roomName, createdBy,
                now, expiresEpochMillis);
        em.persist(record);
        return new Issued(token, record);
    }

    public List<ApiToken> all() {
        return em.createNamedQuery("ApiToken.all", ApiToken.class).getResultList();
    }

    @RoleRequired(Role.ADMIN)
    @Audited("api_token.revoke")
    public void revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new NotFoundException("No API token with id " + id);
        }
        token.revoke(System.currentTimeMillis());
    }

    /** The grant of a usable token (not revoked, not expired), or empty. */
    public Optional<Grant> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", hash(presented))
                .getResultStream().findFirst().filter(t -> t.isUsable(now))
                .map(t -> new Grant(t.getId(), t.getName(), t.getScopes(), Optional.ofNullable(t.getRoomName())));
    }

    public void recordUse(long tokenId, String method, String path, int status) {
        ApiToken token = em.getReference(ApiToken.class, tokenId);
        em.persist(new ApiTokenUse(token, System.currentTimeMillis(), method, path, status));
    }

    public List<ApiTokenUse> uses(long tokenId, int max) {
        return em.createNamedQuery("ApiTokenUse.byToken", ApiTokenUse.class)
                .setParameter("token", em.getReference(ApiToken.class, tokenId)).setMaxResults(max).getResultList();
    }

    /** Lookups by hash need no constant-time comparison: the database compares hashes, not secrets. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
