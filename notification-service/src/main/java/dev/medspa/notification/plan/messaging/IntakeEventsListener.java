package dev.medspa.notification.plan.messaging;

import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.notification.plan.PlanService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Intake events in: where each booking's forms stand, keyed by booking id. An event that
 * arrives before its booking's confirmation (another topic) is retried until the plan is
 * there, as a booking event waits for the catalog; one that cannot be processed goes to
 * the topic's dead-letter topic.
 */
@Component
class IntakeEventsListener {

	private final PlanService plans;

	IntakeEventsListener(PlanService plans) {
		this.plans = plans;
	}

	@KafkaListener(id = "notification-intake-events", topics = "#{@topicNames.intakeEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof IntakeStatusChanged event) {
			this.plans.apply(event);
		}
	}

}
