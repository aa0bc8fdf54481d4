package org.arborlab.control.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.arborlab.spi.Currency;
import org.junit.jupiter.api.Test;

class CustomExportTest {

    @Test
    void rowsAreFormattedLikeEveryExportAndTheStreamIsClosed() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<List<Object>> rows = Stream.of(
                Arrays.<Object>asList("code", "paid", "finished", "note", "missing"),
                Arrays.<Object>asList("abc", Currency.cu("12.50"), true, "two\nlines", null),
                List.<Object>of()).onClose(() -> closed.set(true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.CSV.open(out, "x", "\r\n")) {
            assertEquals(3, CustomExport.write(rows, writer));
        }
        assertEquals("code,paid,finished,note,missing\r\nabc,12.5,1,two lines,\r\n\r\n",
                out.toString(StandardCharsets.UTF_8));
        assertTrue(closed.get(), "the app's stream (and its players' database context) is closed");
    }

    @Test
    void rowsAreWrittenAsTheyAreProducedNotCollectedFirst() throws Exception {
        AtomicLong produced = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        long[] written = {0};
        TableWriter counting = new TableWriter() {
            @Override
            public void row(List<?> values) {
                written[0]++;
                maxAhead.accumulateAndGet(produced.get() - written[0], Math::max);
            }

            @Override
            public void close() {
            }
        };
        Stream<List<Object>> rows = LongStream.range(0, 10_000).mapToObj(i -> {
            produced.incrementAndGet();
            return Arrays.<Object>asList(i, new BigDecimal(i).movePointLeft(2));
        });
        assertEquals(10_000, CustomExport.write(rows, counting));
        assertEquals(0, maxAhead.get(), "each row is written before the next is asked for");
    }

    @Test
    void aFailingAppStillClosesItsStream() {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<List<Object>> rows = Stream.<List<Object>>of(List.of("header"), List.of("row")).map(r -> {
            if (r.get(0).equals("row")) {
                throw new IllegalStateException("app bug");
            }
            return r;
        }).onClose(() -> closed.set(true));
        TableWriter sink = new TableWriter() {
            @Override
            public void row(List<?> values) {
            }

            @Override
            public void close() {
            }
        };
        try {
            CustomExport.write(rows, sink);
        } catch (Exception e) {
            assertEquals("app bug", e.getMessage());
        }
        assertTrue(closed.get());
    }
}
