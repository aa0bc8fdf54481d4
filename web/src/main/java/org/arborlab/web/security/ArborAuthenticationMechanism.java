package org.arborlab.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Arbor's one authentication mechanism (Jakarta Security allows one per application): the user of the HTTP
 * session, set by the password login ({@link LoginServlet}) or by single sign-on, becomes the request's caller
 * with Arbor's roles. For /login/sso and /login/callback it hands the request to Jakarta Security's OpenID
 * Connect mechanism and turns the provider's groups into Arbor's roles. Which paths need which role is decided
 * afterwards, in one place, by {@link AccessFilter}.
 */
@ApplicationScoped
@Alternative
@Priority(1000) // chosen over the OpenID Connect mechanism that Jakarta Security registers for SingleSignOn
public class ArborAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String SSO_START = "/login/sso";
    static final String SSO_CALLBACK = "/login/callback";
    private static final Logger LOG = Logger.getLogger(ArborAuthenticationMechanism.class.getName());

    @Inject
    SingleSignOn sso;

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism openId;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SignedIn.SESSION_KEY);
        if (signedIn instanceof SignedIn user) {
            return context.notifyContainerAboutLogin(user.name(), user.roles());
        }
        String path = AccessFilter.path(request);
        if (sso.isConfigured() && (path.equals(SSO_START) || path.equals(SSO_CALLBACK))) {
            try {
                return openId().validateRequest(request, response, ssoContext(context, request, path));
            } catch (RuntimeException e) {
                // e.g. a callback with a state this browser never got (forged, or from an expired session)
                LOG.log(Level.INFO, "Single sign-on refused " + path, e);
                request.setAttribute(LoginServlet.SSO_ERROR, "Single sign-on failed. Please try again.");
                return context.doNothing();
            }
        }
        return context.doNothing();
    }

    /**
     * The context the OpenID Connect mechanism sees: /login/sso counts as protected (so it redirects to the
     * provider), and the login it reports is kept in the HTTP session with the roles the groups map to.
     */
    private HttpMessageContext ssoContext(HttpMessageContext context, HttpServletRequest request, String path) {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isProtected")) {
                        return path.equals(SSO_START) || context.isProtected();
                    }
                    if (method.getName().equals("notifyContainerAboutLogin") && args != null && args.length == 1
                            && args[0] instanceof CredentialValidationResult result) {
                        return ssoLogin(context, request, result);
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private AuthenticationStatus ssoLogin(HttpMessageContext context, HttpServletRequest request,
            CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info("Single sign-on failed: the provider's answer did not validate");
            request.setAttribute(LoginServlet.SSO_ERROR, "Single sign-on failed. Please try again.");
            return context.doNothing();
        }
        Principal caller = result.getCallerPrincipal();
        Set<String> roles = sso.roleMap().roles(result.getCallerGroups());
        if (roles.isEmpty()) {
            LOG.info(() -> "Single sign-on of " + caller.getName() + " refused: no group maps to an Arbor role ("
                    + result.getCallerGroups() + ")");
            request.setAttribute(LoginServlet.SSO_ERROR, "Your account (" + caller.getName()
                    + ") is in no group that has access to Arbor. Ask the lab manager for access.");
            return context.doNothing();
        }
        request.changeSessionId(); // no session fixation across the login
        Csrf.rotate(request.getSession());
        request.getSession().setAttribute(SignedIn.SESSION_KEY, new SignedIn(caller.getName(), roles, SignedIn.SSO));
        request.setAttribute(LoginServlet.SSO_USER, caller.getName());
        return context.notifyContainerAboutLogin(caller.getName(), roles);
    }

    /** The OpenID Connect mechanism Jakarta Security made for {@link SingleSignOn}'s definition. */
    private HttpAuthenticationMechanism openId() {
        if (openId == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> !ArborAuthenticationMechanism.class.equals(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No OpenID Connect mechanism was registered"));
            openId = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
        }
        return openId;
    }
}
