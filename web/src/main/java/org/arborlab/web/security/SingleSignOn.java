package org.arborlab.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Institutional single sign-on with OpenID Connect, configured only by environment / MicroProfile Config:
 * ARBOR_OIDC_ISSUER (the provider's issuer URL; SSO is off while it is unset), ARBOR_OIDC_CLIENT_ID,
 * ARBOR_OIDC_CLIENT_SECRET, ARBOR_OIDC_GROUPS_CLAIM (default "groups") and ARBOR_OIDC_ROLE_MAP. Jakarta
 * Security's OpenID Connect mechanism does the protocol (discovery, state, nonce, code exchange, token
 * validation); {@link ArborAuthenticationMechanism} calls it only for /login/sso and /login/callback, so the
 * password login keeps working beside it.
 */
@Named("arborSso")
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${arborSso.issuer}",
        clientId = "${arborSso.clientId}",
        clientSecret = "${arborSso.clientSecret}",
        redirectURI = "${baseURL}/login/callback",
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username",
                callerGroupsClaim = "${arborSso.groupsClaim}"))
public class SingleSignOn {

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_ISSUER")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_CLIENT_ID")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_CLIENT_SECRET")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_GROUPS_CLAIM", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_ROLE_MAP")
    Optional<String> roleMap;

    @Inject
    @ConfigProperty(name = "ARBOR_OIDC_BUTTON", defaultValue = "Sign in with your institution")
    String buttonLabel;

    private volatile RoleMap parsedRoleMap;

    public boolean isConfigured() {
        return issuer.filter(s -> !s.isBlank()).isPresent() && clientId.filter(s -> !s.isBlank()).isPresent();
    }

    public String getIssuer() {
        return issuer.orElse("").replaceAll("/+$", "");
    }

    public String getClientId() {
        return clientId.orElse("");
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public String getButtonLabel() {
        return buttonLabel;
    }

    public RoleMap roleMap() {
        if (parsedRoleMap == null) {
            parsedRoleMap = RoleMap.parse(roleMap.orElse(""));
        }
        return parsedRoleMap;
    }
}
