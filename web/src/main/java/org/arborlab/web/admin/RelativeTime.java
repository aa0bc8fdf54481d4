package org.arborlab.web.admin;

/** The "Created" column: "just now", "5 minutes ago", "1 hour ago", "3 days ago" (oTree says "< 1 hour ago"). */
final class RelativeTime {

    private RelativeTime() {
    }

    static String since(long epochMillis, long now) {
        long minutes = Math.max(0, now - epochMillis) / 60_000L;
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours == 1 ? "1 hour ago" : hours + " hours ago";
        }
        long days = hours / 24;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
