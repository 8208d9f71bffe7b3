/**
 * Reliability and security checks across modules (issue 6): hostile inputs through the batch pipeline,
 * model-file safety, fault injection with child JVMs killed by SIGKILL, thread-safety, and (behind
 * {@code -Djaznet.long=true}) load and memory soaks. See tests/RELIABILITY.md for how to run them and
 * the figures measured.
 */
package org.jaznet.tests.reliability;
