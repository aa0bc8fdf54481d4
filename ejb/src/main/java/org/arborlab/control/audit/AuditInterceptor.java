package org.arborlab.control.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/** Writes the audit entry of an {@link Audited} method after it returned, inside its transaction. */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditLog log;

    @AroundInvoke
    Object record(InvocationContext call) throws Exception {
        Object result = call.proceed();
        Method method = call.getMethod();
        Audited audited = method.getAnnotation(Audited.class);
        if (audited == null) {
            audited = method.getDeclaringClass().getAnnotation(Audited.class);
        }
        String action = audited == null || audited.value().isEmpty() ? method.getName() : audited.value();
        log.record(action, AuditDescriptions.target(call.getParameters(), result),
                AuditDescriptions.detail(call.getParameters()));
        return result;
    }
}
