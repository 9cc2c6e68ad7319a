package dev.migrationguard.workspace;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work another thread does (a model, a parse, a chain of rules), as if this thread had done it. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * The task's result once it is done. Its failure is thrown as the task threw it (an unchecked exception or an
     * error); an interrupt while waiting does not stop the wait, and is kept for the caller.
     */
    public static <T> T join(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
