package org.arborlab.control.engine.runtime;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.arborlab.entity.Jsonp;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.FormModel;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;

/**
 * Everything the engine knows about one app, worked out once at start-up: its model classes and their fields,
 * its pages and their templates, its constants. A mistake in the app stops start-up with a message naming it.
 */
public final class AppModel {
    private static final Pattern PAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final App<?, ?, ?> app;
    private final Class<?> appClass;
    private final Class<?> playerClass;
    private final Class<?> groupClass;
    private final Class<?> subsessionClass;
    private final List<FieldSpec> playerFields;
    private final List<FieldSpec> groupFields;
    private final List<FieldSpec> subsessionFields;
    private final JsonObject playerInitial;
    private final JsonObject groupInitial;
    private final JsonObject subsessionInitial;
    private final List<AbstractPage<?>> pages;
    private final Map<String, String> templates;
    /** The classpath resource of the admin report's fragment, or {@code null}. */
    private final String adminReportTemplate;
    private final Map<String, Object> constants;
    private final boolean adminReport;
    private final boolean customExport;
    private final boolean groupsByArrivalTime;
    /** The app's extra models by class. */
    private final Map<Class<?>, ExtraModelSpec> extraModels;

    AppModel(App<?, ?, ?> app) {
        this.app = app;
        this.appClass = realClass(app.getClass());
        String where = "App \"" + app.name() + "\" (" + appClass.getName() + ")";
        Type[] types = typeArguments(appClass, where);
        this.playerClass = modelClass(types[0], BasePlayer.class, where);
        this.groupClass = modelClass(types[1], BaseGroup.class, where);
        this.subsessionClass = modelClass(types[2], BaseSubsession.class, where);
        this.playerFields = List.copyOf(FieldSpec.of(playerClass, BasePlayer.class));
        this.groupFields = List.copyOf(FieldSpec.of(groupClass, BaseGroup.class));
        this.subsessionFields = List.copyOf(FieldSpec.of(subsessionClass, BaseSubsession.class));
        Map<Class<?>, ExtraModelSpec> extras = new LinkedHashMap<>();
        ExtraModelSpec.of(app.name(), appClass, playerClass, groupClass, subsessionClass, where)
                .forEach(spec -> extras.put(spec.type(), spec));
        this.extraModels = Collections.unmodifiableMap(extras);
        checkHooks(playerClass, BasePlayer.class, playerFields);
        checkHooks(groupClass, BaseGroup.class, groupFields);
        checkHooks(subsessionClass, BaseSubsession.class, subsessionFields);
        this.playerInitial = initialFields(playerClass, playerFields);
        this.groupInitial = initialFields(groupClass, groupFields);
        this.subsessionInitial = initialFields(subsessionClass, subsessionFields);
        this.pages = List.copyOf(checkedPages(where));
        this.constants = constantsOf(appClass);
        Map<String, URL> pageTemplates = findTemplates();
        Map<String, String> resources = new HashMap<>();
        pageTemplates.forEach((page, url) -> resources.put(page, resource(page + ".xhtml")));
        this.templates = Collections.unmodifiableMap(resources);
        URL adminReportUrl = appClass.getClassLoader().getResource(resource("admin_report.xhtml"));
        this.adminReportTemplate = adminReportUrl == null ? null : resource("admin_report.xhtml");
        checkTemplates(pageTemplates, adminReportUrl);
        this.adminReport = overrides(appClass, "varsForAdminReport", BaseSubsession.class);
        this.customExport = overrides(appClass, "customExport", java.util.stream.Stream.class);
        this.groupsByArrivalTime = checkArrivalGrouping(where);
        if (app.roles().size() > 0 && app.playersPerGroup() > 0 && app.roles().size() != app.playersPerGroup()) {
            throw new IllegalStateException(where + ": roles() names " + app.roles().size()
                    + " roles for groups of " + app.playersPerGroup());
        }
    }

    public String name() {
        return app.name();
    }

    /** The app itself, raw: the engine calls its hooks with objects of the app's own classes. */
    @SuppressWarnings("rawtypes")
    public App app() {
        return app;
    }

