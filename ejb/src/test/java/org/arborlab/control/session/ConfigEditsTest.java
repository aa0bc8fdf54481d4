package org.arborlab.control.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.settings.SessionConfig;
import org.junit.jupiter.api.Test;

class ConfigEditsTest {
    private static final SessionConfig CONFIG = new SessionConfig("trust", "Trust", List.of("trust"), 2, "",
            json("{'name':'trust','app_sequence':['trust'],'participation_fee':0.5,"
                    + "'real_world_currency_per_point':1,'num_apples':0,'use_x':true,'color':'red'}"));

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void noEditsReturnsTheConfigUnchanged() {
        assertSame(CONFIG.values(), ConfigEdits.apply(CONFIG, null));
        assertSame(CONFIG.values(), ConfigEdits.apply(CONFIG, json("{}")));
    }

    @Test
    void editsKeepTypesAndNewFieldsAreAccepted() {
        JsonObject result = ConfigEdits.apply(CONFIG,
                json("{'num_apples':10,'abc':[1,2,3],'participation_fee':2.25,'use_x':false}"));
        assertEquals(10, result.getInt("num_apples"));
        assertEquals("[1,2,3]", result.get("abc").toString());
        assertEquals("2.25", result.get("participation_fee").toString());
        assertEquals(false, result.getBoolean("use_x"));
        assertEquals(0, CONFIG.values().getInt("num_apples"), "the original is never changed");
    }

    @Test
    void nonEditableFieldsAreListedInOrder() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ConfigEdits.apply(CONFIG, json("{'name':'x','app_sequence':[],'doc':'d'}")));
        assertEquals("The following session config fields are not editable: [app_sequence, doc, name]",
                e.getMessage());
    }

    @Test
    void typeChangesAreRefused() {
        assertEquals("modified_session_config_fields.num_apples must be a number like the config's value 0,"
                + " got \"10\"", assertThrows(InvalidInputException.class,
                        () -> ConfigEdits.apply(CONFIG, json("{'num_apples':'10'}"))).getMessage());
        assertThrows(InvalidInputException.class, () -> ConfigEdits.apply(CONFIG, json("{'use_x':1}")));
        assertThrows(InvalidInputException.class, () -> ConfigEdits.apply(CONFIG, json("{'color':null}")));
        assertThrows(InvalidInputException.class,
                () -> ConfigEdits.apply(CONFIG, json("{'real_world_currency_per_point':'0.1'}")));
        assertThrows(InvalidInputException.class, () -> ConfigEdits.apply(CONFIG, json("{'participation_fee':-1}")));
    }
}
