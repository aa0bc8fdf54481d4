package org.arborlab.client.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.arborlab.client.RetryPolicy;

/**
 * What the commands take from the outside world. Passed in rather than read from System, so tests can run the
 * whole command line in-process with their own environment, output and (fast) retry backoff.
 */
record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, RetryPolicy retryPolicy) {
}
