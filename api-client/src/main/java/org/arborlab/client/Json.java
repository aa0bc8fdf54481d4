package org.arborlab.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one Jackson configuration of the client. */
public final class Json {

    /**
     * Lenient on input: unknown keys are ignored, so a newer server that adds keys does not break old clients.
     * Numbers with a fraction become BigDecimal so money (payoffs) keeps its exact value.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("arbor-time")
                    .addDeserializer(Instant.class, new InstantDeserializer())
                    .addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private Json() {
    }

    /**
     * A copy of the client's JSON configuration (the command line reads cells with it, so numbers and times
     * mean the same there); a copy, so that nobody can reconfigure the client's own mapper.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /**
     * {@code created_at}: oTree sends epoch seconds as a float ({@code 1795418498.2861896}); accept that,
     * whole seconds, and ISO-8601 text, so the client does not care which form the server picked.
     */
    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken().isNumeric()) {
                BigDecimal seconds = parser.getDecimalValue();
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.toString());
        }
    }
}
