package org.arborlab.apps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bars for the sample apps' admin-report charts: label, value, and the bar's height in percent of the largest
 * value, so a report's Facelets fragment can draw an inline SVG chart without any script.
 */
public final class ReportBars {

    private ReportBars() {
    }

    /** One map per bar: {@code label}, {@code value} (as shown) and {@code percent} (0..100, whole). */
    public static List<Map<String, Object>> of(List<String> labels, List<? extends Number> values) {
        BigDecimal max = BigDecimal.ZERO;
        for (Number value : values) {
            max = max.max(new BigDecimal(value.toString()));
        }
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            BigDecimal value = new BigDecimal(values.get(i).toString());
            int percent = max.signum() == 0 ? 0
                    : value.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
            bars.add(Map.of("label", labels.get(i), "value", value.stripTrailingZeros().toPlainString(),
                    "percent", percent));
        }
        return bars;
    }
}
