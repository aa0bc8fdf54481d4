package org.arborlab.control.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.List;
import org.arborlab.entity.AuditEntry;

/**
 * The audit log of admin actions, logins and REST writes. Entries join the caller's transaction, so an
 * action that rolls back leaves no entry. The actor is the REST caller named by the boundary ({@link Actor}),
 * else the logged-in user, else "anonymous" (a server without OTREE_AUTH_LEVEL).
 */
@Stateless
public class AuditLog {
    public static final String ANONYMOUS = "anonymous";

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Instance<Actor> actor;

    /** One page of entries, newest first. */
    public record Page(List<AuditEntry> entries, long total) {
    }

    public void record(String action, String target, String detail) {
        em.persist(new AuditEntry(System.currentTimeMillis(), actor(), action, target, detail));
    }

    /** For events that have their actor already (e.g. a failed login names who tried). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAs(String actorName, String action, String target, String detail) {
        em.persist(new AuditEntry(System.currentTimeMillis(),
                actorName == null || actorName.isBlank() ? actor() : actorName, action, target, detail));
    }

    public Page page(int first, int size) {
        List<AuditEntry> entries = em.createNamedQuery("AuditEntry.newestFirst", AuditEntry.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 500))).getResultList();
        long total = em.createNamedQuery("AuditEntry.count", Long.class).getSingleResult();
        return new Page(entries, total);
    }

    String actor() {
        try {
            String named = actor.get().get();
            if (named != null) {
                return named;
            }
        } catch (ContextNotActiveException e) {
            // a background job: no request, so no REST caller
        }
        Principal caller = context.getCallerPrincipal();
        if (caller == null || caller.getName() == null || caller.getName().equalsIgnoreCase("anonymous")) {
            return ANONYMOUS;
        }
        return caller.getName();
    }
}
