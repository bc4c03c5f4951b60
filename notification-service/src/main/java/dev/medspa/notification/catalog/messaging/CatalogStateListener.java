package dev.medspa.notification.catalog.messaging;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.support.readmodel.RebuildingStateListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog read model from the catalog's compacted topics, rebuilding it when it
 * is empty.
 */
@Component
class CatalogStateListener extends RebuildingStateListener {

	private final CatalogReadModel readModel;

	CatalogStateListener(CatalogReadModel readModel) {
		this.readModel = readModel;
	}

	@KafkaListener(id = "notification-catalog-state",
			topics = { "#{@topicNames.treatments()}", "#{@topicNames.locations()}", "#{@topicNames.practitioners()}" })
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof TreatmentState treatment) {
			this.readModel.apply(treatment);
		}
		else if (record.value() instanceof LocationState location) {
			this.readModel.apply(location);
		}
		else if (record.value() instanceof PractitionerState practitioner) {
			this.readModel.apply(practitioner);
		}
	}

	@Override
	protected boolean readModelIsEmpty() {
		return this.readModel.isEmpty();
	}

}
