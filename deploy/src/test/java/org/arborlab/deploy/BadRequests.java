package org.arborlab.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of bad requests: each with the status and a piece of the detail it must answer. Codes of an
 * existing session and participant are filled in, so "exists but the body is wrong" is covered too.
 */
final class BadRequests {
    private static final String JSON = "application/json";

    record Case(String method, String path, String contentType, String body, int status, String detail) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 80 ? body.substring(0, 77) + "..." : body;
            return method + " " + path + " " + shown;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private BadRequests() {
    }

    private void add(String method, String path, String body, int status, String detail) {
        cases.add(new Case(method, path, JSON, body, status, detail));
    }

    private void create(String body, int status, String detail) {
        add("POST", "/api/sessions", body, status, detail);
    }

    /** A valid create body with one parameter replaced or added. */
    private static String with(String key, String value) {
        StringBuilder body = new StringBuilder("{");
        String[][] base = {{"session_config_name", "\"trust\""}, {"num_participants", "2"}};
        boolean replaced = false;
        for (String[] pair : base) {
            if (body.length() > 1) {
                body.append(',');
            }
            if (pair[0].equals(key)) {
                body.append('"').append(key).append("\":").append(value);
                replaced = true;
            } else {
                body.append('"').append(pair[0]).append("\":").append(pair[1]);
            }
        }
        if (!replaced) {
            body.append(",\"").append(key).append("\":").append(value);
        }
        return body.append('}').toString();
    }

    private static String modified(String fields) {
        return with("modified_session_config_fields", fields);
    }

