package org.tandem.testsupport.sounds;

import org.tandem.domain.tenant.PromptLanguage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Empty sound-set folders ({@code fr_CA_f_June}, ...) in a test's own folder, which is the node's sounds
 * folder (tandem.sounds.dir) until closed; then the installed packages' folder is again.
 */
public final class InstalledSoundSets implements AutoCloseable {

    private InstalledSoundSets() {
    }

    public static InstalledSoundSets in(Path folder, String... soundSetFolders) throws IOException {
        for (String soundSet : soundSetFolders) {
            Files.createDirectories(folder.resolve(soundSet));
        }
        System.setProperty(PromptLanguage.SOUNDS_FOLDER_PROPERTY, folder.toString());
        return new InstalledSoundSets();
    }

    @Override
    public void close() {
        System.clearProperty(PromptLanguage.SOUNDS_FOLDER_PROPERTY);
    }
}
