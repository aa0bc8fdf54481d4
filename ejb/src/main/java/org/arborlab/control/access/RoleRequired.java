package org.arborlab.control.access;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This service action needs the caller ({@link Caller}) to have this role; {@link RoleCheck} refuses it with
 * {@link NotAllowedException} otherwise, before the action runs.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RoleRequired {
    @Nonbinding
    Role value();
}
