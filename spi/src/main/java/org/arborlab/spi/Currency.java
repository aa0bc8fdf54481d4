package org.arborlab.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of points (or of real-world currency when {@code USE_POINTS} is false): oTree's {@code Currency},
 * written {@code cu(10)}. Immutable and exact; Arbor rounds it to {@code POINTS_DECIMAL_PLACES} when it stores
 * or shows it. Use it for payoffs and for money-like fields.
 */
public final class Currency implements Comparable<Currency> {
    public static final Currency ZERO = new Currency(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Currency(BigDecimal amount) {
        this.amount = Objects.requireNonNull(amount, "amount");
    }

    /** {@code cu(10)}: import it statically, as oTree's {@code cu}. */
    public static Currency cu(long amount) {
        return new Currency(BigDecimal.valueOf(amount));
    }

    public static Currency cu(double amount) {
        return new Currency(BigDecimal.valueOf(amount));
    }

    public static Currency cu(BigDecimal amount) {
        return new Currency(amount);
    }

    /** {@code cu("2.50")}: exact decimal text. */
    public static Currency cu(String amount) {
        return new Currency(new BigDecimal(amount.trim()));
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency plus(Currency other) {
        return new Currency(amount.add(other.amount));
    }

    public Currency minus(Currency other) {
        return new Currency(amount.subtract(other.amount));
    }

    public Currency times(long factor) {
        return new Currency(amount.multiply(BigDecimal.valueOf(factor)));
    }

    public Currency times(BigDecimal factor) {
        return new Currency(amount.multiply(factor));
    }

    public Currency times(double factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Division with 6 decimal places, half-up (Arbor stores payoffs with 6). */
    public Currency dividedBy(long divisor) {
        return new Currency(amount.divide(BigDecimal.valueOf(divisor), 6, RoundingMode.HALF_UP));
    }

    public Currency negate() {
        return new Currency(amount.negate());
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Currency other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Currency other) {
        return compareTo(other) < 0;
    }

    public static Currency max(Currency a, Currency b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Currency min(Currency a, Currency b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Sum of amounts; an empty list sums to zero. */
    public static Currency sum(Iterable<Currency> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Currency c : amounts) {
            total = total.add(c.amount);
        }
        return new Currency(total);
    }

    public Currency rounded(int decimalPlaces) {
        return new Currency(amount.setScale(decimalPlaces, RoundingMode.HALF_UP));
    }

    @Override
    public int compareTo(Currency other) {
        return amount.compareTo(other.amount);
    }

    /** Equal amounts are equal whatever their scale: {@code cu(10).equals(cu("10.00"))}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Currency other && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** The plain amount, e.g. {@code 10} or {@code 2.5}; pages show it formatted ("10 points"). */
    @Override
    public String toString() {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
