package org.arborlab.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.arborlab.entity.ApiScope;

/** The scope an API token needs for this endpoint (the shared REST key may call every endpoint). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredScope {
    ApiScope value();
}
