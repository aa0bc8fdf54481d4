package org.arborlab.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;

/** The values a participant submitted on a page, already converted to the fields' types and checked one by one. */
public final class FormValues {
    private final Map<String, Object> values;

    public FormValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value of a form field, {@code null} if left blank. */
    public Object get(String field) {
        return values.get(field);
    }

    public Integer getInteger(String field) {
        return (Integer) values.get(field);
    }

    public Currency getCurrency(String field) {
        return (Currency) values.get(field);
    }

    public BigDecimal getDecimal(String field) {
        return (BigDecimal) values.get(field);
    }

    public Boolean getBoolean(String field) {
        return (Boolean) values.get(field);
    }

    public String getString(String field) {
        return (String) values.get(field);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
