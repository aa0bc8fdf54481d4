package org.arborlab.web.admin;

/** oTree's "Created" column: "< 1 hour ago", "N hours ago", "N days ago". */
final class RelativeTime {

    private RelativeTime() {
    }

    static String since(long epochMillis, long now) {
        long hours = Math.max(0, now - epochMillis) / 3_600_000L;
        if (hours < 1) {
            return "< 1 hour ago";
        }
        if (hours < 24) {
            return hours == 1 ? "1 hour ago" : hours + " hours ago";
        }
        long days = hours / 24;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
