package org.arborlab.control.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SessionDataCellsTest {

    @Test
    void valuesShowAsInTheExportCutToThirtyCharactersExceptYesNo() {
        assertEquals("", SessionDataService.cell(null));
        // yes/no read as words on the page (the export writes 1/0)
        assertEquals("True", SessionDataService.cell(true));
        assertEquals("False", SessionDataService.cell(jakarta.json.JsonValue.FALSE));
        assertEquals("2.5", SessionDataService.cell(new BigDecimal("2.500000")));
        assertEquals("10", SessionDataService.cell(Json.createValue(new BigDecimal("10.000"))));
        assertEquals("a b", SessionDataService.cell(Json.createValue("a\nb")));
        String thirty = "x".repeat(30);
        assertEquals(thirty, SessionDataService.cell(thirty));
        assertEquals(thirty + "…", SessionDataService.cell(thirty + "yz"));
    }
}