    static List<Case> all(String sessionCode, String participantCode) {
        BadRequests t = new BadRequests();
        // malformed or non-object bodies
        t.create("{", 400, "not valid JSON");
        t.create("{\"session_config_name\":\"trust\",\"num_participants\":2,}", 400, "not valid JSON");
        t.create("{'session_config_name':'trust'}", 400, "not valid JSON");
        t.create("{\"num_participants\": NaN}", 400, "not valid JSON");
        t.create("{\"a\":1} {\"b\":2}", 400, "not valid JSON");
        t.create("/* comment */ {}", 400, "not valid JSON");
        t.create("[]", 400, "must be a JSON object, got a list");
        t.create("[{\"session_config_name\":\"trust\"}]", 400, "must be a JSON object");
        t.create("\"trust\"", 400, "must be a JSON object, got the string");
        t.create("123", 400, "must be a JSON object, got the number");
        t.create("null", 400, "must be a JSON object, got null");
        t.create("true", 400, "must be a JSON object, got the boolean");
        t.create("", 400, "Missing required parameter \"session_config_name\"");
        t.create("   ", 400, "Missing required parameter \"session_config_name\"");
        t.create("{}", 400, "Missing required parameter \"session_config_name\"");
        // session_config_name
        t.create("{\"num_participants\":2}", 400, "Missing required parameter \"session_config_name\"");
        t.create(with("session_config_name", "null"), 400, "\"session_config_name\" must be a string");
        t.create(with("session_config_name", "5"), 400, "\"session_config_name\" must be a string");
        t.create(with("session_config_name", "[\"trust\"]"), 400, "\"session_config_name\" must be a string");
        t.create(with("session_config_name", "{\"name\":\"trust\"}"), 400, "must be a string");
        t.create(with("session_config_name", "\"nope\""), 404, "Session config \"nope\" not found");
        t.create(with("session_config_name", "\"Trust\""), 404, "Session config \"Trust\" not found");
        t.create(with("session_config_name", "\"\""), 400, "Parameter \"session_config_name\" must not be blank");
        t.create(with("session_config_name", "\"' OR 1=1 --\""), 404, "not found");
        t.create(with("session_config_name", "\"trust; DROP TABLE arbor_session\""), 404, "not found");
        t.create(with("session_config_name", "\"<script>alert(1)</script>\""), 404, "not found");
        t.create(with("session_config_name", "\"tr\\u00fcst\""), 404, "not found");
        t.create(with("session_config_name", "\"" + "x".repeat(5000) + "\""), 404, "not found");
        // num_participants
        t.create("{\"session_config_name\":\"trust\"}", 400, "Missing required parameter \"num_participants\"");
        t.create(with("num_participants", "\"2\""), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "2.0"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "2.5"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "true"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "[2]"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "{}"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "-2"), 400, "positive whole number, got -2");
        t.create(with("num_participants", "0"), 400, "positive whole number, got 0");
        t.create(with("num_participants", "3"), 400, "Number of participants (3) is not a multiple of group size (2)");
        t.create(with("num_participants", "1"), 400, "is not a multiple of group size (2)");
        t.create(with("num_participants", "20002"), 400, "at most 10000");
        t.create(with("num_participants", "1e30"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "-1e30"), 400, "\"num_participants\" must be a whole number");
        t.create(with("num_participants", "-99999999999999999999999"), 400, "positive whole number");
        t.create(with("num_participants", "99999999999999999999999999999999"), 400, "at most 10000");
        // modified_session_config_fields
        t.create(modified("\"num_apples=10\""), 400, "\"modified_session_config_fields\" must be a JSON object");
        t.create(modified("[]"), 400, "\"modified_session_config_fields\" must be a JSON object");
        t.create(modified("5"), 400, "\"modified_session_config_fields\" must be a JSON object");
        t.create(modified("{\"name\":\"x\"}"), 400, "not editable: [name]");
        t.create(modified("{\"app_sequence\":[\"survey\"]}"), 400, "not editable: [app_sequence]");
        t.create(modified("{\"doc\":\"x\"}"), 400, "not editable: [doc]");
        t.create(modified("{\"display_name\":\"x\"}"), 400, "not editable: [display_name]");
        t.create(modified("{\"num_demo_participants\":4}"), 400, "not editable: [num_demo_participants]");
        t.create(modified("{\"name\":\"x\",\"doc\":\"y\",\"num_apples\":3}"), 400, "not editable: [doc, name]");
        t.create(modified("{\"num_apples\":\"10\"}"), 400, "num_apples must be a number");
        t.create(modified("{\"num_apples\":true}"), 400, "num_apples must be a number");
        t.create(modified("{\"num_apples\":null}"), 400, "num_apples must be a number");
        t.create(modified("{\"num_apples\":[10]}"), 400, "num_apples must be a number");
        t.create(modified("{\"participation_fee\":\"abc\"}"), 400, "participation_fee must be a number");
        t.create(modified("{\"participation_fee\":-1}"), 400, "participation_fee must be at least 0");
        t.create(modified("{\"real_world_currency_per_point\":\"0.1\"}"), 400, "must be a number");
        t.create(modified("{\"real_world_currency_per_point\":-0.5}"), 400, "must be at least 0");
        t.create(modified("{\"nested\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400, "nests deeper than 64");
        // room_name, label, flags
        t.create(with("room_name", "\"nowhere\""), 404, "Room nowhere not found");
        t.create(with("room_name", "\"\""), 404, "Room  not found");
        t.create(with("room_name", "\"ECON101\""), 404, "Room ECON101 not found");
        t.create(with("room_name", "\"econ101' --\""), 404, "not found");
        t.create(with("room_name", "5"), 400, "\"room_name\" must be a string");
        t.create(with("room_name", "[\"econ101\"]"), 400, "\"room_name\" must be a string");
        t.create(with("label", "5"), 400, "\"label\" must be a string");
        t.create(with("label", "{}"), 400, "\"label\" must be a string");
        t.create(with("label", "\"" + "x".repeat(301) + "\""), 400, "\"label\" must be at most 300 characters");
        t.create(with("is_demo", "\"true\""), 400, "\"is_demo\" must be true or false");
        t.create(with("is_demo", "1"), 400, "\"is_demo\" must be true or false");
        t.create(with("is_demo", "null"), 400, "\"is_demo\" must be true or false");
        t.create(with("is_mturk", "true"), 400, "does not support MTurk");
        t.create(with("is_mturk", "\"no\""), 400, "\"is_mturk\" must be true or false");
        t.create(with("foo", "1"), 400, "Unknown parameter \"foo\"");
        t.create(with("session_config_name ", "\"trust\""), 400, "Unknown parameter \"session_config_name \"");
        t.create(with("participant_code", "\"abc\""), 400, "Unknown parameter \"participant_code\"");
        t.create(with("Session_Config_Name", "\"trust\""), 400, "Unknown parameter");
        // transport: forms, size
        t.cases.add(new Case("POST", "/api/sessions", "application/x-www-form-urlencoded",
                "session_config_name=trust&num_participants=2", 415, "must be JSON"));
        t.cases.add(new Case("POST", "/api/sessions", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", 415, "must be JSON"));
        t.cases.add(new Case("POST", "/api/participant_vars", "application/x-www-form-urlencoded",
                "room_name=econ101", 415, "must be JSON"));
        t.create("{\"label\":\"" + "x".repeat(1024 * 1024) + "\"}", 413, "1 MiB");
        t.add("POST", "/api/session_vars/" + sessionCode, "{\"vars\":{\"x\":\"" + "y".repeat(1024 * 1024) + "\"}}",
                413, "1 MiB");
        // wrong methods
        for (String[] mp : new String[][] {{"PUT", "/api/sessions"}, {"DELETE", "/api/sessions"},
                {"PATCH", "/api/sessions"}, {"POST", "/api/sessions/" + sessionCode},
                {"DELETE", "/api/sessions/" + sessionCode}, {"POST", "/api/otree_version"},
                {"POST", "/api/rooms"}, {"POST", "/api/apps"}, {"POST", "/api/session_configs"},
                {"GET", "/api/participant_vars"}, {"GET", "/api/session_vars"},
                {"PUT", "/api/participant_vars/" + participantCode}, {"GET", "/api/get_session/" + sessionCode},
                {"DELETE", "/api/session_vars/" + sessionCode}}) {
            t.add(mp[0], mp[1], "{}", 405, "Method not allowed");
        }
        // reads
        t.add("GET", "/api/sessions/zzzzzzzz", null, 404, "Not found: Session, {'code': 'zzzzzzzz'}");
        t.add("GET", "/api/sessions/BAD", null, 404, "Not found: Session");
        t.add("POST", "/api/get_session/zzzzzzzz", "{}", 404, "Not found: Session");
        t.add("POST", "/api/get_session/" + sessionCode, "{\"participant_labels\":\"x\"}", 400,
                "\"participant_labels\" must be a list of strings");
        t.add("POST", "/api/get_session/" + sessionCode, "{\"participant_vars\":5}", 400,
                "\"participant_vars\" must be a list of strings");
        t.add("POST", "/api/get_session/" + sessionCode, "{\"session_vars\":[1]}", 400,
                "\"session_vars\" must be a list of strings");
        t.add("POST", "/api/get_session/" + sessionCode, "{\"bogus\":1}", 400, "Unknown parameter \"bogus\"");
        t.add("POST", "/api/get_session/" + sessionCode, "[1]", 400, "must be a JSON object");
        t.add("POST", "/api/get_session/" + sessionCode, "{\"participant_labels\":[\"a\",5]}", 400,
                "\"participant_labels\" must be a list of strings");
        // participant vars by room and label
        String pv = "/api/participant_vars";
        t.add("POST", pv, "{}", 400, "Missing required parameter \"room_name\"");
        t.add("POST", pv, "{\"participant_label\":\"a\",\"vars\":{}}", 400, "Missing required parameter \"room_name\"");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"vars\":{}}", 400,
                "Missing required parameter \"participant_label\"");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\"}", 400,
                "Missing required parameter \"vars\"");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\",\"vars\":\"age=5\"}", 400,
                "\"vars\" must be a JSON object");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\",\"vars\":[[\"age\",5]]}", 400,
                "\"vars\" must be a JSON object");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\",\"vars\":null}", 400,
                "\"vars\" must be a JSON object");
        t.add("POST", pv, "{\"room_name\":\"nowhere\",\"participant_label\":\"a\",\"vars\":{}}", 404,
                "Room nowhere not found");
        t.add("POST", pv, "{\"room_name\":\"\",\"participant_label\":\"a\",\"vars\":{}}", 404, "not found");
        t.add("POST", pv, "{\"room_name\":5,\"participant_label\":\"a\",\"vars\":{}}", 400,
                "\"room_name\" must be a string");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"\",\"vars\":{}}", 400,
                "participant_label must be 1 to 100 characters");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"" + "x".repeat(101)
                + "\",\"vars\":{}}", 400, "participant_label must be 1 to 100 characters");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\\nb\",\"vars\":{}}", 400,
                "participant_label must be 1 to 100 characters");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":7,\"vars\":{}}", 400,
                "\"participant_label\" must be a string");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\",\"vars\":{},\"x\":1}", 400,
                "Unknown parameter \"x\"");
        t.add("POST", pv, "{\"room_name\":\"econ101\",\"participant_label\":\"a\",\"vars\":{", 400,
                "not valid JSON");
        // participant vars by code
        t.add("POST", pv + "/zzzzzzzz", "{\"vars\":{}}", 404, "Not found: Participant, {'code': 'zzzzzzzz'}");
        t.add("POST", pv + "/short", "{\"vars\":{}}", 404, "Not found: Participant");
        t.add("POST", pv + "/" + participantCode, "{}", 400, "Missing required parameter \"vars\"");
        t.add("POST", pv + "/" + participantCode, "{\"vars\":[1,2]}", 400, "\"vars\" must be a JSON object");
        t.add("POST", pv + "/" + participantCode, "{\"vars\":{},\"participant_code\":\"x\"}", 400,
                "Unknown parameter \"participant_code\"");
        // session vars
        String sv = "/api/session_vars";
        t.add("POST", sv, "{\"vars\":{}}", 400, "Missing required parameter \"room_name\"");
        t.add("POST", sv, "{\"room_name\":\"nowhere\",\"vars\":{}}", 404, "Room nowhere not found");
        t.add("POST", sv, "{\"room_name\":\"qualtrics_study\",\"vars\":{}}", 404, "Room qualtrics_study has no session");
        t.add("POST", sv, "{\"room_name\":\"econ101\",\"vars\":\"x\"}", 400, "\"vars\" must be a JSON object");
        t.add("POST", sv, "{\"room_name\":\"econ101\"}", 400, "Missing required parameter \"vars\"");
        t.add("POST", sv + "/zzzzzzzz", "{\"vars\":{}}", 404, "Not found: Session, {'code': 'zzzzzzzz'}");
        t.add("POST", sv + "/" + sessionCode, "{}", 400, "Missing required parameter \"vars\"");
        t.add("POST", sv + "/" + sessionCode, "{\"vars\":5}", 400, "\"vars\" must be a JSON object");
        t.add("POST", sv + "/" + sessionCode, "{\"vars\":{},\"room_name\":\"econ101\"}", 400,
                "Unknown parameter \"room_name\"");
        // exports
        String export = "/api/sessions/" + sessionCode + "/export";
        t.add("GET", export + "?kind=page_times&format=pdf", null, 400, "format must be csv or xlsx");
        t.add("GET", export + "?kind=everything", null, 400, "kind must be wide, app, page_times or custom");
        t.add("GET", "/api/sessions/zzzzzzzz/export?kind=page_times", null, 404, "Not found: Session");
        t.add("POST", export + "?kind=page_times", "{}", 405, "Method not allowed");
        t.add("GET", export + "?kind=app", null, 400, "kind=app needs the parameter app");
        t.add("GET", export + "?kind=app&app=nope", null, 404, "App nope not found");
        // paths that do not exist
        t.add("GET", "/api/nothing", null, 404, "Not Found");
        t.add("POST", "/api/v1/sessions", "{}", 404, "Not Found");
        t.add("GET", "/api/sessions/" + sessionCode + "/nothing", null, 404, "Not Found");
        return t.cases;
    }
}
