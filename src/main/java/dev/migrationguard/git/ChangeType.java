package dev.migrationguard.git;

/** How one path changed between two versions, as git's diff with rename detection reports it. */
public enum ChangeType { ADD, MODIFY, DELETE, RENAME, COPY }
