package dev.medspa.booking.catalog.messaging;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.CatalogChanges;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.readmodel.RebuildingStateListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog read model from the catalog's compacted topics, rebuilding it when it
 * is empty; a change that leaves bookings without what they need lists them as needing
 * attention.
 */
@Component
class CatalogStateListener extends RebuildingStateListener {

	private final CatalogReadModel readModel;

	private final CatalogChanges changes;

	CatalogStateListener(CatalogReadModel readModel, CatalogChanges changes) {
		this.readModel = readModel;
		this.changes = changes;
	}

	@KafkaListener(id = "booking-catalog-state",
			topics = { "#{@topicNames.treatments()}", "#{@topicNames.locations()}", "#{@topicNames.practitioners()}" })
	void on(ConsumerRecord<String, Object> record) {
		Object state = record.value();
		if (state instanceof TreatmentState treatment) {
			this.readModel.apply(treatment);
		}
		else if (state instanceof LocationState location) {
			CatalogLocation before = this.readModel.location(location.id().value()).orElse(null);
			if (this.readModel.apply(location)) {
				this.changes.locationChanged(before, location.id().value());
			}
		}
		else if (state instanceof PractitionerState practitioner) {
			CatalogPractitioner before = this.readModel.practitioner(practitioner.id().value()).orElse(null);
			if (this.readModel.apply(practitioner)) {
				this.changes.practitionerChanged(before, practitioner.id().value());
			}
		}
	}

	@Override
	protected boolean readModelIsEmpty() {
		return this.readModel.isEmpty();
	}

}
