package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.ModelScope;
import org.arborlab.control.engine.runtime.TemplateValues;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.engine.runtime.ModelScopes;
import org.arborlab.control.engine.storage.JpaStorage;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.BaseSubsession;

/**
 * The data of admin reports: which apps of a session have one, and what a report shows for a round.
 * Rendering is the admin pages' business; the values here are plain (maps, lists, text), ready for a template.
 */
@Stateless
public class AdminReportService {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    AppRegistry apps;

    @Inject
    SessionService sessions;

    @Inject
    ModelScopes scopes;

    @Resource
    SessionContext context;

    /** The session's apps that have an admin report, with their number of rounds, in app-sequence order. */
    public Map<String, Integer> appsWithReports(SessionCode code) {
        Session session = sessions.require(code);
        Map<String, Integer> reports = new LinkedHashMap<>();
        for (AppModel app : apps.flow(session.getConfig()).apps()) {
            if (app.hasAdminReport()) {
                reports.put(app.name(), app.numRounds());
            }
        }
        return reports;
    }

    /**
     * What a report template gets: {@code subsession}, {@code session}, {@code C} and the app's
     * {@code varsForAdminReport} (which win on a name clash). A round outside 1..rounds means the last round,
     * as in oTree.
     *
     * @throws NotFoundException if the app is not in the session or has no report
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> report(SessionCode code, String appName, Integer roundNumber) {
        Session session = sessions.require(code);
        AppModel app = apps.flow(session.getConfig()).apps().stream().filter(a -> a.name().equals(appName))
                .filter(AppModel::hasAdminReport).findFirst()
                .orElseThrow(() -> new NotFoundException("App " + appName + " of session " + code.value()
                        + " has no admin report"));
        int round = roundNumber == null || roundNumber < 1 || roundNumber > app.numRounds() ? app.numRounds()
                : roundNumber;
        Subsession subsession = em.createNamedQuery("Subsession.inRounds", Subsession.class)
                .setParameter("session", session).setParameter("app", appName).setParameter("first", round)
                .setParameter("last", round).getSingleResult();
        ModelScope scope = scopes.open(new JpaStorage(em), session);
        TemplateValues convert = new TemplateValues(scope);
        BaseSubsession<?, ?> model = scope.subsession(subsession);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subsession", convert.subsession(model));
        values.put("session", convert.session(scope.session()));
        values.put("C", convert.convert(app.constants()));
        Map<String, Object> vars = app.app().varsForAdminReport(model);
        if (vars != null) {
            vars.forEach((k, v) -> values.put(k, convert.convert(v)));
        }
        context.setRollbackOnly(); // a report only reads
        return values;
    }

    /** The rounds a report can show. */
    public List<Integer> rounds(String appName) {
        return java.util.stream.IntStream.rangeClosed(1, apps.get(appName).numRounds()).boxed().toList();
    }
}
