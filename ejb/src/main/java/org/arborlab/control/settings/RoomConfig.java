package org.arborlab.control.settings;

import java.util.List;
import java.util.Optional;

/** A room from settings; {@code labelFile} is empty for rooms without a participant label file. */
public record RoomConfig(String name, String displayName, Optional<ParticipantLabelFile> labelFile,
        boolean useSecureUrls) {

    public boolean hasLabels() {
        return labelFile.isPresent();
    }

    /** The labels, re-read from the file each time so lab managers can edit it while Arbor runs. */
    public List<String> participantLabels() {
        return labelFile.map(ParticipantLabelFile::read).orElse(List.of());
    }
}
