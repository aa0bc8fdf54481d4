package org.arborlab.control.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WritersTest {

    @Test
    void cellsAreFormattedAsOTreeDoes() {
        assertNull(Cells.of(null));
        assertEquals(1, Cells.of(true));
        assertEquals(0, Cells.of(Boolean.FALSE));
        assertEquals(new BigDecimal("10"), Cells.of(new BigDecimal("10.000000")));
        assertEquals(new BigDecimal("2.5"), Cells.of(new BigDecimal("2.50")));
        assertEquals(new BigDecimal("100"), Cells.of(new BigDecimal("1E+2")));
        assertEquals("a b c", Cells.of("a\nb\r\nc"));
        assertEquals(1, Cells.of(Json.createValue(1).getValueType() == null ? null : jakarta.json.JsonValue.TRUE));
        assertEquals("Zoë", Cells.of(Json.createValue("Zoë")));
        assertEquals("[1,2]", Cells.of(Json.createArrayBuilder().add(1).add(2).build()));
        assertNull(Cells.of(jakarta.json.JsonValue.NULL));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.CSV.open(out, "x", "\r\n")) {
            writer.row(List.of("a", "b,c", "say \"hi\""));
            writer.row(Arrays.asList(null, 1, new BigDecimal("2.5")));
        }
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,1,2.5\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void xlsxHasNumbersAsNumbersAndTextAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.XLSX.open(out, "page_times", "\n")) {
            writer.row(List.of("code", "payoff"));
            writer.row(Arrays.asList("abc12345", new BigDecimal("2.5")));
            writer.row(Arrays.asList("007", null));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row second = workbook.getSheet("page_times").getRow(1);
            assertEquals(CellType.NUMERIC, second.getCell(1).getCellType());
            assertEquals(2.5, second.getCell(1).getNumericCellValue());
            Row third = workbook.getSheet("page_times").getRow(2);
            assertEquals(CellType.STRING, third.getCell(0).getCellType());
            assertEquals("007", third.getCell(0).getStringCellValue());
            assertNull(third.getCell(1));
        }
    }

    @Test
    void anAbortedXlsxWritesNothingAndProgressCountsTheRowsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> reported = new java.util.ArrayList<>();
        TableWriter writer = new ProgressWriter(ExportFormat.XLSX.open(out, "x", "\r\n"), reported::add);
        for (int i = 0; i < 2_500; i++) {
            writer.row(List.of(i, "text"));
        }
        writer.abort();
        assertEquals(0, out.size(), "no half workbook reaches the client");
        assertEquals(List.of(1_000L, 2_000L, 2_500L), reported);
    }
}
