/** JMH benchmarks. */
package dev.certa.bench;
