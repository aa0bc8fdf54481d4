package org.arborlab.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBarsTest {

    @Test
    void barsAreScaledToTheLargestValue() {
        List<Map<String, Object>> bars = ReportBars.of(List.of("P1", "P2", "P3"),
                List.of(new BigDecimal("0"), new BigDecimal("50.00"), new BigDecimal("100")));
        assertEquals(List.of(0, 50, 100), bars.stream().map(b -> b.get("percent")).toList());
        assertEquals(List.of("0", "50", "100"), bars.stream().map(b -> b.get("value")).toList());
        assertEquals("P2", bars.get(1).get("label"));
        assertEquals(List.of(0, 0), ReportBars.of(List.of("a", "b"), List.of(0, 0)).stream()
                .map(b -> b.get("percent")).toList(), "all zero: flat bars, no division by zero");
        assertEquals(33, ReportBars.of(List.of("a", "b"), List.of(1, 3)).get(0).get("percent"));
    }
}
