package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** One row of the page-times export: a participant completed a page (or arrived, page index 0). */
@Entity
@Table(name = "arbor_page_completion")
public class PageCompletion extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "participant_id", nullable = false)
    private Participant participant;

    @Column(name = "app_name", length = 100, nullable = false)
    private String appName;

    @Column(name = "page_name", length = 100, nullable = false)
    private String pageName;

    @Column(name = "page_index", nullable = false)
    private int pageIndex;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(name = "epoch_time_completed_ms", nullable = false)
    private long epochMillisCompleted;

    @Column(name = "timeout_happened", nullable = false)
    private boolean timeoutHappened;

    @Column(name = "is_wait_page", nullable = false)
    private boolean waitPage;

    protected PageCompletion() {
        // for JPA
    }

    public PageCompletion(Participant participant, String appName, String pageName, int pageIndex,
            int roundNumber, long epochMillisCompleted, boolean timeoutHappened, boolean waitPage) {
        this.participant = Objects.requireNonNull(participant);
        this.session = participant.getSession();
        this.appName = Objects.requireNonNull(appName);
        this.pageName = Objects.requireNonNull(pageName);
        this.pageIndex = pageIndex;
        this.roundNumber = roundNumber;
        this.epochMillisCompleted = epochMillisCompleted;
        this.timeoutHappened = timeoutHappened;
        this.waitPage = waitPage;
    }

    public Session getSession() {
        return session;
    }

    public Participant getParticipant() {
        return participant;
    }

    public String getAppName() {
        return appName;
    }

    public String getPageName() {
        return pageName;
    }

    public int getPageIndex() {
        return pageIndex;
    }

    public int getRoundNumber() {
        return roundNumber;
    }

    public long getEpochMillisCompleted() {
        return epochMillisCompleted;
    }

    public boolean isTimeoutHappened() {
        return timeoutHappened;
    }

    public boolean isWaitPage() {
        return waitPage;
    }
}