    /** Whether code of this class is the app's: its app, model or page classes, or classes nested in them. */
    boolean isOwnCode(String className) {
        List<Class<?>> own = new ArrayList<>(List.of(appClass, playerClass, groupClass, subsessionClass));
        own.addAll(extraModels.keySet());
        pages.forEach(page -> own.add(page.getClass()));
        return own.stream().map(Class::getName)
                .anyMatch(name -> className.equals(name) || className.startsWith(name + "$"));
    }

    /** The app's extra models (nested classes extending {@code ExtraModel}), in name order. */
    public List<ExtraModelSpec> extraModels() {
        return List.copyOf(extraModels.values());
    }

    /** The extra model of this class, if the app declares it. */
    Optional<ExtraModelSpec> extraModel(Class<?> type) {
        return Optional.ofNullable(extraModels.get(type));
    }

    /** Whether the app's first page groups players by arrival time (then the session starts with one group). */
    public boolean groupsByArrivalTime() {
        return groupsByArrivalTime;
    }

    public int numRounds() {
        return app.numRounds();
    }

    public List<FieldSpec> playerFields() {
        return playerFields;
    }

    public List<FieldSpec> groupFields() {
        return groupFields;
    }

    public List<FieldSpec> subsessionFields() {
        return subsessionFields;
    }

    public List<AbstractPage<?>> pages() {
        return pages;
    }

    /** The app's {@code public static final} fields by name: {@code C} in templates. */
    public Map<String, Object> constants() {
        return constants;
    }

    /** Whether the app has an admin report (it overrides {@code varsForAdminReport}). */
    public boolean hasAdminReport() {
        return adminReport;
    }

    /**
     * The classpath resource of the app's admin report fragment ({@code admin_report.xhtml} next to the app's
     * class), if it has one.
     */
    public Optional<String> adminReportTemplate() {
        return Optional.ofNullable(adminReportTemplate);
    }

    /** The app's own description (its {@code doc()}). */
    public String doc() {
        String doc = app.doc();
        return doc == null ? "" : doc;
    }

    /** Whether the app has a custom export (it overrides {@code customExport}). */
    public boolean hasCustomExport() {
        return customExport;
    }

    /** The classpath resource of a page's own template, if it has one. */
    public Optional<String> template(String pageName) {
        return Optional.ofNullable(templates.get(pageName));
    }

    /** Whether a player, group or subsession class is this app's. */
    boolean owns(Class<?> modelClass) {
        return modelClass == playerClass || modelClass == groupClass || modelClass == subsessionClass;
    }

    String role(int idInGroup) {
        List<String> roles = app.roles();
        return idInGroup >= 1 && idInGroup <= roles.size() ? roles.get(idInGroup - 1) : "";
    }

    BasePlayer<?, ?> newPlayer() {
        return (BasePlayer<?, ?>) instantiate(playerClass);
    }

    BaseGroup<?, ?> newGroup() {
        return (BaseGroup<?, ?>) instantiate(groupClass);
    }

    BaseSubsession<?, ?> newSubsession() {
        return (BaseSubsession<?, ?>) instantiate(subsessionClass);
    }

    /** The fields a new player row starts with: each field's initial value, where it has one. */
    public JsonObject playerInitial() {
        return playerInitial;
    }

    public JsonObject groupInitial() {
        return groupInitial;
    }

    public JsonObject subsessionInitial() {
        return subsessionInitial;
    }

    private void checkHooks(Class<?> modelClass, Class<?> baseClass, List<FieldSpec> fields) {
        Map<String, List<FieldSpec>> others = new LinkedHashMap<>();
        others.put(playerClass.getSimpleName(), playerFields);
        others.put(groupClass.getSimpleName(), groupFields);
        others.put(subsessionClass.getSimpleName(), subsessionFields);
        others.remove(modelClass.getSimpleName());
        FieldHooks.check(modelClass, baseClass, fields, others);
    }

    private static JsonObject initialFields(Class<?> modelClass, List<FieldSpec> fields) {
        Object fresh = instantiate(modelClass);
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        for (FieldSpec field : fields) {
            Object value = field.initialValue(fresh);
            if (value != null) {
                json.add(field.name(), field.toJson(value));
            }
        }
        return json.build();
    }

