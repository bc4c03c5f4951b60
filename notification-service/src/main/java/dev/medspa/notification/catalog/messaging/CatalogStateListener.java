package dev.medspa.notification.catalog.messaging;

import java.util.Map;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.notification.catalog.CatalogReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog read model; reads the topics from the beginning when the read model
 * is empty.
 */
@Component
class CatalogStateListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(CatalogStateListener.class);

	private final CatalogReadModel readModel;

	CatalogStateListener(CatalogReadModel readModel) {
		this.readModel = readModel;
	}

	@KafkaListener(id = "notification-catalog-state",
			topics = { "#{@topicNames.treatments()}", "#{@topicNames.locations()}" })
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof TreatmentState treatment) {
			this.readModel.apply(treatment);
		}
		else if (record.value() instanceof LocationState location) {
			this.readModel.apply(location);
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
