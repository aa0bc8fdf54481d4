package org.arborlab.control.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;

/**
 * The pages of a session in the order a participant meets them: every page of every round of every app in the
 * session's {@code app_sequence}. Index 1 is the first page (oTree's {@code _index_in_pages}); index 0 is
 * arrival and {@code size() + 1} means finished.
 */
public final class PageFlow {

    /** One position in the flow. */
    public record Step(int index, AppModel app, int round, AbstractPage<?> page) {

        public boolean isWaitPage() {
            return page instanceof WaitPage<?, ?, ?>;
        }

        public Page<?> formPage() {
            return (Page<?>) page;
        }

        public WaitPage<?, ?, ?> waitPage() {
            return (WaitPage<?, ?, ?>) page;
        }

        public String appName() {
            return app.name();
        }

        public String pageName() {
            return page.name();
        }
    }

    private final List<AppModel> apps;
    private final List<Step> steps;

    PageFlow(List<AppModel> apps) {
        this.apps = List.copyOf(apps);
        List<Step> list = new ArrayList<>();
        for (AppModel app : apps) {
            for (int round = 1; round <= app.numRounds(); round++) {
                for (AbstractPage<?> page : app.pages()) {
                    list.add(new Step(list.size() + 1, app, round, page));
                }
            }
        }
        this.steps = List.copyOf(list);
    }

    /** The last page's index (oTree's {@code _max_page_index}). */
    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index - 1);
    }

    public boolean isFinished(int index) {
        return index > steps.size();
    }

    public List<AppModel> apps() {
        return apps;
    }

    /** Names of the apps after the given one, in order. */
    public List<String> appsAfter(String appName) {
        List<String> names = apps.stream().map(AppModel::name).toList();
        int position = names.indexOf(appName);
        return names.subList(position + 1, names.size());
    }

    /** The first index of an app's first round. */
    public int firstIndexOf(String appName) {
        for (Step step : steps) {
            if (step.appName().equals(appName)) {
                return step.index();
            }
        }
        throw new IllegalArgumentException("No app " + appName + " in this session");
    }
}