    List<FieldSpec> formModelFields(FormModel model) {
        return model == FormModel.GROUP ? groupFields : playerFields;
    }

    Optional<FieldSpec> field(FormModel model, String name) {
        return formModelFields(model).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    // --- start-up checks ---

    private List<AbstractPage<?>> checkedPages(String where) {
        List<? extends AbstractPage<?>> declared = app.pages();
        if (declared == null || declared.isEmpty()) {
            throw new IllegalStateException(where + ": pages() must list at least one page");
        }
        Set<String> names = new HashSet<>();
        List<AbstractPage<?>> list = new ArrayList<>();
        for (AbstractPage<?> page : declared) {
            String name = page == null ? null : page.name();
            if (name == null || !PAGE_NAME.matcher(name).matches()) {
                throw new IllegalStateException(where + ": page name \"" + name + "\" must be letters, digits and _,"
                        + " starting with a letter (give anonymous pages a name)");
            }
            if (!names.add(name)) {
                throw new IllegalStateException(where + ": two pages are named \"" + name + "\"");
            }
            if (page instanceof Page<?> form) {
                checkStaticForm(where, form);
            } else if (page instanceof WaitPage<?, ?, ?> wait) {
                checkWaitPage(where, wait);
            } else {
                throw new IllegalStateException(where + ": page " + name + " must extend Page or WaitPage");
            }
            list.add(page);
        }
        return list;
    }

    /** Form fields declared in the constructor can be checked now; per-player ones are checked when used. */
    private void checkStaticForm(String where, Page<?> page) {
        List<String> fields = staticFormFields(page);
        if (fields == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String name : fields) {
            if (field(page.formModel(), name).isEmpty()) {
                throw new IllegalStateException(where + ": page " + page.name() + " has form field \"" + name
                        + "\", but " + (page.formModel() == FormModel.GROUP ? groupClass : playerClass).getSimpleName()
                        + " has no such field. Its fields: " + formModelFields(page.formModel()).stream()
                        .map(FieldSpec::name).toList());
            }
            if (!seen.add(name)) {
                throw new IllegalStateException(where + ": page " + page.name() + " lists field " + name + " twice");
            }
        }
    }

    private void checkWaitPage(String where, WaitPage<?, ?, ?> page) {
        Class<?> type = realClass(page.getClass());
        boolean groupHook = overrides(type, "afterAllPlayersArrive", BaseGroup.class);
        boolean subsessionHook = overrides(type, "afterAllPlayersArrive", BaseSubsession.class);
        if (page.waitForAllGroups() && groupHook) {
            throw new IllegalStateException(where + ": wait page " + page.name() + " waits for all groups, so its"
                    + " afterAllPlayersArrive must take the subsession, not a group");
        }
        if (!page.waitForAllGroups() && subsessionHook) {
            throw new IllegalStateException(where + ": wait page " + page.name() + " has afterAllPlayersArrive for"
                    + " the subsession; make waitForAllGroups() return true, or take the group");
        }
    }

    /**
     * oTree's rules for {@code group_by_arrival_time}: only the first page of an app, a wait page for its group
     * (not all groups), and a group size or an own {@code groupByArrivalTimeMethod}.
     */
    private boolean checkArrivalGrouping(String where) {
        boolean found = false;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i) instanceof WaitPage<?, ?, ?> wait && wait.groupByArrivalTime()) {
                if (i > 0) {
                    throw new IllegalStateException(where + ": wait page " + wait.name() + " groups by arrival time,"
                            + " so it must be the first page of pages() (it is page " + (i + 1) + ")");
                }
                if (wait.waitForAllGroups()) {
                    throw new IllegalStateException(where + ": wait page " + wait.name() + " groups by arrival time,"
                            + " so it cannot also wait for all groups");
                }
                found = true;
            }
        }
        if (found && app.playersPerGroup() <= 0
                && !overrides(appClass, "groupByArrivalTimeMethod", BaseSubsession.class, List.class)) {
            throw new IllegalStateException(where + ": wait page " + pages.get(0).name() + " groups by arrival"
                    + " time, so playersPerGroup() must be above 0, or the app must override"
                    + " groupByArrivalTimeMethod");
        }
        return found;
    }

    /** A file next to the app's class, as a classpath resource name. */
    private String resource(String fileName) {
        return appClass.getPackageName().replace('.', '/') + "/" + fileName;
    }

    /** The pages' own templates by page name: each looked up once (a lookup that misses reads the classpath). */
    private Map<String, URL> findTemplates() {
        Map<String, URL> found = new HashMap<>();
        for (AbstractPage<?> page : pages) {
            URL url = appClass.getClassLoader().getResource(resource(page.name() + ".xhtml"));
            if (url != null) {
                found.put(page.name(), url);
            }
        }
        return found;
    }

    /** Every template of the app compiles, reads only names its page has, and shows only its form's fields. */
    private void checkTemplates(Map<String, URL> pageTemplates, URL adminReport) {
        Map<String, Set<String>> known = new HashMap<>();
        known.put("player", names(TemplateValues.PLAYER_NAMES, playerFields));
        known.put("group", names(TemplateValues.GROUP_NAMES, groupFields));
        known.put("subsession", names(TemplateValues.SUBSESSION_NAMES, subsessionFields));
        known.put("participant", TemplateValues.PARTICIPANT_NAMES);
        known.put("C", constants.keySet());
        for (AbstractPage<?> page : pages) {
            URL url = pageTemplates.get(page.name());
            if (url != null) {
                List<String> form = page instanceof Page<?> formPage ? staticFormFields(formPage) : List.of();
                new TemplateCheck(templates.get(page.name()), known, form == null ? null : Set.copyOf(form)).check(url);
            }
        }
        if (adminReport != null) {
            new TemplateCheck(adminReportTemplate, Map.of(), null).check(adminReport);
        }
    }

    private static Set<String> names(Set<String> builtIns, List<FieldSpec> fields) {
        Set<String> names = new HashSet<>(builtIns);
        fields.forEach(f -> names.add(f.name()));
        return names;
    }

    /** A page's form fields if they are the same for every player, or {@code null}. */
    private static List<String> staticFormFields(Page<?> page) {
        try {
            List<String> fields = page.formFields(null);
            return fields == null ? List.of() : fields;
        } catch (RuntimeException e) {
            return null; // depends on the player
        }
    }

    private static Map<String, Object> constantsOf(Class<?> type) {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)) {
                try {
                    constants.put(f.getName(), f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(constants);
    }

    private static boolean overrides(Class<?> type, String method, Class<?>... parameterErasures) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == App.class || c == WaitPage.class) {
                return false;
            }
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && !m.isBridge() && takes(m, parameterErasures)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean takes(java.lang.reflect.Method m, Class<?>[] parameterErasures) {
        if (m.getParameterCount() != parameterErasures.length) {
            return false;
        }
        for (int i = 0; i < parameterErasures.length; i++) {
            if (!parameterErasures[i].isAssignableFrom(m.getParameterTypes()[i])) {
                return false;
            }
        }
        return true;
    }

    /** The app class behind a CDI client proxy. */
    static Class<?> realClass(Class<?> type) {
        Class<?> c = type;
        while (c.isSynthetic() || c.getName().contains("$Proxy$") || c.getName().contains("$$")) {
            c = c.getSuperclass();
        }
        return c;
    }

    private static Type[] typeArguments(Class<?> type, String where) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == App.class) {
                return p.getActualTypeArguments();
            }
        }
        throw new IllegalStateException(where + " must extend App<Player, Group, Subsession> with its own classes");
    }

    private static Class<?> modelClass(Type type, Class<?> base, String where) {
        if (!(type instanceof Class<?> c) || !base.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
            throw new IllegalStateException(where + ": " + type + " must be a concrete class extending "
                    + base.getSimpleName());
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            throw new IllegalStateException(where + ": " + c.getSimpleName() + " must be a static nested class");
        }
        try {
            Constructor<?> constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(where + ": " + c.getSimpleName() + " needs a constructor without arguments");
        }
        return c;
    }

    private static Object instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName() + ": " + e, e);
        }
    }
}
