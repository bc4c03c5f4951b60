/**
 * Public documentation of the platform's messages: the AsyncAPI document of its Kafka
 * topics and webhooks, generated from the event contracts when the gateway starts.
 */
@NullMarked
package dev.medspa.gateway.docs;

import org.jspecify.annotations.NullMarked;
