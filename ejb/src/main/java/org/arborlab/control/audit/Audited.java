package org.arborlab.control.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a call of this service method in the audit log when it succeeds, in the method's transaction (so a
 * change and its record commit or roll back together). The value names the action, e.g. "session.create".
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    @Nonbinding
    String value();
}
