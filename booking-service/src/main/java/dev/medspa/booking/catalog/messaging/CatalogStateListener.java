package dev.medspa.booking.catalog.messaging;

import java.util.Map;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog read model from the catalog's compacted topics. When the read model
 * is empty (first start, or a wiped database), it reads the topics from the beginning,
 * whatever offsets the group had committed.
 */
@Component
class CatalogStateListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(CatalogStateListener.class);

	private final CatalogReadModel readModel;

	CatalogStateListener(CatalogReadModel readModel) {
		this.readModel = readModel;
	}

	@KafkaListener(id = "booking-catalog-state",
			topics = { "#{@topicNames.treatments()}", "#{@topicNames.locations()}", "#{@topicNames.practitioners()}" })
	void on(ConsumerRecord<String, Object> record) {
		Object state = record.value();
		if (state instanceof TreatmentState treatment) {
			this.readModel.apply(treatment);
		}
		else if (state instanceof LocationState location) {
			this.readModel.apply(location);
		}
		else if (state instanceof PractitionerState practitioner) {
			this.readModel.apply(practitioner);
		}
		else {
			log.debug("Ignoring record {} on {}: not catalog state", record.key(), record.topic());
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (!assignments.isEmpty() && this.readModel.isEmpty()) {
			log.info("Catalog read model is empty: reading {} from the beginning", assignments.keySet());
			callback.seekToBeginning(assignments.keySet());
		}
	}

}
