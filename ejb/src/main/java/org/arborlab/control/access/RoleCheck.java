package org.arborlab.control.access;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Enforces {@link RoleRequired} before the action (and before its audit entry). Work outside any request
 * (timers, background jobs the server itself started) acts for the server and passes; within a request the
 * caller must hold the role.
 */
@RoleRequired(Role.ADMIN)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 100)
public class RoleCheck {

    @Inject
    Instance<Caller> caller;

    @AroundInvoke
    Object check(InvocationContext call) throws Exception {
        Role needed = needed(call.getMethod());
        if (needed != null) {
            refusal(caller, needed, call.getMethod());
        }
        return call.proceed();
    }

    static Role needed(Method method) {
        RoleRequired required = method.getAnnotation(RoleRequired.class);
        if (required == null) {
            required = method.getDeclaringClass().getAnnotation(RoleRequired.class);
        }
        return required == null ? null : required.value();
    }

    static void refusal(Instance<Caller> callers, Role needed, Method method) {
        Caller current;
        try {
            current = callers.get();
            current.has(needed); // touches the request context: throws outside a request
        } catch (ContextNotActiveException e) {
            return;
        }
        if (!current.has(needed)) {
            throw new NotAllowedException("Not allowed: " + action(method) + " needs the role " + needed.text()
                    + "; the caller is " + current.describe() + ".");
        }
    }

    private static String action(Method method) {
        return method.getDeclaringClass().getSimpleName().replace("Service", "").toLowerCase() + "."
                + method.getName();
    }
}
