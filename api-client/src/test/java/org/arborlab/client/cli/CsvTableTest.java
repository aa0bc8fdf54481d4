package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    private static CsvTable parse(String text) throws Exception {
        return CsvTable.parse(new StringReader(text), ',');
    }

    @Test
    void quotedJsonCellsKeepTheirCommasAndQuotes() throws Exception {
        CsvTable table = parse("""
                room_name,participant_label,vars
                econ101,albert_e,"{""age"": 25, ""x"": [3, 6, 9]}"
                econ101,"Smith, Jane","{""note"": ""line one
                line two""}"
                """);
        assertEquals(List.of("room_name", "participant_label", "vars"), table.columns());
        assertEquals(Map.of("room_name", "econ101", "participant_label", "albert_e",
                "vars", "{\"age\": 25, \"x\": [3, 6, 9]}"), table.rows().get(0).cells());
        assertEquals("Smith, Jane", table.rows().get(1).cells().get("participant_label"));
        assertEquals("{\"note\": \"line one\nline two\"}", table.rows().get(1).cells().get("vars"));
    }

    @Test
    void rowsAreNumberedLikeASpreadsheetAndBlankRowsAreKeptButBlank() throws Exception {
        CsvTable table = parse("session_config_name,num_participants\ntrust,2\n\n,\nsurvey,1\n");
        assertEquals(List.of(2, 3, 4, 5), table.rows().stream().map(CsvTable.Row::number).toList());
        assertTrue(table.rows().get(1).isBlank());
        assertTrue(table.rows().get(2).isBlank());
        assertEquals("survey", table.rows().get(3).cells().get("session_config_name"));
    }

    @Test
    void blankCellsAreLeftOutAndMissingTrailingCellsAreBlank() throws Exception {
        CsvTable table = parse("session_config_name,num_participants,label\ntrust,,\ntrust\n");
        assertEquals(Map.of("session_config_name", "trust"), table.rows().get(0).cells());
        assertEquals(Map.of("session_config_name", "trust"), table.rows().get(1).cells());
    }

    @Test
    void aValueBeyondTheNamedColumnsMakesTheRowBad() throws Exception {
        CsvTable table = parse("session_config_name,num_participants\ntrust,2,oops\ntrust,2,\n");
        assertEquals("a value in column 3, which has no name in the header: oops", table.rows().get(0).problem());
        assertNull(table.rows().get(1).problem());
    }

    @Test
    void headerNamesAreTrimmed() throws Exception {
        assertEquals(List.of("room_name", "vars"), parse(" room_name , vars\n").columns());
    }

    @Test
    void brokenQuotingStopsTheWholeFile() {
        CsvTable.BadFile e = assertThrows(CsvTable.BadFile.class,
                () -> parse("room_name,participant_label,vars\necon101,a,\"{}\"\necon101,b,\"{\n"));
        assertTrue(e.getMessage().startsWith("row 3 or later: "), e.getMessage());
    }

    @Test
    void duplicateOrMissingHeaderStopsTheWholeFile() {
        assertTrue(assertThrows(CsvTable.BadFile.class, () -> parse("label,label\na,b\n")).getMessage()
                .startsWith("bad header row"));
        assertEquals("the file is empty; the first row must name the columns",
                assertThrows(CsvTable.BadFile.class, () -> parse("")).getMessage());
    }

    @Test
    void excelFilesWithByteOrderMarkAndSemicolonsAreRead() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, "\uFEFFsession_config_name;num_participants\r\ntrust;4\r\n", StandardCharsets.UTF_8);
        CsvTable table = CsvTable.read(file, ';');
        assertEquals(List.of("session_config_name", "num_participants"), table.columns());
        assertEquals(Map.of("session_config_name", "trust", "num_participants", "4"), table.rows().get(0).cells());
    }

    @Test
    void nonUtf8FileIsRefusedWithAHint() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "label\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvTable.BadFile e = assertThrows(CsvTable.BadFile.class, () -> CsvTable.read(file, ','));
        assertTrue(e.getMessage().endsWith("is not UTF-8 text; in Excel save it as \"CSV UTF-8\""), e.getMessage());
    }
}
