package org.arborlab.web.admin;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.control.ArborException;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.control.token.ApiTokenService;
import org.arborlab.entity.ApiScope;
import org.arborlab.entity.ApiToken;
import org.arborlab.entity.ApiTokenUse;

/**
 * Backs /api_tokens (admin only): the API tokens with their recent uses, a form to create one (name, scopes,
 * optional room, optional expiry date; the token is shown once), and revocation.
 */
@Named
@RequestScoped
public class ApiTokensPage {
    static final int RECENT_USES = 5;

    @Inject
    ApiTokenService tokens;

    @Inject
    SettingsService settings;

    @Inject
    HttpServletRequest request;

    @Inject
    AdminRequest admin;

    private String name;
    private List<String> scopes = new ArrayList<>();
    private String roomName;
    private String expires;
    private String issuedToken;
    private String error;
    private String message;
    private List<ApiToken> all;
    private final Map<Long, List<ApiTokenUse>> uses = new HashMap<>();

    public List<ApiToken> getTokens() {
        if (all == null) {
            all = tokens.all();
        }
        return all;
    }

    public List<ApiTokenUse> uses(ApiToken token) {
        return uses.computeIfAbsent(token.getId(), id -> tokens.uses(id, RECENT_USES));
    }

    public List<ApiScope> getAllScopes() {
        return List.of(ApiScope.values());
    }

    public List<String> getRoomNames() {
        return settings.settings().rooms().keySet().stream().sorted().toList();
    }

    /** Whether the token works now (not revoked, not expired). */
    public boolean active(ApiToken token) {
        return token.getRevokedEpochMillis() == null && token.isUsable(System.currentTimeMillis());
    }

    public String status(ApiToken token) {
        if (token.getRevokedEpochMillis() != null) {
            return "revoked " + Times.format(token.getRevokedEpochMillis());
        }
        if (!token.isUsable(System.currentTimeMillis())) {
            return "expired";
        }
        return "active";
    }

    public String when(Long epochMillis) {
        return Times.format(epochMillis);
    }

    public String scopeText(ApiToken token) {
        return ApiScope.format(token.getScopes());
    }

    /**
     * POST (a plain form with the CSRF token, like the other admin pages): {@code op=create} with name, scope
     * (repeated), room, expires; or {@code op=revoke} with id. A new token is shown in this answer, once.
     */
    public void post() {
        if (!admin.isPost()) {
            if ("revoked".equals(admin.param("done"))) {
                message = "Token revoked.";
            }
            return;
        }
        switch (String.valueOf(admin.param("op"))) {
            case "create" -> {
                name = admin.param("name");
                scopes = new ArrayList<>(admin.params("scope"));
                roomName = admin.param("room");
                expires = admin.param("expires");
                create();
            }
            case "revoke" -> {
                try {
                    revoke(Long.parseLong(String.valueOf(admin.param("id"))));
                    if (error == null) {
                        admin.redirect("/api_tokens?done=revoked");
                    }
                } catch (NumberFormatException e) {
                    error = "No such token.";
                }
            }
            default -> error = "Unknown action.";
        }
    }

    public boolean checked(String scope) {
        return scopes.contains(scope);
    }

    public void create() {
        try {
            if (name == null || name.isBlank()) {
                error = "Give the token a name (e.g. the system that will use it).";
                return;
            }
            Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
            for (String scope : scopes) {
                chosen.addAll(ApiScope.parse(scope));
            }
            Long expiresAt = null;
            if (expires != null && !expires.isBlank()) {
                expiresAt = LocalDate.parse(expires.trim()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toEpochMilli();
            }
            String room = roomName == null || roomName.isBlank() ? null : roomName;
            ApiTokenService.Issued issued = tokens.create(name, chosen, room, expiresAt, actor());
            issuedToken = issued.token();
            message = "Token \"" + issued.record().getName() + "\" created. Copy it now: it is not shown again.";
            name = null;
            scopes = new ArrayList<>();
            roomName = null;
            expires = null;
            all = null;
        } catch (DateTimeParseException e) {
            error = "The expiry must be a date like 2026-12-31.";
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = reason(e);
        }
    }

    public void revoke(long id) {
        try {
            tokens.revoke(id);
            message = "Token revoked.";
            all = null;
        } catch (RuntimeException e) {
            error = reason(e);
        }
    }

    private String actor() {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }

    /** The message of a correctable error (bad input, unknown room); never a stack trace. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArborException) {
                return cause.getMessage();
            }
            if (cause instanceof ConstraintViolationException violations) {
                return violations.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().reduce((a, b) -> a + "; " + b)
                        .orElse("Invalid input");
            }
        }
        if (e instanceof EJBException) {
            return "The change could not be saved; nothing was changed.";
        }
        return "The change could not be saved; nothing was changed.";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : scopes;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }

    public String getIssuedToken() {
        return issuedToken;
    }

    public String getError() {
        return error;
    }

    public String getMessage() {
        return message;
    }
}
