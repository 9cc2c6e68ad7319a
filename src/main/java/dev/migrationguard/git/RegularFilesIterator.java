package dev.migrationguard.git;

import dev.migrationguard.workspace.RegularFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.util.FS;

/**
 * JGit's working-tree iterator without what JGit must never open: FIFOs, sockets and devices are left out of the
 * walk (JGit would open one to read it as {@code .gitattributes} or {@code .gitignore} and wait forever), and so are
 * {@code .gitattributes} and {@code .gitignore} files larger than a settings file can sensibly be.
 */
final class RegularFilesIterator extends FileTreeIterator {
    RegularFilesIterator(Repository repository) {
        super(repository);
    }

    private RegularFilesIterator(RegularFilesIterator parent, File root, FS fs, FileModeStrategy strategy) {
        super(parent, root, fs, strategy);
    }

    @Override
    public AbstractTreeIterator createSubtreeIterator(ObjectReader reader) throws IOException {
        return new RegularFilesIterator(this, getEntryFile(), fs, fileModeStrategy);
    }

    @Override
    protected void init(Entry[] list) {
        List<Entry> kept = new ArrayList<>(list.length);
        for (Entry entry : list) {
            if (entry == null || keeps(entry)) {
                kept.add(entry);
            }
        }
        super.init(kept.size() == list.length ? list : kept.toArray(new Entry[0]));
    }

    private static boolean keeps(Entry entry) {
        FileMode mode = entry.getMode();
        if (!(entry instanceof FileEntry file) || mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
            return true;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.getFile().toPath(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isOther()) {
                return false;
            }
            String name = entry.getName();
            return !(name.equals(Constants.DOT_GIT_ATTRIBUTES) || name.equals(Constants.DOT_GIT_IGNORE))
                    || attributes.size() <= RegularFile.SETTINGS_MAX_BYTES;
        } catch (IOException e) {
            // Vanished since it was listed: JGit copes with that.
            return true;
        }
    }
}
