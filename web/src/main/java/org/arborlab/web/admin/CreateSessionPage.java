package org.arborlab.web.admin;

import org.arborlab.control.admin.RoomRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arborlab.control.ArborException;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.RoomConfig;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Session;

/**
 * {@code /create_session}: config, number of participants, the config's editable fields (inputs named
 * {@code <config>.<field>}, a checkbox for a boolean, an empty input leaves the value as it is), an optional
 * room and label. Errors are shown on the form and nothing is created; the session itself comes from
 * {@link SessionService#create}, which checks everything again.
 */
@Named
@RequestScoped
public class CreateSessionPage {
    @Inject
    org.arborlab.control.admin.SessionAdminService admin;

    private RoomRow roomTaken;

    static final String REQUIRED = "This field is required.";

    @Inject
    SettingsService settings;

    @Inject
    SessionService sessions;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    private final Map<String, String> errors = new LinkedHashMap<>();

    public Collection<SessionConfig> getConfigs() {
        return settings.settings().sessionConfigs().values();
    }

    public Collection<RoomConfig> getRooms() {
        return settings.settings().rooms().values();
    }

    /** The room's current session when the form was refused because of it, else null. */
    public RoomRow getRoomTaken() {
        return roomTaken;
    }

    /** The field errors by input name ("session_config", "num_participants", "trust.num_apples", "form"). */
    public Map<String, String> getErrors() {
        return errors;
    }

    /** The selected config: the submitted one, else the first. */
    public String getSelectedConfig() {
        String chosen = request.param("session_config");
        if (chosen != null) {
            return chosen;
        }
        return getConfigs().stream().findFirst().map(SessionConfig::name).orElse("");
    }

    /** A submitted value to show again, or "". */
    public String submitted(String name) {
        String value = request.param(name);
        return value == null ? "" : value;
    }

    /** The editable fields of a config as form inputs. */
    public List<FieldInput> fields(SessionConfig config) {
        List<FieldInput> inputs = new ArrayList<>();
        config.editableFields().forEach((name, value) -> {
            String input = config.name() + "." + name;
            String kind = value instanceof JsonNumber ? "number" : value instanceof JsonString ? "text" : "bool";
            String shown = value instanceof JsonString s ? s.getString() : value.toString();
            boolean checked = request.isPost() && config.name().equals(getSelectedConfig())
                    ? request.param(input) != null : value == JsonValue.TRUE;
            String typed = request.isPost() ? request.param(input) : null;
            inputs.add(new FieldInput(name, input, kind, typed != null ? typed : shown, checked));
        });
        return inputs;
    }

    /** POST: create the session, or show what is wrong. */
    public void post() {
        if (!request.isPost() || request.refuseUnless(access.isExperimenter())) {
            return;
        }
        SessionConfig config = settings.settings().sessionConfig(request.param("session_config")).orElse(null);
        if (config == null) {
            errors.put("session_config", "Not a valid choice");
        }
        Integer numParticipants = numParticipants(request.param("num_participants"));
        JsonObjectBuilder modified = Json.createObjectBuilder();
        if (config != null) {
            config.editableFields().forEach((name, old) -> edit(config, name, old, modified));
        }
        String room = request.param("room_name");
        if (room != null && room.isEmpty()) {
            room = null;
        }
        if (room != null && settings.settings().room(room).isEmpty()) {
            errors.put("room_name", "Not a valid choice");
        } else if (room != null && request.param("replace_room_session") == null) {
            // oTree (and Arbor's REST API, for oTree's scripts) silently moves the room to the new session
            RoomRow current = admin.room(room);
            if (current.hasSession()) {
                roomTaken = current;
                errors.put("room_name", "Room " + current.displayName() + " already has session "
                        + current.sessionCode() + ". Close the room on its page first, or tick \"Replace it\" below"
                        + " (participants who have not started yet will then arrive in the new session).");
            }
        }
        String label = request.param("label");
        if (label != null && label.length() > 300) {
            errors.put("label", "At most 300 characters.");
        }
        if (!errors.isEmpty()) {
            request.error("The session was not created: please correct the fields marked below.");
            return;
        }
        try {
            Session session = sessions.create(new CreateSession(config.name(), numParticipants, modified.build(), room,
                    label == null ? "" : label, false));
            request.redirect("/SessionStartLinks/" + session.getCode().value());
        } catch (ArborException e) {
            String message = readable(e.getMessage());
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("modified_session_config_fields\\.(\\w+)")
                    .matcher(e.getMessage());
            errors.put(field.find() ? config.name() + "." + field.group(1)
                    : message.contains("articipants") ? "num_participants" : "form", message);
            request.error("The session was not created: " + message);
        }
    }

    /**
     * The service's message as the form shows it: the field is marked already, so its API name
     * ("modified_session_config_fields.multiplier") and the echo of the value (", got 100000") are left out.
     */
    static String readable(String message) {
        String text = message.replaceFirst("^modified_session_config_fields\\.\\w+ ", "This value ")
                .replaceFirst("^num_participants ", "The number of participants ")
                .replaceFirst(", got .*$", ".");
        return text.endsWith(".") ? text : text + ".";
    }

    private Integer numParticipants(String raw) {
        if (raw == null || raw.isEmpty()) {
            errors.put("num_participants", REQUIRED);
            return null;
        }
        if (!raw.matches("\\d{1,6}")) {
            errors.put("num_participants", "Please enter a valid number of participants.");
            return null;
        }
        int n = Integer.parseInt(raw);
        if (n > org.arborlab.control.session.SessionService.MAX_PARTICIPANTS) {
            errors.put("num_participants", "A session can have at most "
                    + org.arborlab.control.session.SessionService.MAX_PARTICIPANTS + " participants.");
            return null;
        }
        if (n == 0) { // a value was given: "required" would be wrong (Django's message for a minimum)
            errors.put("num_participants", "Ensure this value is greater than or equal to 1.");
            return null;
        }
        return n;
    }

    /** One editable field: oTree's conversion (int(float(raw)) for whole numbers); only changed values count. */
    private void edit(SessionConfig config, String name, JsonValue old, JsonObjectBuilder modified) {
        String input = config.name() + "." + name;
        String raw = request.param(input);
        if (old == JsonValue.TRUE || old == JsonValue.FALSE) {
            boolean checked = raw != null;
            if (checked != (old == JsonValue.TRUE)) {
                modified.add(name, checked);
            }
            return;
        }
        if (raw == null || raw.isEmpty()) {
            return;
        }
        if (old instanceof JsonNumber number) {
            BigDecimal value;
            try {
                value = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                errors.put(input, "Not a valid number");
                return;
            }
            if (number.isIntegral()) {
                value = value.setScale(0, RoundingMode.DOWN);
            }
            if (value.compareTo(number.bigDecimalValue()) != 0) {
                modified.add(name, value);
            }
        } else if (!raw.equals(((JsonString) old).getString())) {
            modified.add(name, raw);
        }
    }

    /**
     * One input of the form.
     *
     * @param kind "bool" (checkbox), "number" or "text"
     */
    public record FieldInput(String name, String input, String kind, String value, boolean checked) {
    }
}
