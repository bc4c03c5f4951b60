/**
 * The contracts that cross service boundaries: topic names, event records, their types
 * and schema versions. A plain library: no Spring, no Kafka client, only Jackson
 * annotations so the records read and write as JSON.
 */
@NullMarked
package dev.medspa.events;

import org.jspecify.annotations.NullMarked;
