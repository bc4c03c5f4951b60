package dev.medspa.booking.intake.messaging;

import dev.medspa.booking.intake.IntakeOutcomes;
import dev.medspa.events.intake.IntakeStatusChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads intake-service's status changes, keyed by booking id, so each booking's changes
 * arrive in order; what one means is decided by {@link IntakeOutcomes}.
 */
@Component
class IntakeStatusListener {

	private final IntakeOutcomes outcomes;

	IntakeStatusListener(IntakeOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@KafkaListener(id = "booking-intake-status", topics = "#{@topicNames.intakeEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof IntakeStatusChanged change) {
			this.outcomes.changed(change);
		}
	}

}
